import { PUBLISHED_RECORD_SCHEMA_VERSION, type PublishedTenderRecord } from './published-record';
import {
  CriterionType,
  DEFAULT_RESPONSE_RULES,
  ITL_REGION_CODES,
  Jurisdiction,
  PriceMethod,
  ProcurementCategory,
  Procedure,
  RequirementKind,
  RequirementPriority,
  ScoringScale,
  TieBreakRule,
  VatBasis,
  defaultEvaluationRules,
} from './tenders';

/** A stored record this code cannot read: its message says which record and why, in plain words. */
export class PublishedRecordError extends Error {
  override readonly name = 'PublishedRecordError';
}

/**
 * Checks a stored record before anything uses it, so a record of an unknown schema version, or one
 * damaged by hand, fails here with a plain message instead of deep inside a page or a PDF.
 * `where` names the record for the message, e.g. "Version 2 of tender NHS-2026-0001".
 */
export function readPublishedRecord(value: unknown, where = 'A published version'): PublishedTenderRecord {
  const problem = schemaVersionProblem(value) ?? record(value, 'record');
  if (problem) throw new PublishedRecordError(`${where} cannot be read: ${problem}.`);
  return withLaterFields(value as PublishedTenderRecord);
}

/**
 * Fields added to schema version 1 after records were first written: a record published before them reads
 * as what those tenders meant (the default response rules, no date for answers, the default evaluation rules,
 * England and Wales, services delivered anywhere in the UK, nothing said about market engagement), and the stored record itself is never changed. A copy is returned only when something
 * was missing.
 */
function withLaterFields(r: PublishedTenderRecord): PublishedTenderRecord {
  const c = r.content;
  const complete =
    c.responseRules !== undefined &&
    c.timetable.answersPublishedBy !== undefined &&
    c.contract.jurisdiction !== undefined &&
    c.mainCategory !== undefined &&
    c.regions !== undefined &&
    c.engagementSummary !== undefined &&
    c.noEngagementReason !== undefined &&
    c.lots.every((lot) => lot.evaluationModel.rules !== undefined);
  if (complete) return r;
  return {
    ...r,
    content: {
      ...c,
      mainCategory: c.mainCategory ?? ProcurementCategory.Services,
      regions: c.regions ?? [],
      engagementSummary: c.engagementSummary ?? '',
      noEngagementReason: c.noEngagementReason ?? null,
      contract: { ...c.contract, jurisdiction: c.contract.jurisdiction ?? Jurisdiction.EnglandAndWales },
      timetable: { ...c.timetable, answersPublishedBy: c.timetable.answersPublishedBy ?? null },
      responseRules: c.responseRules ?? { ...DEFAULT_RESPONSE_RULES },
      lots: c.lots.map((lot) =>
        lot.evaluationModel.rules !== undefined
          ? lot
          : { ...lot, evaluationModel: { ...lot.evaluationModel, rules: defaultEvaluationRules() } },
      ),
    },
  };
}

function schemaVersionProblem(value: unknown): string | null {
  if (!isObject(value)) return 'it is not a published record (expected a JSON object)';
  const version = value['schemaVersion'];
  if (version === undefined) return 'it has no schemaVersion, so it is not a published record';
  if (version === PUBLISHED_RECORD_SCHEMA_VERSION) return null;
  return (
    `it is stored as published record schema version ${JSON.stringify(version)}, which this version of Openbrief ` +
    `does not know (it reads version ${PUBLISHED_RECORD_SCHEMA_VERSION}); it may have been written by a newer version of Openbrief`
  );
}

/** A check returns what is wrong at `path`, or null. */
type Check = (value: unknown, path: string) => string | null;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const is =
  (test: (v: unknown) => boolean, what: string): Check =>
  (v, path) =>
    test(v) ? null : `${path} should be ${what}`;
const nullable =
  (check: Check): Check =>
  (v, path) =>
    v === null ? null : check(v, path);
