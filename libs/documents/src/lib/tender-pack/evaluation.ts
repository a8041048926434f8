import { CriterionType, type Criterion, type EvaluationModel } from '@openbrief/contracts';
import { formatNumber, formatPercent, scaleMaximum } from './format';

/**
 * The evaluation model in the words and numbers a supplier needs: each criterion's reference and
 * overall weight, the quality threshold in marks. Price is explained by the scoring library itself (sections/price.ts).
 */

export interface CriterionRow {
  /** "A", "A1", "A1.1": short references suppliers use in the response template. */
  ref: string;
  criterion: Criterion;
  depth: number;
  /** Percentage of the whole evaluation (parent's overall × own weight). */
  overall: number;
  isLeaf: boolean;
}

export function criteriaRows(model: EvaluationModel): CriterionRow[] {
  const children = new Map<string | null, Criterion[]>();
  for (const c of model.criteria) {
    const list = children.get(c.parentId) ?? [];
    list.push(c);
    children.set(c.parentId, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.order - b.order);
  const rows: CriterionRow[] = [];
  const seen = new Set<string>();
  const walk = (parentId: string | null, parentRef: string, parentOverall: number, depth: number) => {
    (children.get(parentId) ?? []).forEach((c, i) => {
      if (seen.has(c.id)) return; // a malformed cycle must not hang the renderer
      seen.add(c.id);
      const ref = depth === 0 ? String.fromCharCode(65 + (i % 26)) : depth === 1 ? `${parentRef}${i + 1}` : `${parentRef}.${i + 1}`;
      const overall = (parentOverall * c.weight) / 100;
      const isLeaf = (children.get(c.id) ?? []).length === 0;
      rows.push({ ref, criterion: c, depth, overall, isLeaf });
      walk(c.id, ref, overall, depth + 1);
    });
  };
  walk(null, '', 100, 0);
  return rows;
}

/** Total weight of the top-level criteria of a type (e.g. all of price). */
export function topLevelWeight(model: EvaluationModel, type: CriterionType): number {
  return model.criteria.filter((c) => c.parentId === null && c.type === type).reduce((s, c) => s + c.weight, 0);
}

/**
 * The marks for price: the overall weight of the price criteria that are scored (leaves), wherever they sit in the
 * tree, so a price criterion under a "Commercial" group counts at its share of the whole.
 */
export function priceMarks(rows: CriterionRow[]): number {
  return rows.filter((r) => r.isLeaf && r.criterion.type === CriterionType.Price).reduce((s, r) => s + r.overall, 0);
}

export function explainQuality(model: EvaluationModel, rows: CriterionRow[]): string {
  const max = scaleMaximum(model.scale);
  const example = rows.find((r) => r.isLeaf && r.criterion.type === CriterionType.Quality);
  const base = `Each question is scored on the ${model.scale.replace('-', '–')} scale below. Your marks for a question are your score ÷ ${max} × the question’s overall weight.`;
  if (!example) return base;
  const w = Number(example.overall.toFixed(2));
  const score = Math.max(0, max - 1);
  return `${base} For example, a score of ${score} on ${example.ref} (worth ${formatPercent(w)}) gives ${score} ÷ ${max} × ${w} = ${formatNumber((score / max) * w, 2)} marks.`;
}

export function explainThreshold(model: EvaluationModel): string {
  const quality = topLevelWeight(model, CriterionType.Quality);
  if (model.minimumQualityPercent == null)
    return 'There is no minimum quality threshold: every compliant bid is scored on quality and price.';
  const marks = (quality * model.minimumQualityPercent) / 100;
  return (
    `Bids scoring less than ${formatPercent(model.minimumQualityPercent)} of the marks available for quality ` +
    `(${formatNumber(marks, Number.isInteger(marks) ? 0 : 2)} of ${formatNumber(quality, Number.isInteger(quality) ? 0 : 2)} marks) are excluded, whatever their price.`
  );
}
