import {
  DEFAULT_EVALUATION_RULES,
  DEFAULT_PRICE_PARAMETERS,
  type EvaluationRules,
  type LotContent,
  type Lot as LotView,
  type TenderContent,
  type TenderDetail,
  type Timetable,
} from '@openbrief/contracts';
import type { Organisation } from '../identity/entities/organisation.entity';
import type { Criterion } from './entities/criterion.entity';
import type { Lot } from './entities/lot.entity';
import type { Requirement } from './entities/requirement.entity';
import type { Tender } from './entities/tender.entity';

/**
 * Dates are validated before they are stored, but a row written before that (or by hand) must not make a
 * tender unreadable: an instant that is not a valid date reads as "not set" rather than throwing.
 */
const isDate = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());
const iso = (d: Date | null) => (isDate(d) ? d.toISOString() : null);
const date = (s: string | null) => {
  const d = typeof s === 'string' && s ? new Date(s) : null;
  return isDate(d) ? d : null;
};

/**
 * The stored rules over the defaults: a row written before a rule existed (or by hand) reads as what the
 * defaults say, rather than with a hole the scoring would trip on.
 */
function evaluationRules(stored: Partial<EvaluationRules> | null | undefined): EvaluationRules {
  const s = stored && typeof stored === 'object' ? stored : {};
  return { ...DEFAULT_EVALUATION_RULES, ...s, price: { ...DEFAULT_PRICE_PARAMETERS, ...(s.price ?? {}) } };
}

export interface TenderRows {
  lots: Lot[];
  requirements: Requirement[];
  criteria: Criterion[];
}

/** Relational rows → the API's view of a tender. Children are ordered by their stored position. */
export function toTenderDetail(t: Tender, buyer: Organisation, rows: TenderRows): TenderDetail {
  const lots: LotView[] = [...rows.lots]
    .sort((a, b) => a.number - b.number)
    .map((lot) => ({
      id: lot.id,
      number: lot.number,
      title: lot.title,
      description: lot.description,
      estimatedValue: lot.estimatedValue,
      evaluationModel: {
        scale: lot.scale,
        descriptors: lot.descriptors,
        minimumQualityPercent: lot.minimumQualityPercent,
        priceMethod: lot.priceMethod,
        rules: evaluationRules(lot.evaluationRules),
        criteria: rows.criteria
          .filter((c) => c.lotId === lot.id)
          .sort((a, b) => a.position - b.position)
          .map((c) => ({
            id: c.id,
            parentId: c.parentId,
            order: c.position,
            name: c.name,
            type: c.type,
            weight: c.weight,
            description: c.description,
            requirementIds: c.requirementIds,
            wordLimit: c.wordLimit,
          })),
      },
      requirements: rows.requirements
        .filter((r) => r.lotId === lot.id)
        .sort((a, b) => a.position - b.position)
        .map((r) => ({
          id: r.id,
          lotId: r.lotId,
          heading: r.heading,
          order: r.position,
          kind: r.kind,
          priority: r.priority,
          outcome: r.outcome,
          whyItMatters: r.whyItMatters,
          measure: { description: r.measureDescription, baseline: r.measureBaseline, target: r.measureTarget, unit: r.measureUnit },
          roomForProposals: r.roomForProposals,
          justification: r.justification,
        })),
    }));
  return {
    id: t.id,
    reference: t.reference,
    title: t.title,
    status: t.status,
    buyer: { id: buyer.id, name: buyer.name },
    summary: t.summary,
    problem: t.problem,
    users: t.users,
    workDone: t.workDone,
    constraints: t.constraints,
    budget: { min: t.budgetMin, max: t.budgetMax, currency: t.currency, vatBasis: t.vatBasis },
    contract: { lengthMonths: t.contractLengthMonths, extensionOptions: t.extensionOptions, jurisdiction: t.jurisdiction },
    estimatedValue: t.estimatedValue,
    location: t.location,
    mainCategory: t.mainCategory,
    regions: [...t.regions],
    procedure: t.procedure,
    singleLotReason: t.singleLotReason,
    engagementSummary: t.engagementSummary,
    noEngagementReason: t.noEngagementReason,
    timetable: {
      clarificationDeadline: iso(t.clarificationDeadline),
      submissionDeadline: iso(t.submissionDeadline),
      evaluationStart: iso(t.evaluationStart),
      evaluationEnd: iso(t.evaluationEnd),
      expectedAward: iso(t.expectedAward),
      contractStart: iso(t.contractStart),
      answersPublishedBy: iso(t.answersPublishedBy),
    },
    responseRules: {
      attachmentsAllowed: t.attachmentsAllowed,
      maxAttachments: t.maxAttachments,
      maxAttachmentMb: t.maxAttachmentMb,
      twoPersonOpening: t.twoPersonOpening,
    },
    contact: { name: t.contactName, email: t.contactEmail, phone: t.contactPhone },
    lots,
    justifications: t.justifications,
    revision: t.rowVersion,
    publishedVersion: t.publishedVersion,
    publishedAt: iso(t.publishedAt),
    createdAt: t.createdAt.toISOString(),
    updatedAt: t.updatedAt.toISOString(),
  };
}

