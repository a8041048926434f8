import {
  type CriterionType,
  type EvaluationRules,
  type ItlRegion,
  type Jurisdiction,
  type PriceMethod,
  type ProcurementCategory,
  type Procedure,
  type RequirementKind,
  type RequirementPriority,
  type ResponseRules,
  type ScoringScale,
  type TenderDetail,
  type TenderStatus,
  type VatBasis,
} from './tenders';

/**
 * The legal record of a published version: what suppliers read, frozen at publication, in a shape of
 * its own. The API's TenderDetail is made from it (publishedTenderDetail) and may change freely; this
 * shape changes only with a new schema version and a migration of the stored records.
 */

/** The record schema this code writes and reads. Bump it only with a migration that converts stored records. */
export const PUBLISHED_RECORD_SCHEMA_VERSION = 1;

/**
 * An ocid prefix as the Open Contracting Data Support Team registers it: "ocds-" and six lower-case
 * letters or digits (the same check as the OCDS Data Review Tool's).
 */
export const OCID_PREFIX_PATTERN = /^ocds-[a-z0-9]{6}$/;
/** The default prefix, for trying Openbrief: a placeholder, never to be used for real publications. */
export const PLACEHOLDER_OCID_PREFIX = 'ocds-xxxxxx';

/** The Open Contracting ID of a tender: its buyer's registered prefix and its reference, fixed at first publication. */
export function ocidFor(prefix: string, reference: string): string {
  return `${prefix}-${reference}`;
}

export interface PublishedTenderRecord {
  schemaVersion: typeof PUBLISHED_RECORD_SCHEMA_VERSION;
  /** OCDS Open Contracting ID: the same in every version of the tender. */
  ocid: string;
  tenderId: string;
  reference: string;
  version: number;
  /** ISO 8601, UTC. */
  publishedAt: string;
  /** What changed and why; null for version 1. */
  changeNote: string | null;
  /** The revision of the working copy that was frozen (the buyer's next edit builds on it). */
  revision: number;
  buyer: { id: string; name: string };
  content: PublishedTenderContent;
}

export interface PublishedTenderContent {
  title: string;
  summary: string;
  problem: string;
  users: string;
  workDone: string;
  constraints: string;
  estimatedValue: number | null;
  budget: { min: number | null; max: number | null; currency: string; vatBasis: VatBasis };
  /** jurisdiction: absent from records published before it existed; the reader gives England and Wales. */
  contract: { lengthMonths: number | null; extensionOptions: string; jurisdiction: Jurisdiction };
  location: string;
  /** Absent from records published before it existed; the reader gives services. */
  mainCategory: ProcurementCategory;
  /** Absent from records published before it existed; the reader gives none (anywhere in the UK). */
  regions: ItlRegion[];
  procedure: Procedure;
  singleLotReason: string | null;
  /** Absent from records published before it existed; the reader gives ''. */
  engagementSummary: string;
  /** Absent from records published before it existed; the reader gives null. */
  noEngagementReason: string | null;
  timetable: {
    clarificationDeadline: string | null;
    submissionDeadline: string | null;
    evaluationStart: string | null;
    evaluationEnd: string | null;
    expectedAward: string | null;
    contractStart: string | null;
    /** Absent from records published before it existed; the reader gives null. */
    answersPublishedBy: string | null;
  };
  /** Absent from records published before it existed; the reader gives DEFAULT_RESPONSE_RULES. */
  responseRules: ResponseRules;
  contact: { name: string; email: string; phone: string | null };
  lots: PublishedLot[];
  /** Checker findings the buyer kept on purpose, with their reasons (published in the pack's Annex B). */
  justifications: { requirementId: string; rule: string; text: string }[];
}

export interface PublishedLot {
  id: string;
  number: number;
  title: string;
  description: string;
  estimatedValue: number | null;
  evaluationModel: {
    scale: ScoringScale;
    descriptors: { score: number; label: string; description: string }[];
    minimumQualityPercent: number | null;
    priceMethod: PriceMethod;
    /** Absent from records published before it existed; the reader gives DEFAULT_EVALUATION_RULES. */
    rules: EvaluationRules;
    criteria: PublishedCriterion[];
  };
  /** Outcomes, constraints and pass/fail requirements, with the stable ids bids and scores refer to. */
  requirements: PublishedRequirement[];
}

export interface PublishedRequirement {
  id: string;
  heading: string | null;
  order: number;
  kind: RequirementKind;
  priority: RequirementPriority;
  outcome: string;
  whyItMatters: string;
  measure: { description: string; baseline: string | null; target: string | null; unit: string | null };
  roomForProposals: string;
  justification: string | null;
}

export interface PublishedCriterion {
  id: string;
  parentId: string | null;
  order: number;
  name: string;
  type: CriterionType;
  weight: number;
  description: string;
  requirementIds: string[];
  wordLimit: number | null;
}

/** What publication knows besides the content. */
export interface PublicationFacts {
  ocid: string;
  version: number;
  publishedAt: string;
  changeNote: string | null;
  revision: number;
}

