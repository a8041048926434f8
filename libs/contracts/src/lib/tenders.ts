import type { PublicTenderState, TenderOpenness } from './discovery';
/** Where a tender is in its life. Transitions are enforced by the backend (see TENDER_TRANSITIONS). */
export enum TenderStatus {
  Draft = 'draft',
  InReview = 'in_review',
  Published = 'published',
  Closed = 'closed',
  Evaluating = 'evaluating',
  Awarded = 'awarded',
  Cancelled = 'cancelled',
}

/** Allowed next statuses from each status. */
export const TENDER_TRANSITIONS: Record<TenderStatus, TenderStatus[]> = {
  [TenderStatus.Draft]: [TenderStatus.InReview, TenderStatus.Published, TenderStatus.Cancelled],
  [TenderStatus.InReview]: [TenderStatus.Draft, TenderStatus.Published, TenderStatus.Cancelled],
  [TenderStatus.Published]: [TenderStatus.Closed, TenderStatus.Cancelled],
  [TenderStatus.Closed]: [TenderStatus.Evaluating, TenderStatus.Cancelled],
  [TenderStatus.Evaluating]: [TenderStatus.Awarded, TenderStatus.Cancelled],
  [TenderStatus.Awarded]: [],
  [TenderStatus.Cancelled]: [],
};

/**
 * Statuses in which the working copy may still change, over REST or live (after publication, changes
 * become the next version). The backend enforces it; the editor uses it to decide whether to edit live.
 */
export const EDITABLE_TENDER_STATUSES: readonly TenderStatus[] = [TenderStatus.Draft, TenderStatus.InReview, TenderStatus.Published];

/** Statuses in which the tender has been published and is visible to everyone. */
export const PUBLIC_TENDER_STATUSES: readonly TenderStatus[] = [
  TenderStatus.Published,
  TenderStatus.Closed,
  TenderStatus.Evaluating,
  TenderStatus.Awarded,
];

export enum Procedure {
  Open = 'open',
  CompetitiveFlexible = 'competitive_flexible',
  FrameworkCallOff = 'framework_call_off',
  BelowThreshold = 'below_threshold',
}

/** OCDS `mainProcurementCategory`: what is mainly bought. Filters the public list; goes into the open data. */
export enum ProcurementCategory {
  Goods = 'goods',
  Services = 'services',
  Works = 'works',
}

export const PROCUREMENT_CATEGORY_LABELS: Readonly<Record<ProcurementCategory, string>> = {
  [ProcurementCategory.Goods]: 'Goods',
  [ProcurementCategory.Services]: 'Services',
  [ProcurementCategory.Works]: 'Works',
};

/**
 * Where the work is delivered: the UK's ITL 1 regions (International Territorial Levels, the codes Find a
 * Tender uses for delivery regions). A tender names one or more; none means "anywhere in the UK".
 */
export const ITL_REGIONS = [
  { code: 'TLC', name: 'North East (England)' },
  { code: 'TLD', name: 'North West (England)' },
  { code: 'TLE', name: 'Yorkshire and The Humber' },
  { code: 'TLF', name: 'East Midlands (England)' },
  { code: 'TLG', name: 'West Midlands (England)' },
  { code: 'TLH', name: 'East of England' },
  { code: 'TLI', name: 'London' },
  { code: 'TLJ', name: 'South East (England)' },
  { code: 'TLK', name: 'South West (England)' },
  { code: 'TLL', name: 'Wales' },
  { code: 'TLM', name: 'Scotland' },
  { code: 'TLN', name: 'Northern Ireland' },
] as const;
export type ItlRegion = (typeof ITL_REGIONS)[number]['code'];
export const ITL_REGION_CODES: readonly ItlRegion[] = ITL_REGIONS.map((r) => r.code);

export enum VatBasis {
  ExcludingVat = 'excluding_vat',
  IncludingVat = 'including_vat',
}

