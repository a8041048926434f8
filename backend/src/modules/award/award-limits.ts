import { EVALUATION_TEXT_LIMITS } from '@openbrief/contracts';

/** Lengths the award routes hold text to (characters); the minimums are the pages' too (contracts). */
export const AWARD_LIMITS = {
  investigationNote: { min: EVALUATION_TEXT_LIMITS.recordedReasonMin, max: 5000 },
  reasons: { min: EVALUATION_TEXT_LIMITS.awardReasonsMin, max: 5000 },
  /** Choosing a response other than the leader needs reasons at least this long, saying why. */
  departureReasonsMin: EVALUATION_TEXT_LIMITS.departureReasonsMin,
  explanation: 5000,
  whyNotSuccessful: 5000,
  criteria: 200,
} as const;

/** Sensitivity analysis: draws and ± percentage points each weight moves by (the figures). */
export const SENSITIVITY_SETTINGS = { draws: 10_000, perturbation: 5 } as const;
