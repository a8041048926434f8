import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { EvaluationResults } from '@openbrief/contracts';
import { BarChart } from '../../../../shared/ui/charts/bar-chart.component';
import { StackedBarChart } from '../../../../shared/ui/charts/stacked-bar-chart.component';
import { formatCount, formatPoints, formatShare } from './results-format';
import {
  leaderOf,
  pointsLostRows,
  pointsLostSummary,
  smallestChangeSentence,
  topLevelSeries,
  winShareBars,
  winShareSummary,
} from './results-view';

/**
 * How sure the ranking is: the smallest change to one weight that would change the leader, the share of random
 * weightings each response wins, and where each response lost points to the leader. Each chart has its table.
 */
@Component({
  selector: 'ob-sensitivity-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [BarChart, StackedBarChart],
  template: `
    @let r = results();
    @if (r.sensitivity; as s) {
      <h3>The smallest change that would change the leader</h3>
      <p class="sensitivity__sentence" id="smallest-change">{{ sentence() }}</p>
      <p class="secondary-text">The other weights are rescaled in proportion so that the weights still add up to 100%.</p>

      <h3>How often each response would win if the weights were a little different</h3>
      <p>
        We moved every weight at random by up to {{ count(s.perturbation) }} percentage points, rescaled them to add up to 100%, and counted
        which response came first. We did this {{ count(s.draws) }} times.
      </p>
      <ob-bar-chart
        [bars]="shares()"
        [domain]="{ low: 0, high: 1 }"
        [summary]="shareSummary()"
        caption="Share of random weightings won"
        labelHeading="Supplier"
        valueHeading="Share won"
        [tickText]="shareTick"
      />

      @if (lostRows().length) {
        <h3>Where each response lost points to {{ leaderName() }}</h3>
        <p>
          Each bar is how many points a response is behind the leader, split by criterion. A part left of zero is where it scored more than
          the leader.
        </p>
        <ob-stacked-bar-chart
          [series]="series()"
          [rows]="lostRows()"
          [summary]="lostSummary()"
          caption="Points lost to the leader, by criterion"
          labelHeading="Supplier"
          totalHeading="Behind in total"
          [valueText]="pointsText"
          [tickText]="pointsTick"
        />
      }
    } @else {
      <p>
        There is no sensitivity analysis yet. It needs at least two responses that are not disqualified, each with a score for every
        criterion.
      </p>
    }
  `,
  styles: `
    .sensitivity__sentence {
      padding: 0.75rem 1rem;
      border-left: 6px solid var(--ob-brand-accent);
      background: var(--ob-surface-tint);
      font-size: 1.1875rem;
      font-weight: 700;
    }
  `,
})
export class SensitivitySection {
  readonly results = input.required<EvaluationResults>();

  protected readonly sentence = computed(() => smallestChangeSentence(this.results()));
  protected readonly shares = computed(() => winShareBars(this.results()));
  protected readonly shareSummary = computed(() => winShareSummary(this.results()));
  protected readonly series = computed(() => topLevelSeries(this.results()));
  protected readonly lostRows = computed(() => pointsLostRows(this.results()));
  protected readonly lostSummary = computed(() => pointsLostSummary(this.results()));
  protected readonly leaderName = computed(() => leaderOf(this.results())?.supplierName ?? 'the leader');

  protected readonly shareTick = (value: number) => formatShare(value).replace('.0%', '%');
  protected readonly pointsText = (value: number) => formatPoints(value);
  protected readonly pointsTick = (value: number) => formatPoints(value).replace(/\.0$/, '');

  protected count(value: number): string {
    return formatCount(value);
  }
}
