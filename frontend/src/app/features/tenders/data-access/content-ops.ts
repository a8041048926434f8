import {
  CriterionContent,
  CriterionType,
  DEFAULT_EVALUATION_RULES,
  EvaluationRules,
  FindingJustification,
  Jurisdiction,
  LotContent,
  PriceMethod,
  PriceParameters,
  ProcurementCategory,
  RequirementContent,
  RequirementKind,
  RequirementPriority,
  ScaleDescriptor,
  ScoringScale,
  TenderContent,
  TenderDetail,
} from '@openbrief/contracts';

/**
 * Pure, immutable edits of a tender's working copy. Untouched lots, requirements and criteria
 * keep their identity, so only the parts of the page that changed are checked again.
 */

export const newId = (): string => crypto.randomUUID();

/** The editable part of a tender, as the API returns it (children already in order). */
export function toContent(t: TenderDetail): TenderContent {
  return {
    title: t.title,
    summary: t.summary,
    problem: t.problem,
    users: t.users,
    workDone: t.workDone,
    constraints: t.constraints,
    budget: { ...t.budget },
    // A tender read before the jurisdiction existed is under the law of England and Wales.
    contract: { ...t.contract, jurisdiction: t.contract.jurisdiction ?? Jurisdiction.EnglandAndWales },
    estimatedValue: t.estimatedValue,
    location: t.location,
    // A tender read before the classification existed: services, anywhere in the UK, nothing said about engagement.
    mainCategory: t.mainCategory ?? ProcurementCategory.Services,
    regions: [...(t.regions ?? [])],
    procedure: t.procedure,
    singleLotReason: t.singleLotReason,
    engagementSummary: t.engagementSummary ?? '',
    noEngagementReason: t.noEngagementReason ?? null,
    timetable: { ...t.timetable },
    responseRules: { ...t.responseRules },
    contact: { ...t.contact },
    lots: [...t.lots]
      .sort((a, b) => a.number - b.number)
      .map((lot) => ({
        id: lot.id,
        title: lot.title,
        description: lot.description,
        estimatedValue: lot.estimatedValue,
        evaluationModel: {
          scale: lot.evaluationModel.scale,
          descriptors: lot.evaluationModel.descriptors.map((d) => ({ ...d })),
          minimumQualityPercent: lot.evaluationModel.minimumQualityPercent,
          priceMethod: lot.evaluationModel.priceMethod,
          rules: copyRules(lot.evaluationModel.rules),
          criteria: [...lot.evaluationModel.criteria]
            .sort((a, b) => a.order - b.order)
            .map(({ order: _order, ...c }) => ({ ...c, requirementIds: [...c.requirementIds] })),
        },
        requirements: [...lot.requirements]
          .sort((a, b) => a.order - b.order)
          .map(({ order: _order, lotId: _lotId, ...r }) => ({ ...r, measure: { ...r.measure } })),
      })),
    justifications: t.justifications.map((j) => ({ ...j })),
  };
}

export function sameContent(a: TenderContent | null, b: TenderContent | null): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * `next`, but keeping `previous`'s objects wherever nothing in them changed, so that a change arriving
 * from a colleague re-renders only the requirement (or field) it touched, not the whole editor.
 */
export function shareUnchanged(previous: TenderContent | null, next: TenderContent): TenderContent {
  if (!previous) return next;
  const keep = <T>(old: T | undefined, fresh: T): T => (old !== undefined && JSON.stringify(old) === JSON.stringify(fresh) ? old : fresh);
  const oldLots = new Map(previous.lots.map((lot) => [lot.id, lot]));
  const lots = next.lots.map((lot) => {
    const old = oldLots.get(lot.id);
    if (!old) return lot;
    const oldRequirements = new Map(old.requirements.map((r) => [r.id, r]));
    const requirements = lot.requirements.map((r) => keep(oldRequirements.get(r.id), r));
    const shared = { ...lot, requirements, evaluationModel: keep(old.evaluationModel, lot.evaluationModel) };
    return sameEntries(old, shared) ? old : shared;
  });
  const shared: TenderContent = {
    ...next,
    budget: keep(previous.budget, next.budget),
    contract: keep(previous.contract, next.contract),
    timetable: keep(previous.timetable, next.timetable),
    responseRules: keep(previous.responseRules, next.responseRules),
    contact: keep(previous.contact, next.contact),
    justifications: keep(previous.justifications, next.justifications),
    lots: sameItems(previous.lots, lots) ? previous.lots : lots,
  };
  return sameEntries(previous, shared) ? previous : shared;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function sameEntries<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(b) as (keyof T)[];
  return (
    keys.length === Object.keys(a).length &&
    keys.every((k) => (Array.isArray(a[k]) && Array.isArray(b[k]) ? sameItems(a[k] as unknown[], b[k] as unknown[]) : a[k] === b[k]))
  );
}