/** The editable part of a tender, as saved in history and compared between revisions. */
export function toTenderContent(d: TenderDetail): TenderContent {
  return {
    title: d.title,
    summary: d.summary,
    problem: d.problem,
    users: d.users,
    workDone: d.workDone,
    constraints: d.constraints,
    budget: d.budget,
    contract: d.contract,
    estimatedValue: d.estimatedValue,
    location: d.location,
    mainCategory: d.mainCategory,
    regions: [...d.regions],
    procedure: d.procedure,
    singleLotReason: d.singleLotReason,
    engagementSummary: d.engagementSummary,
    noEngagementReason: d.noEngagementReason,
    timetable: d.timetable,
    responseRules: d.responseRules,
    contact: d.contact,
    lots: d.lots.map((l): LotContent => ({
      id: l.id,
      title: l.title,
      description: l.description,
      estimatedValue: l.estimatedValue,
      evaluationModel: {
        ...l.evaluationModel,
        criteria: l.evaluationModel.criteria.map(({ order: _order, ...c }) => c),
      },
      requirements: l.requirements.map(({ lotId: _lotId, order: _order, ...r }) => r),
    })),
    justifications: d.justifications,
  };
}

/** Scalar columns of the tender row for a content save. */
export function tenderColumns(c: TenderContent): Partial<Tender> {
  const t: Timetable = c.timetable;
  return {
    title: c.title,
    summary: c.summary,
    problem: c.problem,
    users: c.users,
    workDone: c.workDone,
    constraints: c.constraints,
    budgetMin: c.budget.min,
    budgetMax: c.budget.max,
    currency: c.budget.currency,
    vatBasis: c.budget.vatBasis,
    contractLengthMonths: c.contract.lengthMonths,
    extensionOptions: c.contract.extensionOptions,
    jurisdiction: c.contract.jurisdiction,
    estimatedValue: c.estimatedValue,
    location: c.location,
    mainCategory: c.mainCategory,
    regions: [...c.regions],
    procedure: c.procedure,
    singleLotReason: c.singleLotReason,
    engagementSummary: c.engagementSummary,
    noEngagementReason: c.noEngagementReason,
    clarificationDeadline: date(t.clarificationDeadline),
    submissionDeadline: date(t.submissionDeadline),
    evaluationStart: date(t.evaluationStart),
    evaluationEnd: date(t.evaluationEnd),
    expectedAward: date(t.expectedAward),
    contractStart: date(t.contractStart),
    answersPublishedBy: date(t.answersPublishedBy),
    attachmentsAllowed: c.responseRules.attachmentsAllowed,
    maxAttachments: c.responseRules.maxAttachments,
    maxAttachmentMb: c.responseRules.maxAttachmentMb,
    twoPersonOpening: c.responseRules.twoPersonOpening,
    contactName: c.contact.name,
    contactEmail: c.contact.email,
    contactPhone: c.contact.phone,
    justifications: c.justifications,
  };
}

/** Child rows for a content save: positions come from list order, so reordering is just a new order. */
export function childRows(tenderId: string, c: TenderContent): TenderRows {
  const rows: TenderRows = { lots: [], requirements: [], criteria: [] };
  c.lots.forEach((lot, lotIndex) => {
    const m = lot.evaluationModel;
    rows.lots.push({
      id: lot.id,
      tenderId,
      number: lotIndex + 1,
      title: lot.title,
      description: lot.description,
      estimatedValue: lot.estimatedValue,
      scale: m.scale,
      descriptors: m.descriptors,
      minimumQualityPercent: m.minimumQualityPercent,
      priceMethod: m.priceMethod,
      evaluationRules: m.rules,
    } as Lot);
    lot.requirements.forEach((r, i) =>
      rows.requirements.push({
        id: r.id,
        lotId: lot.id,
        tenderId,
        heading: r.heading || null,
        position: i + 1,
        kind: r.kind,
        priority: r.priority,
        outcome: r.outcome,
        whyItMatters: r.whyItMatters,
        measureDescription: r.measure.description,
        measureBaseline: r.measure.baseline,
        measureTarget: r.measure.target,
        measureUnit: r.measure.unit,
        roomForProposals: r.roomForProposals,
        justification: r.justification,
      } as Requirement),
    );
    m.criteria.forEach((cr, i) =>
      rows.criteria.push({
        id: cr.id,
        lotId: lot.id,
        parentId: cr.parentId,
        position: i + 1,
        name: cr.name,
        type: cr.type,
        weight: cr.weight,
        description: cr.description,
        requirementIds: cr.requirementIds,
        wordLimit: cr.wordLimit,
      } as Criterion),
    );
  });
  return rows;
}
