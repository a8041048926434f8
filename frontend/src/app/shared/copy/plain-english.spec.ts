import {
  attachmentRuleText,
  DEFAULT_EVALUATION_RULES,
  DEFAULT_RESPONSE_RULES,
  evaluationRuleSentences,
  HOW_TO_RESPOND_STEPS,
  HOW_TO_RESPOND_SUMMARY,
  TieBreakRule,
} from '@openbrief/contracts';
import { checkRequirement, readingAge } from '@openbrief/spec-check';
import { describe, expect, it } from 'vitest';

/**
 * The help texts suppliers read about responding, scored by the checker's own readability rule: the same test a
 * buyer's requirement must pass (no long sentences, no jargon it knows a plain word for), and a reading age a
 * general audience reaches.
 */
const SUPPLIER_HELP: readonly string[] = [
  HOW_TO_RESPOND_SUMMARY,
  ...HOW_TO_RESPOND_STEPS,
  attachmentRuleText(DEFAULT_RESPONSE_RULES),
  attachmentRuleText({ ...DEFAULT_RESPONSE_RULES, attachmentsAllowed: false }),
  // How the panel evaluates bids, as the public page and the pack tell suppliers.
  ...evaluationRuleSentences(DEFAULT_EVALUATION_RULES),
  ...evaluationRuleSentences({ ...DEFAULT_EVALUATION_RULES, blindMarking: false, tieBreak: TieBreakRule.LowerPrice }),
];

/** GOV.UK writes for a reading age of 9; these texts measured 10.5 when written (2026-12-07), so 11 catches a drift. */
const MAX_AGE = 11;

describe('plain English in the supplier help texts', () => {
  it.each(SUPPLIER_HELP.map((text) => [text]))('"%s" has no readability finding', (text) => {
    const findings = checkRequirement(text).filter((f) => f.category === 'readability');
    expect(findings.map((f) => f.message)).toEqual([]);
  });

  it('reads at a general reading age taken together', () => {
    const age = readingAge(SUPPLIER_HELP.join(' '));
    expect(age).not.toBeNull();
    expect(age!).toBeLessThanOrEqual(MAX_AGE);
  });
});
