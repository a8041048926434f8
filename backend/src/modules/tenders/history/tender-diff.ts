import type { FieldDiff, TenderContent } from '@openbrief/contracts';
import { diffWords } from 'diff';

interface Field {
  label: string;
  value: string;
}

const TOP_LEVEL: [keyof TenderContent, string][] = [
  ['title', 'Title'],
  ['summary', 'Summary'],
  ['problem', 'The problem'],
  ['users', 'Who the users are'],
  ['workDone', 'Work already done'],
  ['constraints', 'Existing constraints'],
  ['location', 'Location'],
  ['procedure', 'Procedure'],
  ['estimatedValue', 'Estimated value'],
  ['singleLotReason', 'Reason for a single lot'],
];

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));

/**
 * Flattens content to labelled text fields keyed by stable paths (ids, not positions),
 * so a reordered requirement is one "position" change rather than a cascade of edits.
 */
export function flattenContent(c: TenderContent): Map<string, Field> {
  const out = new Map<string, Field>();
  const put = (path: string, label: string, value: unknown) => out.set(path, { label, value: text(value) });
  for (const [key, label] of TOP_LEVEL) put(key, label, c[key]);
  put('budget', 'Budget', `${text(c.budget.min)}–${text(c.budget.max)} ${c.budget.currency} (${c.budget.vatBasis})`);
  put('contract.lengthMonths', 'Contract length (months)', c.contract.lengthMonths);
  put('contract.extensionOptions', 'Extension options', c.contract.extensionOptions);
  for (const [k, v] of Object.entries(c.timetable)) put(`timetable.${k}`, `Timetable: ${k}`, v);
  put('contact', 'Contact', [c.contact.name, c.contact.email, c.contact.phone].filter(Boolean).join(', '));
  c.lots.forEach((lot, l) => {
    const lp = `lots/${lot.id}`;
    const ln = `Lot ${l + 1}`;
    put(`${lp}/title`, `${ln} title`, lot.title);
    put(`${lp}/description`, `${ln} description`, lot.description);
    put(`${lp}/estimatedValue`, `${ln} estimated value`, lot.estimatedValue);
    lot.requirements.forEach((r, i) => {
      const rp = `${lp}/requirements/${r.id}`;
      const rn = `Requirement ${l + 1}.${i + 1}`;
      put(`${rp}/position`, `${rn} position`, i + 1);
      put(`${rp}/heading`, `${rn} heading`, r.heading);
      put(`${rp}/kind`, `${rn} kind`, `${r.kind}, ${r.priority}`);
      put(`${rp}/outcome`, `${rn} outcome`, r.outcome);
      put(`${rp}/whyItMatters`, `${rn} why it matters`, r.whyItMatters);
      put(`${rp}/measure`, `${rn} measure`, [r.measure.description, r.measure.baseline, r.measure.target, r.measure.unit].filter(Boolean).join(' | '));
      put(`${rp}/roomForProposals`, `${rn} room for proposals`, r.roomForProposals);
      put(`${rp}/justification`, `${rn} justification`, r.justification);
    });
    const m = lot.evaluationModel;
    put(`${lp}/model`, `${ln} scoring`, `scale ${m.scale}; minimum quality ${text(m.minimumQualityPercent)}%; price method ${m.priceMethod}`);
    m.criteria.forEach((cr) => {
      put(`${lp}/criteria/${cr.id}`, `${ln} criterion "${cr.name}"`, `${cr.name}: ${cr.weight}%${cr.wordLimit ? `, ${cr.wordLimit} words` : ''}. ${cr.description}`);
    });
  });
  return out;
}

/** Labels of the fields that differ between two versions of the content. */
export function changedFields(before: TenderContent | null, after: TenderContent): string[] {
  return compareContent(before, after).map((d) => d.label);
}

/** Field-by-field, word-level comparison of two versions of a tender's content. */
export function compareContent(before: TenderContent | null, after: TenderContent): FieldDiff[] {
  const a = before ? flattenContent(before) : new Map<string, Field>();
  const b = flattenContent(after);
  const diffs: FieldDiff[] = [];
  for (const path of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(path);
    const y = b.get(path);
    const beforeText = x?.value ?? '';
    const afterText = y?.value ?? '';
    if (beforeText === afterText) continue;
    diffs.push({
      path,
      label: (y ?? x)!.label + (y ? (x ? '' : ' (added)') : ' (removed)'),
      before: beforeText,
      after: afterText,
      parts: diffWords(beforeText, afterText).map((p) => ({
        value: p.value,
        ...(p.added ? { added: true } : {}),
        ...(p.removed ? { removed: true } : {}),
      })),
    });
  }
  return diffs;
}