export enum RequirementKind {
  /** What must be true; suppliers propose how. */
  Outcome = 'outcome',
  /** A limit the solution must respect (e.g. an existing system it must work with). */
  Constraint = 'constraint',
  /** Pass/fail: a bid that does not meet it is excluded. */
  Mandatory = 'mandatory',
}

export enum RequirementPriority {
  Essential = 'essential',
  Desirable = 'desirable',
}

export enum CriterionType {
  Quality = 'quality',
  Price = 'price',
  SocialValue = 'social_value',
}

export enum ScoringScale {
  ZeroToFour = '0-4',
  ZeroToTen = '0-10',
  ZeroToHundred = '0-100',
}

export enum PriceMethod {
  /** score = lowest price ÷ this price × maximum. */
  Proportional = 'proportional',
  /** score = maximum × (1 − (this price − lowest) ÷ lowest), never below 0. */
  DifferenceFromLowest = 'difference_from_lowest',
  /** The average price scores half the maximum; each 1% below (above) it adds (takes away) 1% of the maximum, between 0 and the maximum. */
  RelativeToAverage = 'relative_to_average',
  /** Full marks at or below the floor price, nothing at or above the ceiling (by default the budget's maximum), a straight line between. */
  LinearBudgetToFloor = 'linear_budget_to_floor',
  /** Value for money: price ÷ total quality score, the lowest wins; price has no weight of its own. */
  PricePerQualityPoint = 'price_per_quality_point',
  /** score = maximum × (1 − log(price ÷ lowest) ÷ log A), never below 0: gaps between scores do not depend on the lowest price. */
  Logarithmic = 'logarithmic',
  /** Proportional on the whole-life cost: one-off costs plus recurring costs over the term, discounted to today. */
  WholeLifeCost = 'whole_life_cost',
}

/** How a tie on the total is broken: published in the tender, applied and shown in the results. */
export enum TieBreakRule {
  /** The higher total quality score wins. */
  HigherQuality = 'higher_quality',
  /** The lower evaluated price wins. */
  LowerPrice = 'lower_price',
}

/** The legal jurisdiction of the contract: whose bank holidays count when working days (the standstill) are counted. */
export enum Jurisdiction {
  EnglandAndWales = 'england_and_wales',
  Scotland = 'scotland',
  NorthernIreland = 'northern_ireland',
}

/** Parameters of the price methods that need them; the others ignore them. */
export interface PriceParameters {
  /** linear_budget_to_floor: the price that scores nothing; null: the budget's maximum. */
  ceilingPrice: number | null;
  /** linear_budget_to_floor: the price at and below which price scores full marks; null: 0. */
  floorPrice: number | null;
  /** logarithmic: A, the ratio to the lowest price at which the score reaches 0 (greater than 1, e.g. 2). */
  logRatio: number;
  /** whole_life_cost: the yearly discount rate, in percent (HM Treasury's Green Book uses 3.5). */
  discountRatePercent: number;
}

/** How the panel works and how the result is reached, published with the lot's evaluation model. */
export interface EvaluationRules {
  /** Evaluators of quality (and social value) criteria see "Response A", "Response B"…, not the bidder's name. */
  blindMarking: boolean;
  /** Evaluators see no price until every quality score of the lot is moderated. */
  priceHiddenUntilModerated: boolean;
  tieBreak: TieBreakRule;
  /** Totals this many points (of 100) apart or closer are flagged as a near-tie. */
  nearTieMargin: number;
  /** An evaluator's justification of a score must be at least this many characters. */
  minJustificationChars: number;
  /** Individual scores this many points apart or more are flagged for moderation; null: half the scale's maximum (2 on 0–4). */
  moderationSpread: number | null;
  /** A price more than this percentage below the average price, or below the lot's estimated value, is flagged as abnormally low. */
  abnormallyLowPercent: number;
  price: PriceParameters;
}

export const DEFAULT_PRICE_PARAMETERS: PriceParameters = {
  ceilingPrice: null,
  floorPrice: null,
  logRatio: 2,
  discountRatePercent: 3.5,
};

