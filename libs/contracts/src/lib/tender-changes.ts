import type { PublishedCriterion, PublishedLot, PublishedRequirement, PublishedTenderRecord } from './published-record';
import type { TenderChangeSince } from './responses';

type Item = TenderChangeSince['items'][number];

/**
 * What changed for one lot's responses between two published versions (a corrigendum), by stable id: its
 * requirements and criteria added, changed or removed, how bids are scored, and the tender-wide terms a response
 * depends on (deadline, response rules, the law of the contract, currency and VAT basis). Order and wording of unrelated parts are ignored.
 */
export function lotChangesSince(from: PublishedTenderRecord, to: PublishedTenderRecord, lotId: string): TenderChangeSince {
  const items: Item[] = [];
  const before = from.content.lots.find((l) => l.id === lotId);
  const after = to.content.lots.find((l) => l.id === lotId);
  if (before && !after) items.push({ kind: 'tender', id: lotId, label: `Lot ${before.number}: ${before.title}`, change: 'removed' });
  if (before && after) {
    items.push(...diffById(before.requirements, after.requirements, 'requirement', requirementLabel, requirementShape));
    items.push(...diffById(criteriaOf(before), criteriaOf(after), 'criterion', (c) => c.name, criterionShape));
    if (JSON.stringify(evaluationShape(before)) !== JSON.stringify(evaluationShape(after)))
      items.push({
        kind: 'tender',
        id: 'evaluation',
        label: 'How bids are scored (scale, price method or evaluation rules)',
        change: 'changed',
      });
  }
  const a = from.content;
  const b = to.content;
  if (a.timetable.submissionDeadline !== b.timetable.submissionDeadline) {
    items.push({ kind: 'tender', id: 'submissionDeadline', label: 'The submission deadline', change: 'changed' });
  }
  if (JSON.stringify(a.responseRules ?? null) !== JSON.stringify(b.responseRules ?? null)) {
    items.push({ kind: 'tender', id: 'responseRules', label: 'How to respond (attachments, opening)', change: 'changed' });
  }
  if ((a.contract.jurisdiction ?? null) !== (b.contract.jurisdiction ?? null)) {
    items.push({ kind: 'tender', id: 'jurisdiction', label: 'The law of the contract', change: 'changed' });
  }
  if (a.budget.currency !== b.budget.currency || a.budget.vatBasis !== b.budget.vatBasis) {
    items.push({ kind: 'tender', id: 'priceBasis', label: 'The currency or VAT basis of prices', change: 'changed' });
  }
  return { fromVersion: from.version, toVersion: to.version, items };
}

const criteriaOf = (lot: PublishedLot) => lot.evaluationModel.criteria;

/**
 * What a supplier's bid is scored by. The panel's own working rules (near-tie margin, justification length,
 * moderation spread) do not change what a supplier should write, so they are left out.
 */
function evaluationShape(lot: PublishedLot): unknown {
  const m = lot.evaluationModel;
  const r = m.rules;
  return [
    m.scale,
    m.descriptors,
    m.minimumQualityPercent,
    m.priceMethod,
    r ? [r.blindMarking, r.priceHiddenUntilModerated, r.tieBreak, r.abnormallyLowPercent, r.price] : null,
  ];
}

function requirementLabel(r: PublishedRequirement): string {
  return r.outcome.length > 120 ? `${r.outcome.slice(0, 119)}…` : r.outcome;
}

/** What a supplier answers to: the requirement's words and terms, not its position in the list. */
function requirementShape(r: PublishedRequirement): unknown {
  return [r.heading, r.kind, r.priority, r.outcome, r.whyItMatters, r.measure, r.roomForProposals, r.justification];
}

function criterionShape(c: PublishedCriterion): unknown {
  return [c.parentId, c.name, c.type, c.weight, c.description, [...c.requirementIds].sort(), c.wordLimit];
}

function diffById<T extends { id: string }>(
  before: T[],
  after: T[],
  kind: Item['kind'],
  label: (x: T) => string,
  shape: (x: T) => unknown,
): Item[] {
  const old = new Map(before.map((x) => [x.id, x]));
  const now = new Map(after.map((x) => [x.id, x]));
  const items: Item[] = [];
  for (const x of after) {
    const was = old.get(x.id);
    if (!was) items.push({ kind, id: x.id, label: label(x), change: 'added' });
    else if (JSON.stringify(shape(was)) !== JSON.stringify(shape(x))) items.push({ kind, id: x.id, label: label(x), change: 'changed' });
  }
  for (const x of before) if (!now.has(x.id)) items.push({ kind, id: x.id, label: label(x), change: 'removed' });
  return items;
}
