import { totalAt, winnersAt, type WeightSpace } from './weight-space';

export interface SmallestChange {
  criterionId: string;
  /** The criterion's effective weight now. */
  from: number;
  /** A weight just past the crossing, rounded to the fewest decimal places (at least 2) within 0.5% of the change. */
  to: number;
  /** The exact weight at which the new leader draws level; any change short of it keeps the leader. */
  crossing: number;
  newLeader: string;
}

interface Candidate {
  distance: number;
  leaf: number;
  challenger: number;
  crossing: number;
  direction: 1 | -1;
}

/** The weights after moving leaf k to x and scaling every other leaf so the total stays the same. */
export function movedWeights(s: WeightSpace, k: number, x: number): Float64Array {
  const scale = (s.target - x) / (s.target - s.base[k]);
  return Float64Array.from(s.base, (w, j) => (j === k ? x : w * scale));
}

/** Just past the crossing, on the coarsest grid of at least 2 decimal places whose step is within 0.5% of the change. */
function justPast(crossing: number, from: number, direction: 1 | -1, target: number): number {
  const change = Math.abs(crossing - from);
  const places = change > 0 ? Math.min(10, Math.max(2, Math.ceil(-Math.log10(0.005 * change)))) : 2;
  const step = Math.pow(10, -places);
  const raw = direction > 0 ? (Math.floor(crossing / step + 1e-9) + 1) * step : (Math.ceil(crossing / step - 1e-9) - 1) * step;
  return Math.min(target, Math.max(0, Number(raw.toFixed(places))));
}

/**
 * The smallest change to one leaf's weight (the others rescaled to keep the sum) after which another bid leads.
 * Every total is linear in the moved weight x: t(x) = W·R ÷ (W − w) + x·(s − R ÷ (W − w)), R being the points from
 * the other leaves; so each criterion × challenger crossing is solved exactly, and the nearest is checked.
 */
export function smallestChange(s: WeightSpace, leader: number): SmallestChange | null {
  const n = s.leafIds.length;
  const m = s.ids.length;
  const totals = Float64Array.from(s.ids, (_, b) => totalAt(s, b, s.base));
  const candidates: Candidate[] = [];
  const A = new Float64Array(m);
  const B = new Float64Array(m);
  for (let k = 0; k < n; k++) {
    const rest = s.target - s.base[k];
    if (!(rest > 1e-12)) continue;
    for (let b = 0; b < m; b++) {
      const share = s.shares[b * n + k];
      const others = totals[b] - s.base[k] * share;
      A[b] = (s.target * others) / rest;
      B[b] = share - others / rest;
    }
    for (let c = 0; c < m; c++) {
      if (c === leader) continue;
      // h(x) = α + βx > 0 exactly when the challenger is ahead (under price per point: P_L·Q_C − P_C·Q_L).
      const ppqp = s.byPricePerQualityPoint;
      const alpha = ppqp ? s.prices[leader] * A[c] - s.prices[c] * A[leader] : A[c] - A[leader];
      const beta = ppqp ? s.prices[leader] * B[c] - s.prices[c] * B[leader] : B[c] - B[leader];
      if (beta === 0) continue;
      const crossing = -alpha / beta;
      const direction = beta > 0 ? 1 : -1;
      if (crossing < -1e-12 || crossing > s.target + 1e-12 || (crossing - s.base[k]) * direction < -1e-9) continue;
      candidates.push({ distance: Math.abs(crossing - s.base[k]), leaf: k, challenger: c, crossing, direction });
    }
  }
  candidates.sort(
    (a, b) => a.distance - b.distance || cmp(s.leafIds[a.leaf], s.leafIds[b.leaf]) || cmp(s.ids[a.challenger], s.ids[b.challenger]),
  );
  for (const c of candidates) {
    const to = justPast(c.crossing, s.base[c.leaf], c.direction, s.target);
    const winners = winnersAt(s, movedWeights(s, c.leaf, to));
    if (winners.includes(leader)) continue; // the crossing sits on the edge of the range: no change within it flips
    return { criterionId: s.leafIds[c.leaf], from: s.base[c.leaf], to, crossing: c.crossing, newLeader: s.ids[winners[0]] };
  }
  return null;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
