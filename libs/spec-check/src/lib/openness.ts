import type { CategoryScore, Finding, FindingCategory, OpennessScore } from './types';
import { CATEGORIES } from './types';

/** Share of the overall openness score carried by each category. Sums to 1. */
export const CATEGORY_WEIGHTS: Readonly<Record<FindingCategory, number>> = {
  brand: 0.18,
  solution: 0.13,
  method: 0.13,
  standard: 0.13,
  threshold: 0.18,
  measure: 0.1,
  readability: 0.05,
  tender: 0.1,
};

const SEVERITY_PENALTY = { error: 1, warning: 0.6, info: 0.15 } as const;
const TENDER_PENALTY = { error: 25, warning: 10, info: 2 } as const;
/** A justified finding still counts a little: the market is still narrowed, but for a recorded reason. */
const JUSTIFIED_FACTOR = 0.25;

/**
 * Openness score, 0–100 (100 = nothing narrows the field).
 * For each requirement category, every requirement loses up to 1 point of "openness" for its worst finding
 * in that category (error 1, warning 0.6, info 0.15; justified ×0.25), and the category score is the
 * average over requirements. Tender-level findings deduct 25/10/2 points from the tender category.
 * The overall score is the weighted mean of category scores (CATEGORY_WEIGHTS).
 */
export function opennessScore(perRequirement: readonly (readonly Finding[])[], tenderFindings: readonly Finding[]): OpennessScore {
  const n = Math.max(1, perRequirement.length);
  const breakdown = {} as Record<FindingCategory, CategoryScore>;
  for (const c of CATEGORIES) {
    breakdown[c] = { category: c, score: 100, weight: CATEGORY_WEIGHTS[c], findings: 0, justified: 0, errors: 0, warnings: 0, infos: 0 };
  }
  const lost: Record<string, number> = {};
  const worst: Record<string, number> = {};
  const count = (f: Finding): void => {
    const b = breakdown[f.category];
    b.findings++;
    if (f.justified) b.justified++;
    if (f.severity === 'error') b.errors++;
    else if (f.severity === 'warning') b.warnings++;
    else b.infos++;
  };
  for (const findings of perRequirement) {
    for (const k in worst) delete worst[k];
    for (const f of findings) {
      count(f);
      if (f.category === 'tender') continue;
      const p = SEVERITY_PENALTY[f.severity] * (f.justified ? JUSTIFIED_FACTOR : 1);
      if ((worst[f.category] ?? 0) < p) worst[f.category] = p;
    }
    for (const k in worst) lost[k] = (lost[k] ?? 0) + worst[k];
  }
  for (const c of CATEGORIES) {
    if (c === 'tender') continue;
    breakdown[c].score = Math.round(100 * Math.max(0, 1 - (lost[c] ?? 0) / n));
  }
  let tenderLost = 0;
  for (const f of tenderFindings) {
    count(f);
    tenderLost += TENDER_PENALTY[f.severity] * (f.justified ? JUSTIFIED_FACTOR : 1);
  }
  // requirement-level findings in the tender category (scoring notes) count like tender findings, once each
  for (const findings of perRequirement)
    for (const f of findings) if (f.category === 'tender') tenderLost += TENDER_PENALTY[f.severity] * (f.justified ? JUSTIFIED_FACTOR : 1);
  breakdown.tender.score = Math.round(Math.max(0, 100 - tenderLost));
  let score = 0;
  for (const c of CATEGORIES) score += breakdown[c].score * CATEGORY_WEIGHTS[c];
  return { score: Math.round(score), breakdown };
}
