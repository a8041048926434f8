import { EVALUATION_TEXT_LIMITS, type PanelBidder } from '@openbrief/contracts';
import { type SummaryError } from '../../../shared/forms/form-errors';

/** What the evaluator has chosen so far for one bidder: null until they choose. */
export interface DeclarationDraft {
  conflict: boolean | null;
  details: string;
}

/** The API asks this much of any recorded reason, so that it says something. */
export const MIN_REASON_CHARS = EVALUATION_TEXT_LIMITS.recordedReasonMin;

export const declarationFieldId = (responseId: string) => `declare-${responseId}`;
export const detailsFieldId = (responseId: string) => `declare-${responseId}-details`;

/** Every bidder needs an answer, and a declared conflict needs its details, so the buying team can decide how to handle it. */
export function declarationErrors(bidders: readonly PanelBidder[], drafts: Record<string, DeclarationDraft>): SummaryError[] {
  const errors: SummaryError[] = [];
  for (const bidder of bidders) {
    const draft = drafts[bidder.responseId];
    if (draft?.conflict == null) {
      errors.push({
        fieldId: declarationFieldId(bidder.responseId),
        message: `Say whether you have a conflict of interest with ${bidder.supplierName}`,
      });
    } else if (draft.conflict && !draft.details.trim()) {
      errors.push({
        fieldId: detailsFieldId(bidder.responseId),
        message: `Describe your conflict of interest with ${bidder.supplierName}`,
      });
    } else if (draft.conflict && draft.details.trim().length < MIN_REASON_CHARS) {
      errors.push({
        fieldId: detailsFieldId(bidder.responseId),
        message: `Describe your conflict of interest with ${bidder.supplierName} in at least ${MIN_REASON_CHARS} characters`,
      });
    }
  }
  return errors;
}