export const DEFAULT_EVALUATION_RULES: EvaluationRules = {
  blindMarking: true,
  priceHiddenUntilModerated: true,
  tieBreak: TieBreakRule.HigherQuality,
  nearTieMargin: 1,
  minJustificationChars: 50,
  moderationSpread: null,
  abnormallyLowPercent: 20,
  price: DEFAULT_PRICE_PARAMETERS,
};

/** A fresh copy of the default rules, safe to change (the constants are shared). */
export function defaultEvaluationRules(): EvaluationRules {
  return { ...DEFAULT_EVALUATION_RULES, price: { ...DEFAULT_PRICE_PARAMETERS } };
}

/** The ranges the API, the publish check and the editor hold the numeric evaluation rules to. */
export const EVALUATION_RULE_LIMITS = {
  nearTieMargin: { min: 0, max: 10 },
  minJustificationChars: { min: 0, max: 2000 },
  moderationSpread: { min: 1, max: 100 },
  abnormallyLowPercent: { min: 1, max: 90 },
  logRatio: { min: 1.01, max: 100 },
  discountRatePercent: { min: 0, max: 20 },
} as const;

export interface Measure {
  /** How success is measured, in words. */
  description: string;
  baseline: string | null;
  target: string | null;
  unit: string | null;
}

export interface Requirement {
  id: string;
  lotId: string;
  /** Requirements are grouped under headings in the order given. */
  heading: string | null;
  order: number;
  kind: RequirementKind;
  priority: RequirementPriority;
  outcome: string;
  whyItMatters: string;
  measure: Measure;
  roomForProposals: string;
  /** Why the requirement must be specific (e.g. interoperability with an existing system). */
  justification: string | null;
}

export interface ScaleDescriptor {
  score: number;
  label: string;
  description: string;
}

export interface Criterion {
  id: string;
  parentId: string | null;
  order: number;
  name: string;
  type: CriterionType;
  /** Percentage of its parent (or of the whole, at the top level); siblings add up to 100. */
  weight: number;
  description: string;
  /** Requirements this criterion assesses. */
  requirementIds: string[];
  /** Word limit for the supplier's answer to this criterion, where it asks a question. */
  wordLimit: number | null;
}

export interface EvaluationModel {
  scale: ScoringScale;
  descriptors: ScaleDescriptor[];
  /** Minimum quality score, as a percentage of the quality marks available; bids below it are excluded. */
  minimumQualityPercent: number | null;
  priceMethod: PriceMethod;
  /** Panel, moderation, tie and price rules (defaults: DEFAULT_EVALUATION_RULES). */
  rules: EvaluationRules;
  criteria: Criterion[];
}

export interface Lot {
  id: string;
  number: number;
  title: string;
  description: string;
  estimatedValue: number | null;
  evaluationModel: EvaluationModel;
  requirements: Requirement[];
}

/** All instants are ISO 8601 in UTC; the UI shows them in Europe/London time. */
export interface Timetable {
  clarificationDeadline: string | null;
  submissionDeadline: string | null;
  evaluationStart: string | null;
  evaluationEnd: string | null;
  expectedAward: string | null;
  contractStart: string | null;
  /** When answers to clarification questions will have been published: a different date from questions closing. */
  answersPublishedBy: string | null;
}

/** How suppliers respond: chosen while the tender is drafted, published with it. */
export interface ResponseRules {
  attachmentsAllowed: boolean;
  /** At most this many attachments per response (1–20). */
  maxAttachments: number;
  /** Largest attachment, in megabytes (1–50). */
  maxAttachmentMb: number;
  /** Opening the responses needs a second member of the buying organisation to confirm. */
  twoPersonOpening: boolean;
}

export const DEFAULT_RESPONSE_RULES: ResponseRules = {
  attachmentsAllowed: true,
  maxAttachments: 5,
  maxAttachmentMb: 10,
  twoPersonOpening: false,
};

/** The whole-number ranges the API, the publish check and the editor all hold the numeric response rules to. */
export const RESPONSE_RULE_LIMITS = { maxAttachments: { min: 1, max: 20 }, maxAttachmentMb: { min: 1, max: 50 } } as const;

