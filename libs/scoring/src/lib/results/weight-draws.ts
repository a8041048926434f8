/**
 * mulberry32: a 32-bit seeded pseudo-random generator (Tommy Ettinger's, public domain). Small, fast and good enough
 * to spread weight perturbations evenly; the point is reproducibility: the same seed gives the same draws everywhere.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One draw: every weight moved by a uniform amount within ±perturbation percentage points, clipped at 0, then scaled
 * so the weights again add to `target`. Writes into `out` (no allocation per draw). If every weight clips to 0, the
 * base weights are kept.
 */
export function perturbWeights(
  base: ArrayLike<number>,
  perturbation: number,
  random: () => number,
  target: number,
  out: Float64Array,
): Float64Array {
  let sum = 0;
  for (let j = 0; j < base.length; j++) {
    const x = base[j] + (2 * random() - 1) * perturbation;
    out[j] = x > 0 ? x : 0;
    sum += out[j];
  }
  if (sum <= 0) {
    for (let j = 0; j < base.length; j++) out[j] = base[j];
    return out;
  }
  const scale = target / sum;
  for (let j = 0; j < base.length; j++) out[j] *= scale;
  return out;
}
