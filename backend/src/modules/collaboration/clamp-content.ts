import type { TenderContent } from '@openbrief/contracts';

/** Cuts text to a limit; anything else (a live client can send any type) is left for validation to refuse. */
const cut = <T>(s: T, max: number): T => (typeof s === 'string' && s.length > max ? (s.slice(0, max) as T) : s);
const cutOrNull = cut;

/** Keeps the first of several items with one id (two replicas can add the same item at once). */
function firstOfEach<T extends { id: string }>(items: T[], seen: Set<string>): T[] {
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id));
}

/**
 * Live typing is not refused keystroke by keystroke, so before the document is written to the tables
 * its text is cut to the columns' limits (the same limits the REST API enforces), and an id that
 * appears twice is kept once (ids are the rows' primary keys). Every other value is then checked against
 * the REST API's rules when it is projected (tenders/live-content.ts).
 */
export function clampContent(c: TenderContent): TenderContent {
  const requirementIds = new Set<string>();
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