/** The record of a tender being published now. Every field is copied by name, so nothing slips in unnoticed. */
export function toPublishedRecord(t: TenderDetail, facts: PublicationFacts): PublishedTenderRecord {
  return {
    schemaVersion: PUBLISHED_RECORD_SCHEMA_VERSION,
    ocid: facts.ocid,
    tenderId: t.id,
    reference: t.reference,
    version: facts.version,
    publishedAt: facts.publishedAt,
    changeNote: facts.changeNote,
    revision: facts.revision,
    buyer: { id: t.buyer.id, name: t.buyer.name },
    content: {
      title: t.title,
      summary: t.summary,
      problem: t.problem,
      users: t.users,
      workDone: t.workDone,
      constraints: t.constraints,
      estimatedValue: t.estimatedValue,
      budget: { min: t.budget.min, max: t.budget.max, currency: t.budget.currency, vatBasis: t.budget.vatBasis },
      contract: {
        lengthMonths: t.contract.lengthMonths,
        extensionOptions: t.contract.extensionOptions,
        jurisdiction: t.contract.jurisdiction,
      },
      location: t.location,
      mainCategory: t.mainCategory,
      regions: [...t.regions],
      procedure: t.procedure,
      singleLotReason: t.singleLotReason,
      engagementSummary: t.engagementSummary,
      noEngagementReason: t.noEngagementReason,
      timetable: {
        clarificationDeadline: t.timetable.clarificationDeadline,
        submissionDeadline: t.timetable.submissionDeadline,
        evaluationStart: t.timetable.evaluationStart,
        evaluationEnd: t.timetable.evaluationEnd,
        expectedAward: t.timetable.expectedAward,
        contractStart: t.timetable.contractStart,
        answersPublishedBy: t.timetable.answersPublishedBy,
      },
      responseRules: {
        attachmentsAllowed: t.responseRules.attachmentsAllowed,
        maxAttachments: t.responseRules.maxAttachments,
        maxAttachmentMb: t.responseRules.maxAttachmentMb,
        twoPersonOpening: t.responseRules.twoPersonOpening,
      },
      contact: { name: t.contact.name, email: t.contact.email, phone: t.contact.phone },
      lots: t.lots.map((lot) => ({
        id: lot.id,
        number: lot.number,
        title: lot.title,
        description: lot.description,
        estimatedValue: lot.estimatedValue,
        evaluationModel: {
          scale: lot.evaluationModel.scale,
          descriptors: lot.evaluationModel.descriptors.map((d) => ({ score: d.score, label: d.label, description: d.description })),
          minimumQualityPercent: lot.evaluationModel.minimumQualityPercent,
          priceMethod: lot.evaluationModel.priceMethod,
          rules: copyRules(lot.evaluationModel.rules),
          criteria: lot.evaluationModel.criteria.map((c) => ({
            id: c.id,
            parentId: c.parentId,
            order: c.order,
            name: c.name,
            type: c.type,
            weight: c.weight,
            description: c.description,
            requirementIds: [...c.requirementIds],
            wordLimit: c.wordLimit,
          })),
        },
        requirements: lot.requirements.map((r) => ({
          id: r.id,
          heading: r.heading,
          order: r.order,
          kind: r.kind,
          priority: r.priority,
          outcome: r.outcome,
          whyItMatters: r.whyItMatters,
          measure: { description: r.measure.description, baseline: r.measure.baseline, target: r.measure.target, unit: r.measure.unit },
          roomForProposals: r.roomForProposals,
          justification: r.justification,
        })),
      })),
      justifications: t.justifications.map((j) => ({ requirementId: j.requirementId, rule: j.rule, text: j.text })),
    },
  };
}

/** The evaluation rules field by field (as everything in the record is copied by name). */
function copyRules(r: EvaluationRules): EvaluationRules {
  return {
    blindMarking: r.blindMarking,
    priceHiddenUntilModerated: r.priceHiddenUntilModerated,
    tieBreak: r.tieBreak,
    nearTieMargin: r.nearTieMargin,
    minJustificationChars: r.minJustificationChars,
    moderationSpread: r.moderationSpread,
    abnormallyLowPercent: r.abnormallyLowPercent,
    price: {
      ceilingPrice: r.price.ceilingPrice,
      floorPrice: r.price.floorPrice,
      logRatio: r.price.logRatio,
      discountRatePercent: r.price.discountRatePercent,
    },
  };
}

/** What the record does not hold: the tender's status now and when its working copy was created. */
export interface LiveTenderFacts {
  status: TenderStatus;
  createdAt: string;
}

/** The API's view of a published version, made from its record. */
export function publishedTenderDetail(r: PublishedTenderRecord, live: LiveTenderFacts): TenderDetail {
  const c = r.content;
  return {
    id: r.tenderId,
    reference: r.reference,
    title: c.title,
    status: live.status,
    buyer: { ...r.buyer },
    summary: c.summary,
    problem: c.problem,
    users: c.users,
    workDone: c.workDone,
    constraints: c.constraints,
    budget: { ...c.budget },
    contract: { ...c.contract },
    estimatedValue: c.estimatedValue,
    location: c.location,
    mainCategory: c.mainCategory,
    regions: [...c.regions],
    procedure: c.procedure,
    singleLotReason: c.singleLotReason,
    engagementSummary: c.engagementSummary,
    noEngagementReason: c.noEngagementReason,
    timetable: { ...c.timetable },
    responseRules: { ...c.responseRules },
    contact: { ...c.contact },
    lots: c.lots.map((lot) => ({
      id: lot.id,
      number: lot.number,
      title: lot.title,
      description: lot.description,
      estimatedValue: lot.estimatedValue,
      evaluationModel: {
        ...lot.evaluationModel,
        rules: copyRules(lot.evaluationModel.rules),
        criteria: lot.evaluationModel.criteria.map((cr) => ({ ...cr })),
      },
      requirements: lot.requirements.map((req) => ({ ...req, lotId: lot.id })),
    })),
    justifications: c.justifications.map((j) => ({ ...j })),
    revision: r.revision,
    publishedVersion: r.version,
    publishedAt: r.publishedAt,
    createdAt: live.createdAt,
    // A published version is never edited: its last change is its publication.
    updatedAt: r.publishedAt,
  };
}
