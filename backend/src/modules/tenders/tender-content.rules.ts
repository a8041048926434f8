import { type TenderContent, checkedTexts, timetableProblems, weightProblems } from '@openbrief/contracts';
import type { DomainErrorDetail } from '../../common/errors/domain.error';

/** Justifications of findings about the whole tender use this in place of a requirement id (as the checker does). */
export const TENDER_LEVEL = 'tender';

/**
 * Checks a tender's content as a whole, beyond what each field's own validation can see:
 * references between parts, weights per level, the order of dates. Returns every problem found.
 */
export function contentProblems(c: TenderContent): DomainErrorDetail[] {
  const problems: DomainErrorDetail[] = [];
  const seen = new Set<string>();
  const unique = (id: string, field: string) => {
    if (seen.has(id)) problems.push({ field, message: `The id ${id} is used twice in this tender.` });
    seen.add(id);
  };
  if (c.lots.length === 0) problems.push({ field: 'lots', message: 'A tender needs at least one lot (a tender without lots has one).' });

  c.lots.forEach((lot, l) => {
    const where = `lots[${l}]`;
    unique(lot.id, `${where}.id`);
    const requirementIds = new Set(lot.requirements.map((r) => r.id));
    lot.requirements.forEach((r, i) => unique(r.id, `${where}.requirements[${i}].id`));
    const criteria = lot.evaluationModel.criteria;
    const criterionIds = new Set(criteria.map((x) => x.id));
    criteria.forEach((cr, i) => {
      const field = `${where}.evaluationModel.criteria[${i}]`;
      unique(cr.id, `${field}.id`);
      if (cr.parentId !== null && !criterionIds.has(cr.parentId)) {
        problems.push({ field: `${field}.parentId`, message: `"${cr.name}" sits under a criterion that is not in this lot.` });
      }
      if (cr.parentId === cr.id || hasCycle(cr.id, criteria)) {
        problems.push({ field: `${field}.parentId`, message: `"${cr.name}" cannot sit under itself.` });
      }
      for (const rid of cr.requirementIds) {
        if (!requirementIds.has(rid)) {
          problems.push({ field: `${field}.requirementIds`, message: `"${cr.name}" refers to a requirement that is not in this lot.` });
        }
      }
    });
    for (const w of weightProblems(criteria)) {
      problems.push({ field: `${where}.evaluationModel.criteria`, message: `Lot ${l + 1}: ${w.message}` });
    }
  });

  for (const t of timetableProblems(c.timetable)) problems.push({ field: `timetable.${t.field}`, message: t.message });
  if (c.budget.min !== null && c.budget.max !== null && c.budget.min > c.budget.max) {
    problems.push({ field: 'budget.min', message: 'The lowest budget figure is more than the highest.' });
  }
  const allRequirements = new Set(c.lots.flatMap((l) => l.requirements.map((r) => r.id)));
  // A reason may also be kept for a finding in any other checked text (summary, problem…), named by its key.
  const checkedFields = new Set(checkedTexts(c).map((t) => t.key));
  c.justifications.forEach((j, i) => {
    if (j.requirementId !== TENDER_LEVEL && !allRequirements.has(j.requirementId) && !checkedFields.has(j.requirementId)) {
      problems.push({
        field: `justifications[${i}].requirementId`,
        message: 'A justification refers to a requirement that is not in this tender.',
      });
    }
  });
  return problems;
}

function hasCycle(start: string, criteria: { id: string; parentId: string | null }[]): boolean {
  const parent = new Map(criteria.map((c) => [c.id, c.parentId]));
  const visited = new Set<string>();
  let current = parent.get(start) ?? null;
  while (current !== null) {
    if (current === start || visited.has(current)) return true;
    visited.add(current);
    current = parent.get(current) ?? null;
  }
  return false;
}
