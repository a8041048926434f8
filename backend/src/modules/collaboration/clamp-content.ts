import { TEXT_LIMITS as L, type TenderContent, checkedTexts } from '@openbrief/contracts';
import { TENDER_LEVEL } from '../tenders/tender-content.rules';

/** Cuts text to a limit; anything else (a live client can send any type) is left for validation to refuse. */
const cut = <T>(s: T, max: number): T => (typeof s === 'string' && s.length > max ? (s.slice(0, max) as T) : s);

/** Cuts every field a limits group names (TEXT_LIMITS), so a new limit is clamped live as soon as it exists. */
function cutFields<T>(item: T, limits: { readonly [K in keyof T]?: number }): T {
  if (!item || typeof item !== 'object') return item;
  const out = { ...item };
  for (const key of Object.keys(limits) as (keyof T)[]) {
    if (key in out) out[key] = cut(out[key], limits[key]!);
  }
  return out;
}

/** A list a live client sent, or the value as it is for validation to refuse. */
const each = <T>(items: T[], f: (item: T) => T): T[] => (Array.isArray(items) ? items.map(f) : items);

/** Keeps the first of several items with one id (two replicas can add the same item at once). */
function firstOfEach<T extends { id: string }>(items: T[], seen: Set<string>): T[] {
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id));
}

/**
 * A colleague can delete a requirement while another links a criterion or a justification to it; the
 * merged document then points at nothing. The editor drops such links when it deletes a requirement
 * itself, so the merge is settled the same way rather than holding the whole lot back.
 */
function withoutDanglingLinks(c: TenderContent): TenderContent {
  if (!Array.isArray(c.lots) || !c.lots.every((l) => Array.isArray(l?.requirements) && Array.isArray(l?.evaluationModel?.criteria)))
    return c;
  const all = new Set(c.lots.flatMap((l) => l.requirements.map((r) => r?.id)));
  // Reasons kept for findings in other checked texts (summary, lot descriptions…) stay while their text does.
  const texts = new Set(checkedTexts(c).map((t) => t.key));
  return {
    ...c,
    lots: c.lots.map((l) => {
      const here = new Set(l.requirements.map((r) => r?.id));
      const criteria = l.evaluationModel.criteria.map((cr) =>
        Array.isArray(cr?.requirementIds) && cr.requirementIds.some((id) => !here.has(id))
          ? { ...cr, requirementIds: cr.requirementIds.filter((id) => here.has(id)) }
          : cr,
      );
      return { ...l, evaluationModel: { ...l.evaluationModel, criteria } };
    }),
    justifications: Array.isArray(c.justifications)
      ? c.justifications.filter((j) => j?.requirementId === TENDER_LEVEL || all.has(j?.requirementId) || texts.has(j?.requirementId))
      : c.justifications,
  };
}

/**
 * Live typing is not refused keystroke by keystroke, so before the document is written to the tables
 * its text is cut to the limits the REST API enforces and the columns hold (TEXT_LIMITS), an id that appears
 * twice is kept once (ids are the rows' primary keys), and links to deleted requirements are dropped.
 * Every other value is then checked against the REST API's rules when it is projected
 * (tenders/live-content.ts).
 */
export function clampContent(content: TenderContent): TenderContent {
  const requirementIds = new Set<string>();
  const c = withoutDanglingLinks(content);
  return {
    ...cutFields(c, L.tender),
    contract: cutFields(c.contract, L.contract),
    contact: cutFields(c.contact, L.contact),
    justifications: each(c.justifications, (j) => cutFields(j, L.justification)),
    lots: firstOfEach(c.lots, new Set()).map((l) => ({
      ...cutFields(l, L.lot),
      evaluationModel: l.evaluationModel && {
        ...l.evaluationModel,
        criteria: each(l.evaluationModel.criteria, (cr) => cutFields(cr, L.criterion)),
        descriptors: each(l.evaluationModel.descriptors, (d) => cutFields(d, L.scaleDescriptor)),
      },
      requirements: firstOfEach(l.requirements, requirementIds).map((r) => ({
        ...cutFields(r, L.requirement),
        measure: cutFields(r.measure, L.measure),
      })),
    })),
  };
}
