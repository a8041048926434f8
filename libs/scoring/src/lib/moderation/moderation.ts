export { krippendorffAlphaOrdinal, krippendorffAlphaInterval, readAgreement, AGREEMENT_RELIABLE, AGREEMENT_TENTATIVE } from './agreement';

/** One submitted individual score. */
export interface IndividualScore {
  responseId: string;
  criterionId: string;
  evaluatorId: string;
  score: number;
}

export interface ItemSpread {
  responseId: string;
  criterionId: string;
  spread: number | null;
  flagged: boolean;
}

/** Scores are whole points, or decimals on a 0–100 scale; this absorbs floating-point noise at the threshold. */
const EPSILON = 1e-9;

/** The scores of each response × criterion, in the order the items first appear (so the output is stable). */
function groupByItem(scores: readonly IndividualScore[]): IndividualScore[][] {
  const items = new Map<string, IndividualScore[]>();
  const seen = new Set<string>();
  for (const s of scores) {
    if (!Number.isFinite(s.score)) throw new RangeError(`Score of ${s.evaluatorId} on ${s.responseId}/${s.criterionId} is not a number`);
    const key = JSON.stringify([s.responseId, s.criterionId]);
    const own = JSON.stringify([s.responseId, s.criterionId, s.evaluatorId]);
    // One evaluator has one submitted score per item: a second would count their opinion twice.
    if (seen.has(own)) throw new RangeError(`${s.evaluatorId} has two scores for ${s.responseId}/${s.criterionId}`);
    seen.add(own);
    const list = items.get(key);
    if (list) list.push(s);
    else items.set(key, [s]);
  }
  return [...items.values()];
}

/** Spread per response × criterion, flagged at or above the threshold. */
export function itemSpreads(scores: readonly IndividualScore[], threshold: number): ItemSpread[] {
  return groupByItem(scores).map((item) => {
    const values = item.map((s) => s.score);
    const spread = values.length < 2 ? null : Math.max(...values) - Math.min(...values);
    return {
      responseId: item[0].responseId,
      criterionId: item[0].criterionId,
      spread,
      flagged: spread !== null && spread >= threshold - EPSILON,
    };
  });
}

/** Default spread threshold: half the scale's maximum (2 on 0–4). */
export function defaultSpreadThreshold(scaleMax: number): number {
  return scaleMax / 2;
}

export interface Offset {
  evaluatorId: string;
  meanOffset: number;
  items: number;
  outOfLine: boolean;
}

/**
 * Mean offset of each evaluator from the others on the same items: for every item they scored that someone else
 * also scored, their score minus the mean of the others' scores, averaged. One item is chance, not a pattern, so
 * an evaluator is only called out of line from two items on, when the mean offset is at least half the threshold.
 * Every evaluator is listed (in order of first appearance), with 0 items when nobody else scored what they did.
 */
export function evaluatorOffsets(scores: readonly IndividualScore[], threshold: number): Offset[] {
  const sums = new Map<string, { total: number; items: number }>();
  for (const s of scores) if (!sums.has(s.evaluatorId)) sums.set(s.evaluatorId, { total: 0, items: 0 });
  for (const item of groupByItem(scores)) {
    if (item.length < 2) continue;
    const sum = item.reduce((t, s) => t + s.score, 0);
    for (const s of item) {
      const othersMean = (sum - s.score) / (item.length - 1);
      const acc = sums.get(s.evaluatorId)!;
      acc.total += s.score - othersMean;
      acc.items += 1;
    }
  }
  return [...sums.entries()].map(([evaluatorId, { total, items }]) => {
    const meanOffset = items === 0 ? 0 : total / items;
    return { evaluatorId, meanOffset, items, outOfLine: items >= 2 && Math.abs(meanOffset) >= threshold / 2 - EPSILON };
  });
}
