/**
 * Public types of the over-prescription checker. Framework-free: no Node or Angular imports.
 */

export type Severity = 'error' | 'warning' | 'info';

/** Requirement-level categories plus `tender` for whole-tender rules. */
export type FindingCategory = 'brand' | 'solution' | 'method' | 'standard' | 'threshold' | 'measure' | 'readability' | 'tender';

export const CATEGORIES: readonly FindingCategory[] = [
  'brand',
  'solution',
  'method',
  'standard',
  'threshold',
  'measure',
  'readability',
  'tender',
];

export type RuleId =
  // brand
  | 'brand.named-product'
  | 'brand.equivalents-refused'
  | 'brand.genericised-trade-mark'
  | 'brand.product-like-name'
  | 'brand.named-producer'
  | 'brand.proprietary'
  | 'brand.place-of-origin'
  | 'brand.existing-system'
  // solution
  | 'solution.named-technology'
  | 'solution.architecture'
  | 'solution.licensing-model'
  | 'solution.fixed-type'
  | 'solution.problem-names-solution'
  | 'solution.prescribed-design'
  // method
  | 'method.team-composition'
  | 'method.on-site'
  | 'method.named-methodology'
  | 'method.process-steps'
  | 'method.working-hours'
  | 'method.tools'
  | 'method.staff-experience'
  | 'method.prescribed-means'
  // standard
  | 'standard.certification'
  | 'standard.qualification'
  | 'standard.no-equivalent'
  | 'standard.national-standard'
  | 'standard.legal-baseline'
  // threshold
  | 'threshold.turnover-excessive'
  | 'threshold.turnover-unverified'
  | 'threshold.years-trading'
  | 'threshold.headcount'
  | 'threshold.previous-authority'
  | 'threshold.sector-experience'
  | 'threshold.insurance-at-bid'
  | 'threshold.audited-accounts'
  | 'threshold.local-presence'
  | 'threshold.financial-ratio'
  // measure
  | 'measure.vague-term'
  | 'measure.unmeasurable-outcome'
  // readability
  | 'readability.long-sentence'
  | 'readability.passive-no-actor'
  | 'readability.acronym'
  | 'readability.jargon'
  // tender-level
  | 'tender.weights-sum'
  | 'tender.pass-fail-undeclared'
  | 'tender.social-value-weight'
  | 'tender.single-lot'
  | 'tender.mandatory-count'
  | 'tender.scoring-by-quantity'
  | 'tender.reading-age';

export interface Finding {
  rule: RuleId;
  category: FindingCategory;
  severity: Severity;
  /** Plain-English explanation (en-GB) of what is wrong here. */
  message: string;
  /** Start offset (UTF-16 code units, as JavaScript strings count) into the checked text. */
  start: number;
  /** End offset (exclusive). `start === end` for findings about the whole tender. */
  end: number;
  /** A concrete rewrite or next step. */
  suggestion: string;
  /** The rule's source in law or policy. */
  reference: string;
  /** A one-click fix: text to put in place of [start, end), when the suggestion is a drop-in rewrite. */
  replacement?: string;
  /** Set by `checkTender` when the buyer has accepted this finding with a written justification. */
  justified?: boolean;
  justification?: string;
  /** For tender-level findings about a criterion or lot. */
  target?: string;
}

export interface CheckContext {
  /** Estimated total contract value (whole life), in `currency`. */
  estimatedValue?: number;
  /** ISO 4217 code; only used in messages. Default GBP. */
  currency?: string;
  /** Acronyms already expanded earlier in the tender (upper case). Read by the acronym rule. */
  knownAcronyms?: ReadonlySet<string>;
  /** Rule ids or categories to skip. */
  disabled?: ReadonlyArray<RuleId | FindingCategory>;
}

export interface TenderRequirementInput {
  id: string;
  text: string;
  /** True for pass/fail (mandatory) requirements. When omitted, "must"/"shall" wording counts as mandatory. */
  mandatory?: boolean;
  /** Declares this requirement a pass/fail gate in the evaluation. */
  passFail?: boolean;
  lotId?: string;
}

export interface CriterionInput {
  id: string;
  title: string;
  /** Percentage weight. Children's weights are percentages of the parent, or absolute shares summing to the parent's weight. */
  weight?: number;
  kind?: 'quality' | 'price' | 'social-value' | 'pass-fail' | 'other';
  /** A pass/fail gate (not scored). */
  passFail?: boolean;
  description?: string;
  children?: CriterionInput[];
}

export interface LotInput {
  id: string;
  title?: string;
  estimatedValue?: number;
}

export interface Justification {
  requirementId: string;
  rule: RuleId;
  text: string;
}

/** Justifications keyed by requirement id, then rule id. Use requirement id `tender` for tender-level findings. */
export type JustificationMap = Record<string, Partial<Record<RuleId, string>>>;

export interface TenderCheckInput {
  requirements: TenderRequirementInput[];
  estimatedValue?: number;
  currency?: string;
  criteria?: CriterionInput[];
  lots?: LotInput[];
  /** Why the tender is not divided into lots (Procurement Act 2023 s18). */
  singleLotReason?: string;
  /** Whether pass/fail gates have been declared for the tender (in addition to per-requirement `passFail`). */
  passFailDeclared?: boolean;
  justifications?: Justification[] | JustificationMap;
  /** Value above which a single-lot tender needs a reason. Default 2,000,000. */
  largeTenderValue?: number;
  disabled?: ReadonlyArray<RuleId | FindingCategory>;
}

export interface RequirementResult {
  id: string;
  text: string;
  findings: Finding[];
  /** True when the requirement has an unjustified `error` finding. */
  blocking: boolean;
}

export interface CategoryScore {
  category: FindingCategory;
  /** 0–100, higher is more open. */
  score: number;
  /** Share of the overall score (weights sum to 1). */
  weight: number;
  findings: number;
  justified: number;
  errors: number;
  warnings: number;
  infos: number;
}

export interface OpennessScore {
  score: number;
  breakdown: Record<FindingCategory, CategoryScore>;
}

export interface TenderCheckResult {
  requirements: RequirementResult[];
  tenderFindings: Finding[];
  openness: OpennessScore;
  /** Estimated reading age (years) of all requirement text, or null when there is no text. */
  readingAge: number | null;
  /** True when publishing should be blocked: at least one unjustified `error`. */
  blocking: boolean;
  summary: {
    requirements: number;
    findings: number;
    errors: number;
    warnings: number;
    infos: number;
    justified: number;
    blocking: number;
  };
}

export interface RuleInfo {
  id: RuleId;
  category: FindingCategory;
  severity: Severity;
  title: string;
  reference: string;
  explanation: string;
}
