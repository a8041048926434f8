import { RequirementKind, type Lot, type Requirement, type TenderDetail } from '@openbrief/contracts';

/**
 * Requirement numbers ("1.3" = lot 1, requirement 3) that suppliers cite in their responses. They
 * follow the order the pack prints requirements in — outcomes and constraints grouped under their
 * headings, then the pass/fail requirements — so numbers always read upwards through the document.
 */

export interface RequirementGroup {
  heading: string | null;
  requirements: NumberedRequirement[];
}

export interface NumberedRequirement {
  number: string;
  requirement: Requirement;
}

export interface LotNumbering {
  lot: Lot;
  groups: RequirementGroup[];
  mandatory: NumberedRequirement[];
}

export function numberLot(lot: Lot): LotNumbering {
  const sorted = [...lot.requirements].sort((a, b) => a.order - b.order);
  const byHeading = new Map<string | null, Requirement[]>();
  const mandatory: Requirement[] = [];
  for (const r of sorted) {
    if (r.kind === RequirementKind.Mandatory) {
      mandatory.push(r);
      continue;
    }
    // Grouped by heading in order of first appearance; requirements without a heading form one group.
    const key = r.heading?.trim() || null;
    const list = byHeading.get(key);
    if (list) list.push(r);
    else byHeading.set(key, [r]);
  }
  let n = 0;
  const number = (requirement: Requirement): NumberedRequirement => ({ number: `${lot.number}.${++n}`, requirement });
  const groups = [...byHeading].map(([heading, reqs]) => ({ heading, requirements: reqs.map(number) }));
  return { lot, groups, mandatory: mandatory.map(number) };
}

export function numberTender(tender: TenderDetail): { lots: LotNumbering[]; byId: Map<string, string> } {
  const lots = [...tender.lots].sort((a, b) => a.number - b.number).map(numberLot);
  const byId = new Map<string, string>();
  for (const lot of lots) {
    for (const g of lot.groups) for (const r of g.requirements) byId.set(r.requirement.id, r.number);
    for (const r of lot.mandatory) byId.set(r.requirement.id, r.number);
  }
  return { lots, byId };
}