// --- lots --------------------------------------------------------------------------------------

export function updateLot(c: TenderContent, lotId: string, fn: (lot: LotContent) => LotContent): TenderContent {
  return { ...c, lots: c.lots.map((lot) => (lot.id === lotId ? fn(lot) : lot)) };
}

/** A new lot scored like the first one (fresh ids, no requirements yet). */
export function addLot(c: TenderContent): { content: TenderContent; lot: LotContent } {
  const template = c.lots[0]?.evaluationModel;
  const ids = new Map<string, string>();
  const criteria = template?.criteria ?? [];
  for (const cr of criteria) ids.set(cr.id, newId());
  const lot: LotContent = {
    id: newId(),
    title: `Lot ${c.lots.length + 1}`,
    description: '',
    estimatedValue: null,
    evaluationModel: {
      scale: template?.scale ?? ScoringScale.ZeroToFour,
      descriptors: (template?.descriptors ?? defaultDescriptors(ScoringScale.ZeroToFour)).map((d) => ({ ...d })),
      minimumQualityPercent: template?.minimumQualityPercent ?? null,
      priceMethod: template?.priceMethod ?? PriceMethod.Proportional,
      rules: copyRules(template?.rules),
      criteria: criteria.map((cr) => ({
        ...cr,
        id: ids.get(cr.id) as string,
        parentId: cr.parentId ? (ids.get(cr.parentId) ?? null) : null,
        requirementIds: [],
      })),
    },
    requirements: [],
  };
  return { content: { ...c, lots: [...c.lots, lot] }, lot };
}

export function removeLot(c: TenderContent, lotId: string): TenderContent {
  const lot = c.lots.find((l) => l.id === lotId);
  if (!lot || c.lots.length < 2) return c;
  const gone = new Set(lot.requirements.map((r) => r.id));
  return {
    ...c,
    lots: c.lots.filter((l) => l.id !== lotId),
    justifications: c.justifications.filter((j) => !gone.has(j.requirementId)),
  };
}

// --- requirements ------------------------------------------------------------------------------

export function blankRequirement(patch: Partial<RequirementContent> = {}): RequirementContent {
  return {
    id: newId(),
    heading: null,
    kind: RequirementKind.Outcome,
    priority: RequirementPriority.Essential,
    outcome: '',
    whyItMatters: '',
    measure: { description: '', baseline: null, target: null, unit: null },
    roomForProposals: '',
    justification: null,
    ...patch,
  };
}

export function updateRequirement(
  c: TenderContent,
  lotId: string,
  requirementId: string,
  patch: Partial<RequirementContent>,
): TenderContent {
  return updateLot(c, lotId, (lot) => ({
    ...lot,
    requirements: lot.requirements.map((r) => (r.id === requirementId ? { ...r, ...patch } : r)),
  }));
}

export function updateMeasure(
  c: TenderContent,
  lotId: string,
  requirementId: string,
  patch: Partial<RequirementContent['measure']>,
): TenderContent {
  return updateLot(c, lotId, (lot) => ({
    ...lot,
    requirements: lot.requirements.map((r) => (r.id === requirementId ? { ...r, measure: { ...r.measure, ...patch } } : r)),
  }));
}

export function addRequirements(c: TenderContent, lotId: string, added: RequirementContent[]): TenderContent {
  return updateLot(c, lotId, (lot) => ({ ...lot, requirements: [...lot.requirements, ...added] }));
}

/** What deleting a requirement took with it, so that it can be put back exactly. */
export interface RemovedRequirement {
  readonly lotId: string;
  readonly index: number;
  readonly requirement: RequirementContent;
  /** Criteria that assessed it. */
  readonly criterionIds: readonly string[];
  readonly justifications: readonly FindingJustification[];
}

