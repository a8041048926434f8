export * from './lib/price/price-scoring';
export * from './lib/results/results';
export * from './lib/moderation/moderation';
export * from './lib/standstill/standstill';
/** Stated in the evaluation report: the same inputs give the same totals with the same version. */
export const SCORING_VERSION = '1.0.0';
