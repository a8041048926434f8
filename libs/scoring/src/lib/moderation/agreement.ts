/**
 * Krippendorff's alpha: how far evaluators agree beyond what chance would give, computed through the coincidence
 * matrix as in K. Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), sections C and E.
 * α = 1 − (n − 1) · Σ o_ck δ²_ck ÷ Σ n_c n_k δ²_ck, where o is the coincidence matrix, n_c its marginals and n the
 * number of pairable values. Units (one response × criterion) with fewer than two scores are not pairable.
 */

type Metric = (c: number, k: number, values: readonly number[], marginals: readonly number[]) => number;

/** Ordinal: the squared "rank distance" between two values, from the marginals of the values between them. */
const ordinal: Metric = (c, k, _values, n) => {
  const [lo, hi] = c <= k ? [c, k] : [k, c];
  let between = 0;
  for (let g = lo; g <= hi; g++) between += n[g];
  return (between - (n[lo] + n[hi]) / 2) ** 2;
};

/** Interval: the squared difference of the values themselves. */
const interval: Metric = (c, k, values) => (values[c] - values[k]) ** 2;

function alpha(units: readonly (readonly number[])[], metric: Metric): number | null {
  const pairable = units.filter((u) => u.length >= 2);
  for (const u of pairable) for (const v of u) if (!Number.isFinite(v)) throw new RangeError('Krippendorff’s alpha needs finite scores');
  const values = [...new Set(pairable.flat())].sort((a, b) => a - b);
  const index = new Map(values.map((v, i) => [v, i]));
  const size = values.length;
  const o = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (const u of pairable) {
    // Each ordered pair of values from different evaluators within a unit adds 1 / (m_u − 1).
    const weight = 1 / (u.length - 1);
    for (let i = 0; i < u.length; i++) for (let j = 0; j < u.length; j++) if (i !== j) o[index.get(u[i])!][index.get(u[j])!] += weight;
  }
  const marginals = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = marginals.reduce((s, x) => s + x, 0);
  if (n < 2) return null;
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < size; c++)
    for (let k = c + 1; k < size; k++) {
      const delta = metric(c, k, values, marginals);
      observed += o[c][k] * delta;
      expected += marginals[c] * marginals[k] * delta;
    }
  // Every pairable score the same value: no disagreement is expected by chance either, so α is 0 ÷ 0. Krippendorff
  // leaves it undefined (the data cannot tell agreement from a scale nobody used); we return null rather than 1.
  if (expected === 0) return null;
  return 1 - ((n - 1) * observed) / expected;
}

/** Krippendorff's alpha (ordinal) over units (one array of values per unit); null when undefined. */
export function krippendorffAlphaOrdinal(units: readonly (readonly number[])[]): number | null {
  return alpha(units, ordinal);
}

/** The interval version, for 0–100 scales read as measurements and to check the computation against the paper. */
export function krippendorffAlphaInterval(units: readonly (readonly number[])[]): number | null {
  return alpha(units, interval);
}

/**
 * Krippendorff's own cut-offs (Content Analysis: An Introduction to Its Methodology, 2nd ed., 2004, p. 241): rely on
 * data with α ≥ .800, draw only tentative conclusions from .667 ≤ α < .800, and do not rely on data below .667.
 */
export const AGREEMENT_RELIABLE = 0.8;
export const AGREEMENT_TENTATIVE = 0.667;

/** How to read an alpha, in one plain sentence. */
export function readAgreement(alpha: number | null): string {
  if (alpha === null || Number.isNaN(alpha)) return 'Not enough scores to measure agreement.';
  if (alpha >= AGREEMENT_RELIABLE) return 'Evaluators agree well (α ≥ 0.8): the scores can be relied on.';
  if (alpha >= AGREEMENT_TENTATIVE) return 'Agreement is moderate: discuss the flagged scores before agreeing consensus.';
  if (alpha > 0)
    return 'Agreement is low (α below 0.667): review the criterion’s guidance and the flagged scores before agreeing consensus.';
  return 'Evaluators disagree as much as, or more than, chance would give: review the criterion’s guidance and the flagged scores.';
}
