export * from './lib/price/price-scoring';
export * from './lib/price/price-scoring.error';
export * from './lib/price/price-methods';
export * from './lib/price/whole-life-cost';
export * from './lib/price/abnormally-low';
export * from './lib/price/worked-example';
export * from './lib/results/results';
export { mulberry32, perturbWeights } from './lib/results/weight-draws';
export * from './lib/moderation/moderation';
export * from './lib/standstill/standstill';
/** Stated in the evaluation report: the same inputs give the same totals with the same version. */
export const SCORING_VERSION = '1.0.0';
