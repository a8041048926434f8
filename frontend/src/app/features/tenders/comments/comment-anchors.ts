import { COMMENT_FIELD_LABELS, type CommentAnchor, type CommentField, type TenderContent } from '@openbrief/contracts';
import { type RequirementPart, requirementField, textFieldAt } from '../data-access/field-ids';

/** A requirement as the comment forms offer it: "1.2" and the start of its outcome. */
export interface RequirementOption {
  readonly id: string;
  readonly number: string;
  readonly excerpt: string;
}

const EXCERPT = 90;

export function excerpt(text: string, length = EXCERPT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= length) return flat;
  const cut = flat.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return `${(space > length / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export function requirementOptions(content: TenderContent | null): RequirementOption[] {
  return (content?.lots ?? []).flatMap((lot, l) =>
    lot.requirements.map((r, i) => ({ id: r.id, number: `${l + 1}.${i + 1}`, excerpt: excerpt(r.outcome) || 'No outcome written yet' })),
  );
}

export function fieldLabel(field: CommentField | null): string {
  return field ? COMMENT_FIELD_LABELS[field] : '';
}

const TENDER_FIELD_IDS: Partial<Record<CommentField, string>> = {
  summary: 'summary',
  problem: 'problem',
  users: 'users',
  workDone: 'work-done',
  constraints: 'constraints',
};

const REQUIREMENT_PARTS: Partial<Record<CommentField, RequirementPart>> = {
  outcome: 'outcome',
  whyItMatters: 'why',
  measure: 'measure',
  roomForProposals: 'room',
  justification: 'justification',
};

/** The editor field the thread is about (for `?field=` links), or null when it is about the tender as a whole. */
export function editorFieldId(anchor: CommentAnchor): string | null {
  if (anchor.requirementId) {
    if (anchor.requirementDeleted) return null;
    return requirementField(anchor.requirementId, (anchor.field && REQUIREMENT_PARTS[anchor.field]) || 'outcome');
  }
  return anchor.field ? (TENDER_FIELD_IDS[anchor.field] ?? null) : null;
}

/** What a thread on words selected in an editor field is about: the inverse of `editorFieldId`. */
export function anchorForField(fieldId: string): { requirementId: string | null; field: CommentField } | null {
  const field = textFieldAt(fieldId);
  // Comment fields carry the content's own names; a thread cannot be about the title, a lot or the engagement summary (yet).
  if (!field || field.scope === 'lot' || field.key === 'title' || field.key === 'engagementSummary') return null;
  return { requirementId: field.scope === 'requirement' ? field.id : null, field: field.key };
}
