import { ScoringInputError } from './criteria-tree';
import { fieldOutcome } from './outcome';
import type { ScoredBid, ScoringModel } from './results';
import { scoreField, type ScoredField } from './scored-field';
import { smallestChange, type SmallestChange } from './smallest-change';
import { mulberry32, perturbWeights } from './weight-draws';
import { breakTie, merit, totalAt, weightSpace, winnersAt, type WeightSpace } from './weight-space';

export type { SmallestChange } from './smallest-change';

export interface SensitivityOptions {
  draws: number;
  /** ± percentage points. */
  perturbation: number;
  /** Seed of the pseudo-random draws: the same seed gives the same shares. */
  seed: number;
  /** 'naive' recomputes every total through the criteria tree in every draw (the benchmark's and the tests' yardstick). */
  strategy?: 'pruned' | 'naive';
}

export interface Sensitivity {
  /** The bid the analysis tests: the ranking's leader; null when no bid qualifies. */
  leader: string | null;
  smallestChange: SmallestChange | null;
  winShare: Record<string, number>;
  pointsLost: Record<string, Record<string, number>>;
  /** Why there is no smallest change, when that needs saying (a shared first place, a lead by the tie-break only). */
  note: string | null;
}

function checkOptions(o: SensitivityOptions): void {
  if (!(Number.isInteger(o.draws) && o.draws >= 0 && o.draws <= 1_000_000))
    throw new ScoringInputError(`draws must be a whole number from 0 to 1,000,000 (got ${o.draws}).`);
  if (!(Number.isFinite(o.perturbation) && o.perturbation >= 0 && o.perturbation <= 100)) {
    throw new ScoringInputError(`The perturbation must be between 0 and 100 percentage points (got ${o.perturbation}).`);
  }
  if (!Number.isInteger(o.seed)) throw new ScoringInputError(`The seed must be a whole number (got ${o.seed}).`);
}

/** Sensitivity of the result to the weights: smallest change, share of perturbed draws won, points lost to the leader. */
export function sensitivity(model: ScoringModel, bids: readonly ScoredBid[], options: SensitivityOptions): Sensitivity {
  checkOptions(options);
  const field = scoreField(model, bids);
  const outcome = fieldOutcome(model, field);
  const first = outcome.ranking.filter((r) => r.rank === 1);
  if (first.length === 0)
    return { leader: null, smallestChange: null, winShare: {}, pointsLost: {}, note: 'No bid qualifies, so there is no leader to test.' };
  const s = weightSpace(field, model.tieBreak);
  const leader = s.ids.indexOf(first[0].id);
  const winShare = options.strategy === 'naive' ? naiveWinShare(s, field, options) : prunedWinShare(s, options);
  const pointsLost = lostToLeader(field, outcome.ranking, first[0].id);
  const name = (id: string) => s.labels[s.ids.indexOf(id)];
  let note: string | null = null;
  let change: SmallestChange | null = null;
  const exact = winnersAt(s, s.base);
  if (first.length > 1) {
    note = `${first.map((r) => name(r.id)).join(' and ')} share first place, so the buyer decides between them; no single weight change is reported.`;
  } else if (exact.length !== 1 || exact[0] !== leader) {
    const other = exact.find((b) => b !== leader) ?? exact[0];
    note = `${name(first[0].id)} leads by the tie-break only: its total equals ${s.labels[other]}’s to 2 decimal places, and is very slightly lower.`;
  } else if (s.ids.length > 1) {
    change = smallestChange(s, leader);
  }
  return { leader: first[0].id, smallestChange: change, winShare, pointsLost, note };
}

/** Points each qualifying bid loses to the leader on each top-level criterion (negative: it beat the leader there). */
function lostToLeader(field: ScoredField, ranking: ReturnType<typeof fieldOutcome>['ranking'], leaderId: string) {
  const top = field.tree.children.get(null) ?? [];
  const lead = ranking.find((r) => r.id === leaderId)!.subtotals;
  const lost: Record<string, Record<string, number>> = {};
  for (const r of ranking) {
    if (r.rank === null) continue;
    lost[r.id] = Object.fromEntries(top.map((c) => [c.id, lead[c.id] - r.subtotals[c.id]]));
  }
  return lost;
}

/** Share of draws won, split evenly where the tie-break cannot separate the winners of a draw. */
function shares(s: WeightSpace, wins: Float64Array, draws: number): Record<string, number> {
  return Object.fromEntries(s.ids.map((id, b) => [id, draws > 0 ? wins[b] / draws : 0]));
}

/**
 * Bids that can never draw level with another bid anywhere in the perturbation box are left out of the draws: they
 * cannot win any draw. b always trails c if Σ w·(s_b − s_c) < 0 for every weight vector in the box (renormalising
 * scales both alike); the maximum of a linear function over a box takes each weight at its upper or lower end, by
 * the sign of its coefficient. Under price per point the condition is P_c·Q_b − P_b·Q_c < 0, also linear in w.
 */