export interface Budget {
  min: number | null;
  max: number | null;
  currency: string;
  vatBasis: VatBasis;
}

export interface ContractTerms {
  lengthMonths: number | null;
  extensionOptions: string;
  /** Whose law governs the contract, and so whose bank holidays the standstill skips. */
  jurisdiction: Jurisdiction;
}

export interface Contact {
  name: string;
  email: string;
  phone: string | null;
}

/** A buyer's justification for a checker finding they accept on purpose. */
export interface FindingJustification {
  requirementId: string;
  rule: string;
  text: string;
}

export interface TenderDetail {
  id: string;
  reference: string;
  title: string;
  status: TenderStatus;
  buyer: { id: string; name: string };
  summary: string;
  problem: string;
  users: string;
  workDone: string;
  constraints: string;
  budget: Budget;
  contract: ContractTerms;
  estimatedValue: number | null;
  location: string;
  /** What is mainly bought (OCDS mainProcurementCategory). */
  mainCategory: ProcurementCategory;
  /** ITL 1 delivery regions; empty = anywhere in the UK. */
  regions: ItlRegion[];
  procedure: Procedure;
  /** Required when a tender above the lots threshold has a single lot. */
  singleLotReason: string | null;
  /** What changed in the tender because of preliminary market engagement (shown to suppliers; may be empty). */
  engagementSummary: string;
  /** Why there was no preliminary market engagement (UK profile: planning.noEngagementNoticeRationale); null when there was some. */
  noEngagementReason: string | null;
  timetable: Timetable;
  responseRules: ResponseRules;
  contact: Contact;
  lots: Lot[];
  justifications: FindingJustification[];
  /** Optimistic-concurrency version: send it back with every change (If-Match). */
  revision: number;
  /** Latest published version number; 0 if never published. */
  publishedVersion: number;
  publishedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A published, immutable version of a tender. */
export interface PublishedVersion {
  version: number;
  publishedAt: string;
  changeNote: string | null;
  /** SHA-256 of the tender pack PDF stored at publication. */
  packSha256: string | null;
  tender: TenderDetail;
}

/** What the public (no account) sees in a list of published tenders. */
export interface PublishedTenderSummary {
  id: string;
  reference: string;
  title: string;
  buyerName: string;
  summary: string;
  estimatedValue: number | null;
  currency: string;
  submissionDeadline: string | null;
  publishedAt: string;
  version: number;
  mainCategory: ProcurementCategory;
  regions: ItlRegion[];
  state: PublicTenderState;
  /** The checker's verdict on small-supplier suitability (the tender page says why). */
  suitableForSmallSuppliers: boolean;
}

/** How many published tenders one page of the public list holds, unless asked otherwise, and at most. */
export const PUBLIC_TENDER_PAGE_SIZE = 20;
export const PUBLIC_TENDER_PAGE_MAX = 100;

/** One page of the public list, newest publication first. */
export interface PublishedTenderPage {
  items: PublishedTenderSummary[];
  /** Pass back as `cursor` for the next page; null on the last page. Opaque: do not build one. */
  nextCursor: string | null;
  /** How many tenders the whole list holds now. */
  total: number;
}

/** A buyer's own tender, as listed in the workspace. */
export interface TenderListItem {
  id: string;
  reference: string;
  title: string;
  status: TenderStatus;
  updatedAt: string;
  submissionDeadline: string | null;
}

/** The editable content of a tender: what a buyer saves. Ids of new lots, requirements and criteria are UUIDs made by the client. */
export interface TenderContent {
  title: string;
  summary: string;
  problem: string;
  users: string;
  workDone: string;
  constraints: string;
  budget: Budget;
  contract: ContractTerms;
  estimatedValue: number | null;
  location: string;
  mainCategory: ProcurementCategory;
  regions: ItlRegion[];
  procedure: Procedure;
  singleLotReason: string | null;
  engagementSummary: string;
  noEngagementReason: string | null;
  timetable: Timetable;
  responseRules: ResponseRules;
  contact: Contact;
  lots: LotContent[];
  justifications: FindingJustification[];
}

export interface LotContent {
  id: string;
  title: string;
  description: string;
  estimatedValue: number | null;
  evaluationModel: EvaluationModelContent;
  requirements: RequirementContent[];
}

export type RequirementContent = Omit<Requirement, 'lotId' | 'order'>;
export type CriterionContent = Omit<Criterion, 'order'>;
export interface EvaluationModelContent extends Omit<EvaluationModel, 'criteria'> {
  criteria: CriterionContent[];
}

export interface CreateTenderRequest {
  title: string;
  /** Start from an outcome-based template (see GET /tender-templates). */
  templateId?: string;
}

export interface SaveTenderRequest {
  /** The revision the change is based on; a stale one is refused with 409 and the current state. */
  revision: number;
  content: TenderContent;
}

export interface PublishTenderRequest {
  revision: number;
  /** Required from the second publication on: what changed and why (the corrigendum). */
  changeNote?: string;
}

export interface ChangeTenderStatusRequest {
  revision: number;
  status: TenderStatus;
  reason?: string;
}

export interface TenderTemplateSummary {
  id: string;
  name: string;
  description: string;
}

export interface TenderRevisionSummary {
  revision: number;
  changedAt: string;
  changedBy: string;
  /** Labels of the fields this save changed. */
  changedFields: string[];
}

/** A saved revision, as the history lists it. */
export interface TenderHistoryRevision {
  kind: 'revision';
  revision: number;
  at: string;
  by: string;
  /** What the save changed, in the buyer's words ("Deadline for bids", "Justified: “ISO 27001” in Requirement 1.3"). */
  changes: string[];
}

/** A published version, as the history lists it. */
export interface TenderHistoryPublication {
  kind: 'publication';
  version: number;
  at: string;
  by: string;
  /** What changed and why (from version 2; null for version 1). */
  changeNote: string | null;
}

/** One event in a tender's history: a saved revision or a published version. Lists are newest first. */
export type TenderHistoryEntry = TenderHistoryRevision | TenderHistoryPublication;

export interface FieldDiff {
  /** A stable path such as "summary" or "lots[0].requirements[2].outcome". */
  path: string;
  label: string;
  before: string;
  after: string;
  /** Word-level changes, in order: unchanged, added and removed parts. */
  parts: { value: string; added?: boolean; removed?: boolean }[];
}

export interface TenderComparison {
  from: number;
  to: number;
  fields: FieldDiff[];
}

/** Why a tender cannot be published yet; each blocker says what to fix. */
export interface PublishBlocker {
  code: string;
  message: string;
  path?: string;
  /**
   * Absent or `blocker`: publication is refused until it is fixed. `warning`: worth fixing, but the
   * tender can still be published (the publication check lists warnings; publishing ignores them).
   */
  severity?: PublishIssueSeverity;
}

export type PublishIssueSeverity = 'blocker' | 'warning';

export interface ImportedRequirement {
  outcome: string;
  /** Heading it appeared under in the source document, if any. */
  heading: string | null;
}

export interface ChangeLogEntry {
  version: number;
  publishedAt: string;
  changeNote: string | null;
}

/** What anyone sees of a published tender: its latest version, and the log of versions with their change notes. */
export interface PublishedTenderView extends PublishedVersion {
  changeLog: ChangeLogEntry[];
  /** The openness panel: the checker's score, reading age and small-supplier suitability, with reasons. */
  openness: TenderOpenness;
}

/** The checker's verdict, computed by the server on every save (the editor shows the same live). */
export interface SaveCheckSummary {
  openness: number;
  findings: number;
  /** Unjustified error findings: publishing is blocked while this is above 0. */
  blockingFindings: number;
}

/** What a save returns: the tender as stored, and the server's check of it. */
export interface SavedTender extends TenderDetail {
  check: SaveCheckSummary;
}
