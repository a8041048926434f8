import type { TenderContent } from '@openbrief/contracts';

const cut = (s: string, max: number) => (s.length > max ? s.slice(0, max) : s);
const cutOrNull = (s: string | null, max: number) => (s === null ? null : cut(s, max));

/**
 * Live typing is not validated keystroke by keystroke, so before the document is written to the tables
 * its fields are cut to the columns' limits (the same limits the REST API enforces).
 */
export function clampContent(c: TenderContent): TenderContent {
  return {
    ...c,
    title: cut(c.title, 200),
    summary: cut(c.summary, 2000),
    problem: cut(c.problem, 5000),
    users: cut(c.users, 5000),
    workDone: cut(c.workDone, 5000),
    constraints: cut(c.constraints, 5000),
    location: cut(c.location, 200),
    lots: c.lots.map((l) => ({
      ...l,
      title: cut(l.title, 200),
      description: cut(l.description, 5000),
      requirements: l.requirements.map((r) => ({
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