export function removeRequirement(
  c: TenderContent,
  lotId: string,
  requirementId: string,
): { content: TenderContent; removed: RemovedRequirement } | null {
  const lot = c.lots.find((l) => l.id === lotId);
  const index = lot?.requirements.findIndex((r) => r.id === requirementId) ?? -1;
  if (!lot || index < 0) return null;
  const criterionIds = lot.evaluationModel.criteria.filter((cr) => cr.requirementIds.includes(requirementId)).map((cr) => cr.id);
  const removed: RemovedRequirement = {
    lotId,
    index,
    requirement: lot.requirements[index],
    criterionIds,
    justifications: c.justifications.filter((j) => j.requirementId === requirementId),
  };
  const content = updateLot({ ...c, justifications: c.justifications.filter((j) => j.requirementId !== requirementId) }, lotId, (l) => ({
    ...l,
    requirements: l.requirements.filter((r) => r.id !== requirementId),
    evaluationModel: {
      ...l.evaluationModel,
      criteria: l.evaluationModel.criteria.map((cr) =>
        cr.requirementIds.includes(requirementId) ? { ...cr, requirementIds: cr.requirementIds.filter((id) => id !== requirementId) } : cr,
      ),
    },
  }));
  return { content, removed };
}

export function restoreRequirement(c: TenderContent, removed: RemovedRequirement): TenderContent {
  if (!c.lots.some((l) => l.id === removed.lotId)) return c;
  return updateLot({ ...c, justifications: [...c.justifications, ...removed.justifications] }, removed.lotId, (lot) => {
    const requirements = [...lot.requirements];
    requirements.splice(Math.min(removed.index, requirements.length), 0, removed.requirement);
    return {
      ...lot,
      requirements,
      evaluationModel: {
        ...lot.evaluationModel,
        criteria: lot.evaluationModel.criteria.map((cr) =>
          removed.criterionIds.includes(cr.id) ? { ...cr, requirementIds: [...cr.requirementIds, removed.requirement.id] } : cr,
        ),
      },
    };
  });
}

export function moveRequirement(c: TenderContent, lotId: string, from: number, to: number): TenderContent {
  return updateLot(c, lotId, (lot) => ({ ...lot, requirements: moveItem(lot.requirements, from, to) }));
}

// --- evaluation model --------------------------------------------------------------------------

export function updateModel(c: TenderContent, lotId: string, patch: Partial<LotContent['evaluationModel']>): TenderContent {
  return updateLot(c, lotId, (lot) => ({ ...lot, evaluationModel: { ...lot.evaluationModel, ...patch } }));
}

/** A lot's rules with some changed; `price` is merged too, so one price parameter can change alone. */
export function withRules(
  rules: EvaluationRules,
  patch: Partial<Omit<EvaluationRules, 'price'>> & { price?: Partial<PriceParameters> },
): EvaluationRules {
  return { ...rules, ...patch, price: { ...rules.price, ...patch.price } };
}

/** A copy of a lot's rules; the defaults where a tender saved before the rules existed has none. */
export function copyRules(rules: EvaluationRules | undefined): EvaluationRules {
  const base = rules ?? DEFAULT_EVALUATION_RULES;
  return { ...DEFAULT_EVALUATION_RULES, ...base, price: { ...DEFAULT_EVALUATION_RULES.price, ...base.price } };
}

export function updateCriterion(c: TenderContent, lotId: string, criterionId: string, patch: Partial<CriterionContent>): TenderContent {
  return updateLot(c, lotId, (lot) => ({
    ...lot,
    evaluationModel: {
      ...lot.evaluationModel,
      criteria: lot.evaluationModel.criteria.map((cr) => (cr.id === criterionId ? { ...cr, ...patch } : cr)),
    },
  }));
}