export function contenders(s: WeightSpace, perturbation: number): number[] {
  const n = s.leafIds.length;
  const base = Float64Array.from(s.ids, (_, b) => totalAt(s, b, s.base));
  const winner = winnersAt(s, s.base)[0];
  // Strongest first: a bid is most likely to be shown always behind one of the leaders.
  const order = s.ids.map((_, b) => b).sort((a, b) => (a === winner ? -1 : b === winner ? 1 : base[b] - base[a] || a - b));
  const hi = Float64Array.from(s.base, (w) => w + perturbation);
  const lo = Float64Array.from(s.base, (w) => Math.max(0, w - perturbation));
  const alwaysBehind = (b: number, c: number) => {
    let best = 0;
    let size = 0;
    for (let j = 0; j < n; j++) {
      const d = s.byPricePerQualityPoint
        ? s.prices[c] * s.shares[b * n + j] - s.prices[b] * s.shares[c * n + j]
        : s.shares[b * n + j] - s.shares[c * n + j];
      best += d > 0 ? d * hi[j] : d * lo[j];
      size += Math.abs(d) * hi[j];
    }
    // A margin far above rounding error: b is only left out when it is clearly behind everywhere.
    return best < -1e-9 * (size + 1);
  };
  const kept: number[] = [];
  for (const b of order) if (!kept.some((c) => alwaysBehind(b, c))) kept.push(b);
  return kept;
}

function prunedWinShare(s: WeightSpace, o: SensitivityOptions): Record<string, number> {
  const n = s.leafIds.length;
  const cand = contenders(s, o.perturbation);
  const m = cand.length;
  // The contenders' shares packed together, so the inner loop runs over one contiguous array.
  const packed = new Float64Array(m * n);
  cand.forEach((b, r) => packed.set(s.shares.subarray(b * n, (b + 1) * n), r * n));
  const wins = new Float64Array(s.ids.length);
  const random = mulberry32(o.seed);
  const w = new Float64Array(n);
  const tied: number[] = [];
  for (let d = 0; d < o.draws; d++) {
    perturbWeights(s.base, o.perturbation, random, s.target, w);
    let best = -Infinity;
    tied.length = 0;
    for (let r = 0, off = 0; r < m; r++, off += n) {
      const t = dot(w, packed, off, n);
      const v = s.byPricePerQualityPoint ? merit(s, cand[r], t) : t;
      if (v > best) {
        best = v;
        tied.length = 0;
        tied.push(cand[r]);
      } else if (v === best) tied.push(cand[r]);
    }
    credit(s, wins, tied, w);
  }
  return shares(s, wins, o.draws);
}

/** w · row, four running sums at a time (about twice as fast as one in V8). */
function dot(w: Float64Array, rows: Float64Array, off: number, n: number): number {
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let j = 0;
  for (; j + 3 < n; j += 4) {
    a += w[j] * rows[off + j];
    b += w[j + 1] * rows[off + j + 1];
    c += w[j + 2] * rows[off + j + 2];
    d += w[j + 3] * rows[off + j + 3];
  }
  for (; j < n; j++) a += w[j] * rows[off + j];
  return a + b + (c + d);
}

function credit(s: WeightSpace, wins: Float64Array, tied: number[], w: Float64Array): void {
  if (tied.length === 1) {
    wins[tied[0]] += 1;
    return;
  }
  const winners = breakTie(s, tied, w);
  for (const b of winners) wins[b] += 1 / winners.length;
}

/** The yardstick: every qualifying bid's total recomputed through the criteria tree, by criterion id, in every draw. */
function naiveWinShare(s: WeightSpace, field: ScoredField, o: SensitivityOptions): Record<string, number> {
  const { tree } = field;
  const leafIndex = new Map(tree.leaves.map((l, i) => [l.id, i]));
  const random = mulberry32(o.seed);
  const w = new Float64Array(s.leafIds.length);
  const wins = new Float64Array(s.ids.length);
  for (let d = 0; d < o.draws; d++) {
    perturbWeights(s.base, o.perturbation, random, s.target, w);
    const weightOf: Record<string, number> = {};
    s.leafIds.forEach((id, j) => (weightOf[id] = w[j]));
    let best = -Infinity;
    let tied: number[] = [];
    field.qualifying.forEach((bid, b) => {
      const points: Record<string, number> = {};
      for (const c of tree.postOrder) {
        const kids = tree.children.get(c.id);
        points[c.id] = kids ? kids.reduce((sum, k) => sum + points[k.id], 0) : (weightOf[c.id] ?? 0) * bid.shares[leafIndex.get(c.id)!];
      }
      const total = (tree.children.get(null) ?? []).reduce((sum, c) => sum + points[c.id], 0);
      const v = merit(s, b, total);
      if (v > best) {
        best = v;
        tied = [b];
      } else if (v === best) tied.push(b);
    });
    credit(s, wins, tied, w);
  }
  return shares(s, wins, o.draws);
}
