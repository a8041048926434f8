import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { CriterionType, EvaluationResults, PriceInvestigation } from '@openbrief/contracts';
import { formatUkDate } from '../../../../shared/pipes/uk-date.pipe';
import { PriceInvestigationForm } from './price-investigation-form.component';
import { PRICE_METHODS } from '@openbrief/scoring';
import { formatMoney, formatPoints, formatWeight } from './results-format';

/** The prices as evaluated, lowest first, with abnormally low ones flagged and the form to record each investigation. */
@Component({
  selector: 'ob-price-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [PriceInvestigationForm],
  template: `
    <p>
      {{ intro() }} A price flagged as abnormally low is never excluded automatically: ask the supplier to explain it, then record what you
      found.
    </p>
    <div class="results-table-scroll" role="region" tabindex="0" aria-labelledby="prices-caption">
      <table class="results-table">
        <caption id="prices-caption" class="visually-hidden">
          Evaluated prices, lowest first
        </caption>
        <thead>
          <tr>
            <th scope="col">Supplier</th>
            <th scope="col" class="results-table__number">Evaluated price</th>
            <th scope="col" class="results-table__number">Price (points)</th>
            <th scope="col">Abnormally low?</th>
          </tr>
        </thead>
        <tbody>
          @for (price of prices(); track price.responseId) {
            <tr>
              <th scope="row">{{ price.supplierName }}</th>
              <td class="results-table__number">{{ money(price.evaluatedPrice) }}</td>
              <td class="results-table__number">{{ price.score === null ? 'Not scored' : points(price.score) }}</td>
              <td>
                @if (price.abnormallyLow; as flag) {
                  <span class="results-table__flag">Abnormally low</span>
                  <p class="results-table__note">{{ flag.reason }}</p>
                  @if (flag.investigation; as found) {
                    <p class="results-table__note">{{ investigationText(found) }}</p>
                  } @else {
                    <p class="results-table__note">Not yet investigated.</p>
                  }
                } @else {
                  No
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </div>
    @for (price of toInvestigate(); track price.responseId) {
      <section class="price-investigation" [attr.aria-labelledby]="'investigate-' + price.responseId">
        <h3 [id]="'investigate-' + price.responseId">Record the investigation of {{ price.supplierName }}’s price</h3>
        <p>{{ price.abnormallyLow?.reason }}</p>
        <ob-price-investigation-form [panelId]="panelId()" [price]="price" (recorded)="recorded.emit($event)" />
      </section>
    }
  `,
  styleUrl: './results-tables.scss',
  styles: `
    .price-investigation {
      margin-top: 1.5rem;
      padding: 1rem 1.25rem;
      border-left: 6px solid #b35c00;
      background: #fff4e5;
    }
  `,
})
export class PriceTable {
  readonly results = input.required<EvaluationResults>();
  readonly panelId = input.required<string>();
  readonly currency = input('GBP');
  readonly recorded = output<string>();

  protected readonly prices = computed(() => [...this.results().prices].sort((a, b) => a.evaluatedPrice - b.evaluatedPrice));
  protected readonly toInvestigate = computed(() => this.prices().filter((p) => p.abnormallyLow && !p.abnormallyLow.investigation));
  protected readonly intro = computed(() => {
    // The method's name as the editor, the public page and the pack give it.
    const method = PRICE_METHODS[this.results().priceMethod]?.label ?? this.results().priceMethod;
    const weights = this.results().criteria.filter((c) => c.type === CriterionType.Price && c.parentId === null);
    const weight = weights.reduce((sum, c) => sum + c.effectiveWeight, 0);
    return weights.length && weight > 0
      ? `How price is scored: ${method}, out of ${formatWeight(weight).replace('%', '')} points (${formatWeight(weight)} of the total).`
      : `How price is scored: ${method}.`;
  });

  protected money(amount: number): string {
    return formatMoney(amount, this.currency());
  }

  protected points(value: number): string {
    return formatPoints(value);
  }

  protected investigationText(found: PriceInvestigation): string {
    const outcome = found.outcome === 'accepted' ? 'Accepted after investigation' : 'Rejected after investigation: disqualified';
    return `${outcome}. ${found.note} (recorded by ${found.recordedBy}, ${formatUkDate(found.recordedAt)})`;
  }
}
