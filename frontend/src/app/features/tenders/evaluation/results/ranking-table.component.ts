import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { EvaluationResults } from '@openbrief/contracts';
import { formatPerPoint, formatPoints } from './results-format';
import { rankedTotals, rankingNotes, usesPricePerPoint } from './results-view';

/** The ranking: each response's quality and price points and total, with near-ties, tie-breaks and disqualifications. */
@Component({
  selector: 'ob-ranking-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="results-table-scroll" role="region" tabindex="0" aria-labelledby="ranking-caption">
      <table class="results-table">
        <caption id="ranking-caption" class="visually-hidden">
          Ranking of the responses, leading response first
        </caption>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Supplier</th>
            <th scope="col" class="results-table__number">Quality (points)</th>
            <th scope="col" class="results-table__number">{{ perPoint() ? 'Price per quality point' : 'Price (points)' }}</th>
            <th scope="col" class="results-table__number">Total (points)</th>
            <th scope="col">Notes</th>
          </tr>
        </thead>
        <tbody>
          @for (row of rows(); track row.responseId) {
            <tr [class.results-table__out]="row.disqualified">
              <td>{{ row.rank ?? 'Disqualified' }}</td>
              <th scope="row">{{ row.supplierName }}</th>
              <td class="results-table__number">{{ points(row.qualityTotal) }}</td>
              <td class="results-table__number">{{ priceText(row.priceScore, row.pricePerQualityPoint) }}</td>
              <td class="results-table__number">{{ points(row.total) }}</td>
              <td>
                @for (note of row.notes; track $index) {
                  <p class="results-table__note">{{ note }}</p>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styleUrl: './results-tables.scss',
})
export class RankingTable {
  readonly results = input.required<EvaluationResults>();
  readonly currency = input('GBP');

  protected readonly perPoint = computed(() => usesPricePerPoint(this.results()));
  protected readonly rows = computed(() => rankedTotals(this.results()).map((t) => ({ ...t, notes: rankingNotes(t) })));

  protected points(value: number): string {
    return formatPoints(value);
  }

  protected priceText(score: number | null, perPoint: number | null): string {
    if (this.perPoint()) return perPoint === null ? 'Not scored' : formatPerPoint(perPoint, this.currency());
    return score === null ? 'Not scored' : formatPoints(score);
  }
}
