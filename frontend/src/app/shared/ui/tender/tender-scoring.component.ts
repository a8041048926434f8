import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { Criterion, EvaluationModel } from '@openbrief/contracts';
import { CRITERION_TYPE_LABELS, PRICE_METHOD_LABELS } from './tender-labels';

interface CriterionRow {
  readonly criterion: Criterion;
  /** Share of the whole score, in per cent. */
  readonly overall: number;
  readonly children: readonly CriterionRow[];
}

/** How bids will be scored: weighted criteria (with sub-criteria), scale, price method and quality threshold. */
@Component({
  selector: 'ob-tender-scoring',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './tender-scoring.component.html',
  styleUrl: './tender-scoring.component.scss',
})
export class TenderScoring {
  readonly model = input.required<EvaluationModel>();

  protected readonly typeLabels = CRITERION_TYPE_LABELS;
  protected readonly priceMethodLabels = PRICE_METHOD_LABELS;

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

  protected percent(value: number): string {
    return `${Number.isInteger(value) ? value : value.toFixed(1)}%`;
  }
}
