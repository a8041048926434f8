import { type EvaluationPanel, type FormPanelRequest } from '@openbrief/contracts';
import { type SummaryError } from '../../../../shared/forms/form-errors';

/** The form's state: who moderates and, per criterion, who scores it. */
export interface PanelDraft {
  moderatorId: string;
  /** Criterion id → evaluator user ids. */
  assignments: Record<string, string[]>;
}

export const moderatorFieldId = (lotId: string) => `panel-${lotId}-moderator`;
export const criterionFieldId = (lotId: string, criterionId: string) => `panel-${lotId}-criterion-${criterionId}`;

/** Starts from the panel as formed, so re-forming changes only what the buyer changes. */
export function draftFrom(panel: EvaluationPanel | null): PanelDraft {
  const assignments: Record<string, string[]> = {};
  for (const member of panel?.evaluators ?? []) {
    for (const criterionId of member.criterionIds) (assignments[criterionId] ??= []).push(member.userId);
  }
  return { moderatorId: panel?.moderator.userId ?? '', assignments };
}

/** The API wants evaluators with their criteria; the form asks criterion by criterion. */
export function toRequest(draft: PanelDraft): FormPanelRequest {
  const byEvaluator = new Map<string, string[]>();
  for (const [criterionId, userIds] of Object.entries(draft.assignments)) {
    for (const userId of userIds) byEvaluator.set(userId, [...(byEvaluator.get(userId) ?? []), criterionId]);
  }
  return {
    moderatorId: draft.moderatorId,
    evaluators: [...byEvaluator].map(([userId, criterionIds]) => ({ userId, criterionIds })),
  };
}

/** A moderator who does not also score, and at least one evaluator for every criterion the panel scores. */
export function panelErrors(lotId: string, draft: PanelDraft, criteria: readonly { id: string; name: string }[]): SummaryError[] {
  const errors: SummaryError[] = [];
  if (!draft.moderatorId) errors.push({ fieldId: moderatorFieldId(lotId), message: 'Choose a moderator' });
  else if (Object.values(draft.assignments).some((ids) => ids.includes(draft.moderatorId))) {
    errors.push({ fieldId: moderatorFieldId(lotId), message: 'Choose a moderator who does not also score on the panel' });
  }
  for (const c of criteria) {
    if (!draft.assignments[c.id]?.length) {
      errors.push({ fieldId: criterionFieldId(lotId, c.id), message: `Choose at least one evaluator for ${c.name}` });
    }
  }
  return errors;
}
