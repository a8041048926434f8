import { TENDER_FIELDS, type TenderFieldName } from './fields';
import type { TenderContent } from './tenders';

/**
 * One text a supplier reads, other than a requirement's outcome, that the over-prescription checker reads too.
 * `key` names the text in justifications (the `requirementId` of a FindingJustification), so a reason given
 * for a finding in it is stored in the tender's existing justification list, with no schema of its own.
 */
export interface CheckedText {
  /** `problem`, or `<requirement, lot or criterion id>/<field>`: stable when items are reordered. */
  readonly key: string;
  /** The field in TENDER_FIELDS. */
  readonly field: TenderFieldName;
  /** Where the buyer finds it, in their words: "The problem", "Lot 2 description", "Requirement 1.3: measure". */
  readonly label: string;
  readonly text: string;
  /** Where it sits in the content, as validation errors and publish blockers name fields (`lots[0].description`). */
  readonly path: string;
}

/** The justification key of a checked field: the field name alone for the tender's own texts, else `<owner id>/<field>`. */
export function checkedTextKey(field: TenderFieldName, ownerId?: string): string {
  return ownerId ? `${ownerId}/${field}` : field;
}

const TENDER_TEXTS = [
  'summary',
  'problem',
  'users',
  'workDone',
  'constraints',
  'engagementSummary',
  'noEngagementReason',
] as const satisfies readonly TenderFieldName[];

/**
 * Every text of a tender that suppliers read and the checker reads besides requirement outcomes (which the
 * checker takes as requirements): the fields marked `checked` in TENDER_FIELDS, in the order the editor shows them.
 * The browser (live) and the server (on save and at publication) both list them with this, so they agree.
 * Answers to suppliers' questions will join this list when the tender holds them.
 */
export function checkedTexts(c: TenderContent): CheckedText[] {
  const out: CheckedText[] = [];
  // Content may come from a live document not yet validated: skip anything without a string text or owner id.
  const add = (field: TenderFieldName, ownerId: string | undefined | null, label: string, text: unknown, path: string) => {
    if (ownerId !== undefined && typeof ownerId !== 'string') return;
    if (TENDER_FIELDS[field].checked && typeof text === 'string')
      out.push({ key: checkedTextKey(field, ownerId), field, label, text, path });
  };
  for (const f of TENDER_TEXTS) add(f, undefined, TENDER_FIELDS[f].label, c[f], f);
  const lots = Array.isArray(c.lots) ? c.lots.filter((l) => l && typeof l.id === 'string') : [];
  lots.forEach((lot, l) => {
    const lotName = lots.length > 1 ? `Lot ${l + 1}` : 'The lot';
    add(
      'lotDescription',
      lot.id,
      `${lotName}: ${TENDER_FIELDS.lotDescription.label.toLowerCase()}`,
      lot.description,
      `lots[${l}].description`,
    );
    (Array.isArray(lot.requirements) ? lot.requirements : []).forEach((r, i) => {
      if (!r) return;
      const where = `Requirement ${l + 1}.${i + 1}`;
      add(
        'measure',
        r.id,
        `${where}: ${TENDER_FIELDS.measure.label.toLowerCase()}`,
        r.measure?.description,
        `lots[${l}].requirements[${i}].measure.description`,
      );
      add(
        'roomForProposals',
        r.id,
        `${where}: ${TENDER_FIELDS.roomForProposals.label.toLowerCase()}`,
        r.roomForProposals,
        `lots[${l}].requirements[${i}].roomForProposals`,
      );
    });
    (Array.isArray(lot.evaluationModel?.criteria) ? lot.evaluationModel.criteria : []).forEach((cr, k) => {
      if (!cr) return;
      add(
        'criterionDescription',
        cr.id,
        `${lots.length > 1 ? `${lotName}, c` : 'C'}riterion “${cr.name}”: description`,
        cr.description,
        `lots[${l}].evaluationModel.criteria[${k}].description`,
      );
    });
  });
  return out;
}

/** True when `key` names a checked text of this tender, so a justification may refer to it. */
export function isCheckedTextKey(c: TenderContent, key: string): boolean {
  return checkedTexts(c).some((t) => t.key === key);
}