export function addCriterion(
  c: TenderContent,
  lotId: string,
  parentId: string | null,
): { content: TenderContent; criterion: CriterionContent } {
  const lot = c.lots.find((l) => l.id === lotId);
  const parent = lot?.evaluationModel.criteria.find((cr) => cr.id === parentId);
  const criterion: CriterionContent = {
    id: newId(),
    parentId,
    name: '',
    type: parent?.type ?? CriterionType.Quality,
    weight: 0,
    description: '',
    requirementIds: [],
    wordLimit: null,
  };
  return {
    content: updateLot(c, lotId, (l) => {
      const criteria = [...l.evaluationModel.criteria];
      // After the last of its siblings' family, so the tree reads in order.
      let at = criteria.length;
      if (parentId) {
        const family = new Set([parentId]);
        criteria.forEach((cr, i) => {
          if (cr.parentId && family.has(cr.parentId)) {
            family.add(cr.id);
            at = i + 1;
          }
          if (cr.id === parentId && at === criteria.length) at = i + 1;
        });
      }
      criteria.splice(at, 0, criterion);
      return { ...l, evaluationModel: { ...l.evaluationModel, criteria } };
    }),
    criterion,
  };
}

/** Removes a criterion and everything under it. */
export function removeCriterion(c: TenderContent, lotId: string, criterionId: string): TenderContent {
  return updateLot(c, lotId, (lot) => {
    const all = lot.evaluationModel.criteria;
    const gone = new Set([criterionId]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const cr of all) {
        if (cr.parentId && gone.has(cr.parentId) && !gone.has(cr.id)) {
          gone.add(cr.id);
          grew = true;
        }
      }
    }
    return {
      ...lot,
      evaluationModel: { ...lot.evaluationModel, criteria: all.filter((cr) => !gone.has(cr.id)) },
    };
  });
}

// --- scales ------------------------------------------------------------------------------------

const BANDS: readonly Omit<ScaleDescriptor, 'score'>[] = [
  { label: 'Unacceptable', description: 'No answer, or the answer does not address the requirement.' },
  { label: 'Poor', description: 'Addresses the requirement only in part, with significant gaps or risks.' },
  { label: 'Acceptable', description: 'Meets the requirement, with some minor gaps or risks.' },
  { label: 'Good', description: 'Fully meets the requirement, with clear evidence of how it will be delivered.' },
  { label: 'Excellent', description: 'Fully meets the requirement with strong evidence, and adds value beyond it.' },
];

export function scaleMaximum(scale: ScoringScale): number {
  return scale === ScoringScale.ZeroToFour ? 4 : scale === ScoringScale.ZeroToTen ? 10 : 100;
}

/** The same five bands the backend uses, spread over the scale. */
export function defaultDescriptors(scale: ScoringScale): ScaleDescriptor[] {
  const max = scaleMaximum(scale);
  return BANDS.map((band, i) => ({ ...band, score: Math.round((i / 4) * max) }));
}

/** Changing the scale keeps the buyer's own wording and spreads the scores over the new range. */
export function rescaleDescriptors(descriptors: ScaleDescriptor[], from: ScoringScale, to: ScoringScale): ScaleDescriptor[] {
  if (!descriptors.length) return defaultDescriptors(to);
  const ratio = scaleMaximum(to) / scaleMaximum(from);
  return descriptors.map((d) => ({ ...d, score: Math.round(d.score * ratio) }));
}

// --- helpers -----------------------------------------------------------------------------------

export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const copy = [...list];
  if (from < 0 || from >= copy.length || to < 0 || to >= copy.length || from === to) return copy;
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
}

/** Each criterion's share of the whole score, in per cent. */
export function overallShares(criteria: readonly CriterionContent[]): Map<string, number> {
  const shares = new Map<string, number>();
  const walk = (parentId: string | null, parentShare: number) => {
    for (const cr of criteria.filter((x) => x.parentId === parentId)) {
      const share = (parentShare * (Number.isFinite(cr.weight) ? cr.weight : 0)) / 100;
      shares.set(cr.id, share);
      walk(cr.id, share);
    }
  };
  walk(null, 100);
  return shares;
}

export function formatPercent(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return `${Number.isInteger(rounded) ? rounded : rounded.toFixed(rounded * 10 === Math.round(rounded * 10) ? 1 : 2)}%`;
}

/** The working copy shaped like a published tender, for the preview of what suppliers will see. */
export function toPreviewDetail(meta: TenderDetail, c: TenderContent): TenderDetail {
  return {
    ...meta,
    ...c,
    lots: c.lots.map((lot, l) => ({
      ...lot,
      number: l + 1,
      evaluationModel: { ...lot.evaluationModel, criteria: lot.evaluationModel.criteria.map((cr, i) => ({ ...cr, order: i })) },
      requirements: lot.requirements.map((r, i) => ({ ...r, lotId: lot.id, order: i })),
    })),
  };
}
