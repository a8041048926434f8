import { EVALUATION_TEXT_LIMITS, type GateResult, type PanelBidder } from '@openbrief/contracts';
import { type SummaryError } from '../../../../shared/forms/form-errors';

/** The API asks this much of a recorded reason, so that it says something. */
export const MIN_REASON_CHARS = EVALUATION_TEXT_LIMITS.recordedReasonMin;

export interface GateDraft {
  requirementId: string;
  /** false: fails the requirement; true: restores it; null until chosen. */
  passed: boolean | null;
  reason: string;
}

export function gateFieldIds(responseId: string): { requirement: string; decision: string; reason: string } {
  return { requirement: `gate-${responseId}-requirement`, decision: `gate-${responseId}-decision`, reason: `gate-${responseId}-reason` };
}

/** A requirement, a decision and a reason: a disqualification must say why, for the bidder's assessment summary. */
export function gateErrors(bidder: PanelBidder, draft: GateDraft): SummaryError[] {
  const ids = gateFieldIds(bidder.responseId);
  const errors: SummaryError[] = [];
  if (!draft.requirementId) errors.push({ fieldId: ids.requirement, message: `Choose the requirement for ${bidder.supplierName}` });
  if (draft.passed === null) errors.push({ fieldId: ids.decision, message: `Say whether ${bidder.supplierName} meets the requirement` });
  if (draft.reason.trim().length < MIN_REASON_CHARS) {
    errors.push({
      fieldId: ids.reason,
      message: `Give the reason for your decision on ${bidder.supplierName}, in at least ${MIN_REASON_CHARS} characters`,
    });
  }
  return errors;
}

const GATES: Record<GateResult['gate'], string> = {
  'pass-fail': 'Pass or fail requirement',
  'quality-threshold': 'Minimum quality score',
  'abnormally-low': 'Abnormally low price',
};

/** "Fails: Pass or fail requirement. The insurance certificate has expired." */
export function gateText(result: GateResult): string {
  return `${result.passed ? 'Passes' : 'Fails'}: ${GATES[result.gate] ?? result.gate}. ${result.reason}`;
}
