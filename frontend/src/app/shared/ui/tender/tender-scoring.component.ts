import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Criterion, EvaluationModel, evaluationRuleSentences, PriceMethod } from '@openbrief/contracts';
import { PRICE_METHODS } from '@openbrief/scoring';
import { CRITERION_TYPE_LABELS } from './tender-labels';

interface CriterionRow {
  readonly criterion: Criterion;
  /** Share of the whole score, in per cent. */
  readonly overall: number;
  readonly children: readonly CriterionRow[];
}

/**
 * How bids will be scored: weighted criteria (with sub-criteria), scale, quality threshold, the price method with its
 * formula (the scoring library's words, as the pack prints them), and the panel's rules a supplier needs to know.
 */
@Component({
  selector: 'ob-tender-scoring',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tender-scoring.component.html',
  styleUrl: './tender-scoring.component.scss',
})
export class TenderScoring {
  readonly model = input.required<EvaluationModel>();
  /** The budget's highest figure: the linear method's ceiling when the tender sets none. */
  readonly budgetMax = input<number | null>(null);

  protected readonly typeLabels = CRITERION_TYPE_LABELS;
  protected readonly method = computed(() => PRICE_METHODS[this.model().priceMethod]);
  /** The same sentences the tender pack prints (one wording, in contracts). */
  protected readonly ruleSentences = computed(() => evaluationRuleSentences(this.model().rules));

  protected readonly rows = computed(() => {
    const criteria = [...this.model().criteria].sort((a, b) => a.order - b.order);
    const build = (parentId: string | null, parentShare: number): CriterionRow[] =>
      criteria
        .filter((c) => c.parentId === parentId)
        .map((criterion) => {
          const overall = (parentShare * criterion.weight) / 100;
          return { criterion, overall, children: build(criterion.id, overall) };
        });
    return build(null, 100);
  });

  /** The published parameters of the chosen method, in words; empty for methods without any. */
  protected readonly parameters = computed(() => {
    const { priceMethod, rules } = this.model();
    const p = rules.price;
    switch (priceMethod) {
      case PriceMethod.LinearBudgetToFloor: {
        const max = this.budgetMax();
        const ceiling =
          p.ceilingPrice !== null
            ? this.pounds(p.ceilingPrice)
            : max !== null
              ? `${this.pounds(max)}, the budget’s maximum`
              : 'the budget’s maximum';
        return `Ceiling price: ${ceiling}. Floor price: ${this.pounds(p.floorPrice ?? 0)}.`;
      }
      case PriceMethod.Logarithmic:
        return `A = ${p.logRatio}: a price ${p.logRatio} times the lowest, or more, scores nothing.`;
      case PriceMethod.WholeLifeCost:
        return `Costs in later years are discounted at ${p.discountRatePercent}% a year.`;
      default:
        return '';
    }
  });

  protected percent(value: number): string {
    return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
  }

  private pounds(value: number): string {
    return `£${value.toLocaleString('en-GB', { maximumFractionDigits: 2 })}`;
  }
}
