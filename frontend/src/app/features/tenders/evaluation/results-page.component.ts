import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { EvaluationPanel, EvaluationResults, TenderDetail } from '@openbrief/contracts';
import { catchError, of } from 'rxjs';
import { createLoader } from '../../../shared/data/load-state';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { TendersApi } from '../data-access/tenders.api';
import { AwardApi } from './award.api';
import { PriceTable } from './results/price-table.component';
import { RankingTable } from './results/ranking-table.component';
import { TIE_BREAK_NAMES } from './results/results-format';
import { SensitivitySection } from './results/sensitivity-section.component';

/**
 * A lot's evaluation result for the buying team: provisional until every score is moderated; the ranking, the
 * prices with any abnormally low one to investigate, how sensitive the ranking is to the weights, and the report.
 */
@Component({
  selector: 'ob-evaluation-results-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, Loading, Notice, RankingTable, PriceTable, SensitivitySection],
  templateUrl: './results-page.component.html',
  styleUrl: './results-page.component.scss',
})
export class EvaluationResultsPage {
  /** Bound from the route: the tender and the lot's panel. */
  readonly id = input.required<string>();
  readonly panelId = input.required<string>();

  private readonly api = inject(AwardApi);
  private readonly tenders = inject(TendersApi);
  private readonly injector = inject(Injector);

  protected readonly results = createLoader<EvaluationResults>();
  protected readonly tender = signal<TenderDetail | null>(null);
  protected readonly panel = signal<EvaluationPanel | null>(null);
  protected readonly spoken = signal('');

  protected readonly currency = computed(() => this.tender()?.budget.currency ?? 'GBP');
  protected readonly reportUrl = computed(() => this.api.reportUrl(this.panelId()));
  protected readonly tieBreakName = computed(() => {
    const state = this.results.state();
    return state.status === 'ready' ? TIE_BREAK_NAMES[state.value.tieBreakRule] : '';
  });

  constructor() {
    effect(() => {
      const id = this.id();
      const panelId = this.panelId();
      untracked(() => {
        this.results.load(this.api.results(panelId));
        // The heading's context only: the page works without it.
        this.tenders
          .get(id)
          .pipe(catchError(() => of(null)))
          .subscribe((tender) => this.tender.set(tender));
        this.api
          .panel(panelId)
          .pipe(catchError(() => of(null)))
          .subscribe((panel) => this.panel.set(panel));
      });
    });
  }

  protected reload(): void {
    this.results.load(this.api.results(this.panelId()));
  }

  protected investigated(message: string): void {
    this.spoken.set(message);
    this.reload();
    afterNextRender(() => document.getElementById('prices-title')?.focus(), { injector: this.injector });
  }
}
