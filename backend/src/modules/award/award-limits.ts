/** Lengths the award routes hold text to (characters). */
export const AWARD_LIMITS = {
  investigationNote: { min: 10, max: 5000 },
  reasons: { min: 20, max: 5000 },
  /** Choosing a response other than the leader needs reasons at least this long, saying why. */
  departureReasonsMin: 100,
  explanation: 5000,
  whyNotSuccessful: 5000,
  criteria: 200,
} as const;

/** Sensitivity analysis: draws and ± percentage points each weight moves by (the figures). */
export const SENSITIVITY_SETTINGS = { draws: 10_000, perturbation: 5 } as const;
