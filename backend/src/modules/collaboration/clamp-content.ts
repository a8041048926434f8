import type { TenderContent } from '@openbrief/contracts';
import { TENDER_LEVEL } from '../tenders/tender-content.rules';

/** Cuts text to a limit; anything else (a live client can send any type) is left for validation to refuse. */
const cut = <T>(s: T, max: number): T => (typeof s === 'string' && s.length > max ? (s.slice(0, max) as T) : s);
const cutOrNull = cut;

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
  if (!Array.isArray(c.lots) || !c.lots.every((l) => Array.isArray(l?.requirements) && Array.isArray(l?.evaluationModel?.criteria))) return c;
  const all = new Set(c.lots.flatMap((l) => l.requirements.map((r) => r?.id)));
  return {
    ...c,
    lots: c.lots.map((l) => {
      const here = new Set(l.requirements.map((r) => r?.id));
      const criteria = l.evaluationModel.criteria.map((cr) =>
        Array.isArray(cr?.requirementIds) && cr.requirementIds.some((id) => !here.has(id)) ? { ...cr, requirementIds: cr.requirementIds.filter((id) => here.has(id)) } : cr,
      );
      return { ...l, evaluationModel: { ...l.evaluationModel, criteria } };
    }),
    justifications: Array.isArray(c.justifications) ? c.justifications.filter((j) => j?.requirementId === TENDER_LEVEL || all.has(j?.requirementId)) : c.justifications,
  };
}

/**
 * Live typing is not refused keystroke by keystroke, so before the document is written to the tables
 * its text is cut to the columns' limits (the same limits the REST API enforces), an id that appears
 * twice is kept once (ids are the rows' primary keys), and links to deleted requirements are dropped.
 * Every other value is then checked against the REST API's rules when it is projected
 * (tenders/live-content.ts).
 */
export function clampContent(content: TenderContent): TenderContent {
  const requirementIds = new Set<string>();
  const c = withoutDanglingLinks(content);
  return {
    ...c,
    title: cut(c.title, 200),
    summary: cut(c.summary, 2000),
    problem: cut(c.problem, 5000),
    users: cut(c.users, 5000),
    workDone: cut(c.workDone, 5000),
    constraints: cut(c.constraints, 5000),
    location: cut(c.location, 200),
    lots: firstOfEach(c.lots, new Set()).map((l) => ({
      ...l,
      title: cut(l.title, 200),
      description: cut(l.description, 5000),
      requirements: firstOfEach(l.requirements, requirementIds).map((r) => ({
        ...r,
        heading: cutOrNull(r.heading, 200),
        outcome: cut(r.outcome, 2000),
        whyItMatters: cut(r.whyItMatters, 2000),
        roomForProposals: cut(r.roomForProposals, 2000),
        justification: cutOrNull(r.justification, 2000),
        measure: { description: cut(r.measure.description, 1000), baseline: cutOrNull(r.measure.baseline, 200), target: cutOrNull(r.measure.target, 200), unit: cutOrNull(r.measure.unit, 60) },
      })),
    })),
  };
}
