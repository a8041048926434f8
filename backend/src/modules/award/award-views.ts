import type { AwardDecision } from '@openbrief/contracts';
import type { AssessmentSummaryRow, AwardDecisionRow } from './entities';
import { ukDateTime } from './award-dates';

export function decisionView(row: AwardDecisionRow): AwardDecision {
  return {
    panelId: row.panelId,
    responseId: row.responseId,
    supplierName: row.supplierName,
    reasons: row.reasons,
    decidedBy: row.decidedByName,
    decidedAt: row.decidedAt.toISOString(),
    noticePublishedAt: row.noticePublishedAt?.toISOString() ?? null,
    jurisdiction: row.jurisdiction,
    standstillLastDay: row.standstillLastDay,
    standstillEndsAt: row.standstillEndsAt?.toISOString() ?? null,
    contractEnteredAt: row.contractEnteredAt?.toISOString() ?? null,
  };
}

/** Why the contract award notice cannot be published yet, or null: summaries must all be issued first (reg 31). */
export function noticeBlockedBy(decision: AwardDecisionRow | null, summaries: readonly AssessmentSummaryRow[]): string | null {
  if (!decision) return 'Record the award decision first.';
  if (decision.noticePublishedAt) return `The contract award notice was published on ${ukDateTime(decision.noticePublishedAt)}.`;
  const drafts = summaries.filter((s) => s.status !== 'issued');
  if (!drafts.length) return null;
  const names = drafts.map((s) => s.content.supplierName).join(', ');
  return `${drafts.length === 1 ? '1 assessment summary is' : `${drafts.length} assessment summaries are`} not issued yet (${names}). Every assessed supplier must have its summary before the contract award notice is published (Procurement Regulations 2024, regulation 31).`;
}