const oneOf = (values: object) => is((v) => Object.values(values).includes(v), `one of ${Object.values(values).join(', ')}`);
const text = is((v) => typeof v === 'string', 'text');
const number = is((v) => typeof v === 'number' && Number.isFinite(v), 'a number');
const whole = is((v) => Number.isInteger(v), 'a whole number');
const instant = is((v) => typeof v === 'string' && !Number.isNaN(Date.parse(v)), 'a date and time');
const region = is((v) => (ITL_REGION_CODES as readonly unknown[]).includes(v), `one of ${ITL_REGION_CODES.join(', ')}`);
const yesNo = is((v) => typeof v === 'boolean', 'true or false');
/** A field added after the first records were written: absent in those, checked when present. */
const later =
  (check: Check): Check =>
  (v, path) =>
    v === undefined ? null : check(v, path);
const fields =
  (shape: Record<string, Check>): Check =>
  (v, path) => {
    if (!isObject(v)) return `${path} should be an object`;
    for (const [key, check] of Object.entries(shape)) {
      const problem = check(v[key], `${path}.${key}`);
      if (problem) return problem;
    }
    return null;
  };
const list =
  (check: Check): Check =>
  (v, path) => {
    if (!Array.isArray(v)) return `${path} should be a list`;
    for (let i = 0; i < v.length; i++) {
      const problem = check(v[i], `${path}[${i}]`);
      if (problem) return problem;
    }
    return null;
  };

const criterion = fields({
  id: text,
  parentId: nullable(text),
  order: whole,
  name: text,
  type: oneOf(CriterionType),
  weight: number,
  description: text,
  requirementIds: list(text),
  wordLimit: nullable(whole),
});

const requirement = fields({
  id: text,
  heading: nullable(text),
  order: whole,
  kind: oneOf(RequirementKind),
  priority: oneOf(RequirementPriority),
  outcome: text,
  whyItMatters: text,
  measure: fields({ description: text, baseline: nullable(text), target: nullable(text), unit: nullable(text) }),
  roomForProposals: text,
  justification: nullable(text),
});

const evaluationRules = fields({
  blindMarking: yesNo,
  priceHiddenUntilModerated: yesNo,
  tieBreak: oneOf(TieBreakRule),
  nearTieMargin: number,
  minJustificationChars: whole,
  moderationSpread: nullable(number),
  abnormallyLowPercent: number,
  price: fields({ ceilingPrice: nullable(number), floorPrice: nullable(number), logRatio: number, discountRatePercent: number }),
});

const lot = fields({
  id: text,
  number: whole,
  title: text,
  description: text,
  estimatedValue: nullable(number),
  evaluationModel: fields({
    scale: oneOf(ScoringScale),
    descriptors: list(fields({ score: number, label: text, description: text })),
    minimumQualityPercent: nullable(number),
    priceMethod: oneOf(PriceMethod),
    rules: later(evaluationRules),
    criteria: list(criterion),
  }),
  requirements: list(requirement),
});

const record = fields({
  ocid: text,
  tenderId: text,
  reference: text,
  version: whole,
  publishedAt: instant,
  changeNote: nullable(text),
  revision: whole,
  buyer: fields({ id: text, name: text }),
  content: fields({
    title: text,
    summary: text,
    problem: text,
    users: text,
    workDone: text,
    constraints: text,
    estimatedValue: nullable(number),
    budget: fields({ min: nullable(number), max: nullable(number), currency: text, vatBasis: oneOf(VatBasis) }),
    contract: fields({ lengthMonths: nullable(whole), extensionOptions: text, jurisdiction: later(oneOf(Jurisdiction)) }),
    location: text,
    mainCategory: later(oneOf(ProcurementCategory)),
    regions: later(list(region)),
    procedure: oneOf(Procedure),
    singleLotReason: nullable(text),
    engagementSummary: later(text),
    noEngagementReason: later(nullable(text)),
    timetable: fields({
      clarificationDeadline: nullable(instant),
      submissionDeadline: nullable(instant),
      evaluationStart: nullable(instant),
      evaluationEnd: nullable(instant),
      expectedAward: nullable(instant),
      contractStart: nullable(instant),
      answersPublishedBy: later(nullable(instant)),
    }),
    responseRules: later(fields({ attachmentsAllowed: yesNo, maxAttachments: whole, maxAttachmentMb: whole, twoPersonOpening: yesNo })),
    contact: fields({ name: text, email: text, phone: nullable(text) }),
    lots: list(lot),
    justifications: list(fields({ requirementId: text, rule: text, text })),
  }),
});
