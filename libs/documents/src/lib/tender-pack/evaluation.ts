import { CriterionType, PriceMethod, type Criterion, type EvaluationModel } from '@openbrief/contracts';
import { formatMoney, formatNumber, formatPercent, scaleMaximum } from './format';

/**
 * The evaluation model in the words and numbers a supplier needs: each criterion's reference and
 * overall weight, the price formula with a worked example, the quality threshold in marks.
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

export interface PriceExplanation {
  formula: string;
  example: string;
}

function examplePrices(estimatedValue: number | null): { yours: number; lowest: number } {
  // Round example figures so the arithmetic is easy to follow.
  const yours = estimatedValue && estimatedValue > 0 ? Math.max(1000, Math.round(estimatedValue / 1000) * 1000) : 100_000;
  const lowest = Math.round((yours * 0.9) / 1000) * 1000 || Math.round(yours * 0.9);
  return { yours, lowest };
}

export function explainPrice(method: PriceMethod, maxMarks: number, estimatedValue: number | null, currency: string): PriceExplanation {
  const { yours, lowest } = examplePrices(estimatedValue);
  const m = formatNumber(maxMarks, Number.isInteger(maxMarks) ? 0 : 2);
  const prices = `The lowest price is ${formatMoney(lowest, currency)} and yours is ${formatMoney(yours, currency)}.`;
  if (method === PriceMethod.Proportional) {
    const score = (lowest / yours) * maxMarks;
    return {
      formula: `Price score = (lowest price ÷ your price) × ${m}`,
      example: `${prices} Your price score is (${formatNumber(lowest)} ÷ ${formatNumber(yours)}) × ${m} = ${formatNumber(score, 2)} marks.`,
    };
  }
  const ratio = Math.max(0, 1 - (yours - lowest) / lowest);
  const score = maxMarks * ratio;
  return {
    formula: `Price score = ${m} × (1 − (your price − lowest price) ÷ lowest price), and never less than 0`,
    example:
      `${prices} Your price score is ${m} × (1 − (${formatNumber(yours)} − ${formatNumber(lowest)}) ÷ ${formatNumber(lowest)}) ` +
      `= ${m} × ${formatNumber(ratio, 4)} = ${formatNumber(score, 2)} marks. A price twice the lowest or more scores 0.`,
  };
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
