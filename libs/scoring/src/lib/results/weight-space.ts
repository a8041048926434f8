import { TieBreakRule } from '@openbrief/contracts';
import type { ScoredField } from './scored-field';

/**
 * The weights the sensitivity analysis moves and the bids it compares, as flat arrays: every leaf (price included)
 * for the point-scoring methods, the quality leaves only under price per quality point (price has no weight there).
 */
export interface WeightSpace {
  leafIds: string[];
  /** Effective weights of those leaves. */
  base: Float64Array;
  /** What they add up to, kept when they are moved (100 for a complete model). */
  target: number;
  /** Per leaf: it counts towards the quality total. */
  quality: boolean[];
  byPricePerQualityPoint: boolean;
  tieBreak: TieBreakRule;
  /** The qualifying bids, in id order. */
  ids: string[];
  labels: string[];
  prices: Float64Array;
  /** Share earned (0–1) per bid × leaf, row-major. */
  shares: Float64Array;
}

export function weightSpace(field: ScoredField, tieBreak: TieBreakRule): WeightSpace {
  const { tree } = field;
  const varied = tree.leaves
    .map((leaf, i) => ({ leaf, i }))
    .filter(({ leaf }) => !(field.byPricePerQualityPoint && leaf === tree.priceLeaf));
  const n = varied.length;
  const shares = new Float64Array(field.qualifying.length * n);
  field.qualifying.forEach((b, r) => varied.forEach(({ i }, j) => (shares[r * n + j] = b.shares[i])));
  const base = Float64Array.from(varied, ({ leaf }) => tree.effectiveWeights[leaf.id]);
  return {
    leafIds: varied.map(({ leaf }) => leaf.id),
    base,
    target: base.reduce((s, w) => s + w, 0),
    quality: varied.map(({ leaf }) => leaf !== tree.priceLeaf),
    byPricePerQualityPoint: field.byPricePerQualityPoint,
    tieBreak,
    ids: field.qualifying.map((b) => b.id),
    labels: field.qualifying.map((b) => b.label),
    prices: Float64Array.from(field.qualifying, (b) => b.evaluatedPrice),
    shares,
  };
}

/** A bid's total under weights w (under price per quality point: its quality total). */
export function totalAt(s: WeightSpace, bid: number, w: ArrayLike<number>): number {
  const n = s.leafIds.length;
  let t = 0;
  for (let j = 0, o = bid * n; j < n; j++, o++) t += w[j] * s.shares[o];
  return t;
}

function qualityAt(s: WeightSpace, bid: number, w: ArrayLike<number>): number {
  const n = s.leafIds.length;
  let t = 0;
  for (let j = 0; j < n; j++) if (s.quality[j]) t += w[j] * s.shares[bid * n + j];
  return t;
}

/** Under price per quality point the ranking reads price ÷ quality total, lowest first; a quality total of 0 ranks last. */
export const ratio = (s: WeightSpace, bid: number, total: number) => (total > 0 ? s.prices[bid] / total : Infinity);

/**
 * Of bids level on their exact totals (or price per point), those the published tie-break keeps in front; more than
 * one when it cannot separate them.
 */
export function breakTie(s: WeightSpace, tied: readonly number[], w: ArrayLike<number>): number[] {
  const key = (b: number) => (s.tieBreak === TieBreakRule.HigherQuality ? -qualityAt(s, b, w) : s.prices[b]);
  let best = Infinity;
  let out: number[] = [];
  for (const b of tied) {
    const k = key(b);
    if (k < best) {
      best = k;
      out = [b];
    } else if (k === best) out.push(b);
  }
  return out;
}

/** The winners (one unless the tie-break cannot separate them) under weights w, among the candidate bids. */
export function winnersAt(s: WeightSpace, w: ArrayLike<number>, candidates?: readonly number[]): number[] {
  let best = -Infinity;
  let tied: number[] = [];
  const count = candidates ? candidates.length : s.ids.length;
  for (let c = 0; c < count; c++) {
    const b = candidates ? candidates[c] : c;
    const v = merit(s, b, totalAt(s, b, w));
    if (v > best) {
      best = v;
      tied = [b];
    } else if (v === best) tied.push(b);
  }
  return tied.length > 1 ? breakTie(s, tied, w) : tied;
}

/** Higher is better: the total, or minus the price per quality point. */
export const merit = (s: WeightSpace, bid: number, total: number) => (s.byPricePerQualityPoint ? -ratio(s, bid, total) : total);
