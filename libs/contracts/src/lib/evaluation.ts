import type { CriterionType, Jurisdiction, PriceMethod, ScaleDescriptor, ScoringScale, TieBreakRule } from './tenders';

/**
 * Evaluation and award, as the API shows them (issue 13). A panel evaluates one lot of a tender once its responses
 * are opened: the buying team forms it, evaluators declare conflicts and score, a moderator agrees consensus
 * scores, the buying team reads the result, awards, issues assessment summaries and waits out the standstill.
 */

/** Where a lot's evaluation is, derived from what has been recorded. */
export enum PanelStage {
  /** Panel formed: evaluators are declaring conflicts. */
  Declaring = 'declaring',
  /** Every evaluator has declared: scoring is under way. */
  Scoring = 'scoring',
  /** Every assigned score is submitted: the moderator is agreeing consensus scores. */
  Moderation = 'moderation',
  /** Every response × criterion has a consensus score: the result can be read and the lot awarded. */
  Moderated = 'moderated',
  /** The award decision is recorded. */
  Awarded = 'awarded',
}

/** What a member of the buyer's organisation is on a panel. */
export interface PanelMember {
  userId: string;
  name: string;
  /** Criteria this evaluator scores (empty for a moderator who does not score). */
  criterionIds: string[];
}

/** A bidder as the conflict declarations name it (declarations need the real name, scoring may not). */
export interface PanelBidder {
  responseId: string;
  supplierName: string;
  /** "Response A"…: how blind-marked pages name it. */
  label: string;
}

export interface ConflictDeclaration {
  id: string;
  evaluatorId: string;
  evaluatorName: string;
  responseId: string;
  supplierName: string;
  /** true: a conflict declared (the evaluator is removed from this bidder); false: none. */
  conflict: boolean;
  details: string;
  declaredAt: string;
  /** How the buying team handled a declared conflict (e.g. "Replaced by J. Smith for this bid"); null while not yet recorded. */
  handling: string | null;
  handledBy: string | null;
  handledAt: string | null;
}

/** Why a response was not scored further. */
export interface GateResult {
  responseId: string;
  /** The pass/fail requirement, or null for the minimum quality threshold or an abnormally low price rejected after investigation. */
  requirementId: string | null;
  gate: 'pass-fail' | 'quality-threshold' | 'abnormally-low';
  passed: boolean;
  reason: string;
  decidedBy: string | null;
  decidedAt: string;
}

export interface EvaluationPanel {
  id: string;
  tenderId: string;
  lotId: string;
  lotNumber: number;
  lotTitle: string;
  stage: PanelStage;
  moderator: { userId: string; name: string };
  evaluators: PanelMember[];
  bidders: PanelBidder[];
  declarations: ConflictDeclaration[];
  gates: GateResult[];
  /** Scores submitted so far out of those assigned (conflicts excluded). */
  progress: { submitted: number; assigned: number; moderated: number; toModerate: number };
  revision: number;
  createdAt: string;
}

/** Body of `PUT /tenders/:tenderId/lots/:lotId/panel`: form (or, before any score is submitted, re-form) the panel. */
export interface FormPanelRequest {
  moderatorId: string;
  evaluators: { userId: string; criterionIds: string[] }[];
}

/** Body of `POST /panels/:panelId/declarations/:declarationId/handling`. */
export interface RecordConflictHandlingRequest {
  handling: string;
}

/** Body of `POST /panels/:panelId/gates/:responseId`: the buying team fails (or restores) a pass/fail requirement on the evidence. */
export interface RecordGateRequest {
  requirementId: string;
  passed: boolean;
  reason: string;
}

/** One row of an evaluator's (or moderator's) "Your evaluations". */
export interface EvaluationTask {
  panelId: string;
  tenderId: string;
  tenderReference: string;
  tenderTitle: string;
  lotNumber: number;
  lotTitle: string;
  stage: PanelStage;
  isModerator: boolean;
  isEvaluator: boolean;
  /** The next thing to do, in plain English. */
  nextStep: string;
}

/** Body of `PUT /panels/:panelId/declarations`: one declaration per bidder, all at once, before any response is seen. */
export interface DeclareConflictsRequest {
  declarations: { responseId: string; conflict: boolean; details: string }[];
}

/** The evaluator's own page for a panel: what they declared and what they score. */
export interface EvaluatorWorkspace {
  panelId: string;
  tenderReference: string;
  tenderTitle: string;
  lotNumber: number;
  lotTitle: string;
  stage: PanelStage;
  /** Bidders to declare against, by real name; empty once declared. */
  toDeclare: PanelBidder[];
  declared: boolean;
  scale: ScoringScale;
  descriptors: ScaleDescriptor[];
  minJustificationChars: number;
  blindMarking: boolean;
  /** The criteria assigned to this evaluator, with whether they have submitted all their scores for each. */
  criteria: { id: string; name: string; type: CriterionType; description: string; wordLimit: number | null; submitted: boolean }[];
  /** The responses this evaluator scores (conflicts and disqualified responses left out), named as they may see them. */
  responses: { responseId: string; label: string; scored: number; toScore: number }[];
}

/** A response as one evaluator may read it: only their criteria's answers, the name hidden under blind marking. */
export interface EvaluatorResponseView {
  responseId: string;
  /** The supplier's name, or "Response A" under blind marking. */
  label: string;
  answers: {
    criterionId: string;
    criterionName: string;
    wordLimit: number | null;
    /** The words an evaluator considers. */
    considered: string;
    /** Words past the limit: shown, marked as not considered. */
    notConsidered: string;
  }[];
  declarations: { requirementId: string; requirementOutcome: string; meets: boolean | null; evidence: string }[];
  /** null while prices are hidden from evaluators (until every quality score is moderated). */
  price: { total: number; currency: string } | null;
  /** This evaluator's scores of this response, draft or submitted. */
  scores: EvaluatorScore[];
}

export interface EvaluatorScore {
  responseId: string;
  criterionId: string;
  evaluatorId: string;
  evaluatorName: string;
  score: number | null;
  justification: string;
  /** null: a draft only its evaluator sees. */
  submittedAt: string | null;
  revision: number;
}

/** Body of `PUT /panels/:panelId/scores/:responseId/:criterionId` (If-Match: the score's revision, 0 for a new one). */
export interface SaveScoreRequest {
  score: number;
  justification: string;
}

/** `GET /panels/:panelId/criteria/:criterionId/scores`: every submitted score of a criterion, once one's own are submitted. */
export interface CriterionScores {
  criterionId: string;
  criterionName: string;
  scores: EvaluatorScore[];
}

/** For the moderator: one response × criterion. */
export interface ModerationItem {
  responseId: string;
  label: string;
  criterionId: string;
  criterionName: string;
  scores: EvaluatorScore[];
  /** Highest minus lowest submitted score; null with fewer than two. */
  spread: number | null;
  /** The spread is at or above the lot's moderation threshold. */
  flagged: boolean;
  consensus: { score: number; note: string; moderatedBy: string; moderatedAt: string } | null;
}

/** How far an evaluator's scores sit from the panel's, on average over what they scored. */
export interface EvaluatorOffset {
  evaluatorId: string;
  evaluatorName: string;
  /** Mean of (their score − the mean of the others' scores of the same item), in scale points. */
  meanOffset: number;
  items: number;
  /** |meanOffset| is at least half the moderation spread threshold: consistently out of line. */
  outOfLine: boolean;
}

export interface CriterionAgreement {
  criterionId: string;
  criterionName: string;
  /** Krippendorff's alpha for ordinal data: 1 perfect agreement, 0 no better than chance; null when it cannot be computed. */
  alpha: number | null;
  /** How to read it, in a sentence. */
  reading: string;
}

export interface ModerationView {
  panelId: string;
  spreadThreshold: number;
  scale: ScoringScale;
  descriptors: ScaleDescriptor[];
  items: ModerationItem[];
  offsets: EvaluatorOffset[];
  agreement: CriterionAgreement[];
}

/** Body of `PUT /panels/:panelId/moderation/:responseId/:criterionId`. */
export interface ModerateScoreRequest {
  score: number;
  note: string;
}

/** A price as evaluated, with its score and any flag. */
export interface PriceResult {
  responseId: string;
  label: string;
  supplierName: string;
  /** The price compared: the total, or the whole-life cost. */
  evaluatedPrice: number;
  /** Points out of the price criterion's effective weight; null under price per quality point. */
  score: number | null;
  abnormallyLow: { reason: string; investigation: PriceInvestigation | null } | null;
}

export interface PriceInvestigation {
  outcome: 'accepted' | 'rejected';
  note: string;
  recordedBy: string;
  recordedAt: string;
}

/** Body of `POST /panels/:panelId/prices/:responseId/investigation`: what the investigation found. Rejected disqualifies. */
export interface RecordPriceInvestigationRequest {
  outcome: 'accepted' | 'rejected';
  note: string;
}

export interface ResponseTotal {
  responseId: string;
  supplierName: string;
  /** 1 = leading; null when disqualified. */
  rank: number | null;
  total: number;
  qualityTotal: number;
  priceScore: number | null;
  /** Under price per quality point: price ÷ quality total (lowest wins). */
  pricePerQualityPoint: number | null;
  /** Points per criterion (moderated score ÷ scale max × effective weight), keyed by criterion id, leaves and parents. */
  subtotals: Record<string, number>;
  disqualified: string | null;
  /** How a tie with this response was broken, in words; null without a tie. */
  tieBreak: string | null;
  /** Within the near-tie margin of the response ranked next to it. */
  nearTie: boolean;
}

export interface SensitivityResult {
  /**
   * The smallest change to one criterion's effective weight (others rescaled to keep 100) that changes the winner;
   * `newLeader` is the supplier's name.
   */
  smallestChange: { criterionId: string; criterionName: string; from: number; to: number; newLeader: string } | null;
  draws: number;
  /** ± percentage points each weight was moved by at most, before renormalising. */
  perturbation: number;
  /** Share of draws (0–1) each response wins, keyed by response id. */
  winShare: Record<string, number>;
  /** Points each response loses to the leader on each top-level criterion, keyed by response id then criterion id. */
  pointsLost: Record<string, Record<string, number>>;
}

export interface EvaluationResults {
  panelId: string;
  /** false until every response × criterion is moderated: the figures so far are provisional. */
  complete: boolean;
  priceMethod: PriceMethod;
  tieBreakRule: TieBreakRule;
  criteria: { id: string; parentId: string | null; name: string; type: CriterionType; effectiveWeight: number }[];
  totals: ResponseTotal[];
  prices: PriceResult[];
  sensitivity: SensitivityResult | null;
  /** The scoring library's version: the same inputs give the same totals with it. */
  scoringVersion: string;
}

/** Body of `POST /panels/:panelId/award`. */
export interface AwardDecisionRequest {
  responseId: string;
  reasons: string;
}

export interface AwardDecision {
  panelId: string;
  responseId: string;
  supplierName: string;
  reasons: string;
  decidedBy: string;
  decidedAt: string;
  /** When the contract award notice was published (the standstill starts); null until then. */
  noticePublishedAt: string | null;
  jurisdiction: Jurisdiction;
  /** The last working day of the standstill (Europe/London date) and the instant it ends. */
  standstillLastDay: string | null;
  standstillEndsAt: string | null;
  contractEnteredAt: string | null;
}

/** Body of `POST /panels/:panelId/award/notice`. */
export interface PublishAwardNoticeRequest {
  /** Defaults to now (the server's clock). */
  publishedAt?: string;
}

/** Body of `POST /panels/:panelId/award/contract`: refused before the standstill ends. */
export interface EnterContractRequest {
  enteredAt?: string;
}

/** One criterion in an assessment summary (Procurement Regulations 2024 reg 31). */
export interface AssessmentCriterion {
  criterionId: string;
  name: string;
  /** Relative importance: the effective weight, in percent. */
  weight: number;
  scoringScheme: string;
  score: number | null;
  points: number;
  /** Explains the score by reference to the response; drafted from the moderation note. */
  explanation: string;
}

export interface AssessmentSummary {
  panelId: string;
  responseId: string;
  supplierName: string;
  successful: boolean;
  criteria: AssessmentCriterion[];
  total: number;
  rank: number | null;
  /** For an unsuccessful supplier: why they did not win (including disqualification). */
  whyNotSuccessful: string | null;
  winnerName: string;
  status: 'draft' | 'issued';
  issuedAt: string | null;
  /** SHA-256 of the issued PDF. */
  sha256: string | null;
  revision: number;
}

/** Body of `PUT /panels/:panelId/summaries/:responseId` (If-Match): what the buyer edits. */
export interface EditAssessmentSummaryRequest {
  explanations: { criterionId: string; explanation: string }[];
  whyNotSuccessful: string | null;
}

/** Everything the evaluation report PDF holds, for the file: built from the records above, nothing new. */
export interface EvaluationReport {
  tender: { id: string; reference: string; title: string; buyerName: string };
  lot: { id: string; number: number; title: string };
  generatedAt: string;
  scale: ScoringScale;
  descriptors: ScaleDescriptor[];
  panel: EvaluationPanel;
  /** Every individual score with its justification and each consensus with its note. */
  moderation: ModerationView;
  results: EvaluationResults;
  award: AwardDecision | null;
}

/** `GET /tenders/:tenderId/evaluation`: the buying team's overview of a tender's evaluation, lot by lot. */
export interface TenderEvaluation {
  tenderId: string;
  tenderReference: string;
  tenderTitle: string;
  /** Whether the responses are opened: nothing can be formed before. */
  opened: boolean;
  lots: { lotId: string; lotNumber: number; lotTitle: string; responses: number; panel: EvaluationPanel | null }[];
  /** Members of the buyer's organisation who may sit on a panel (evaluators score; anyone here may moderate). */
  members: { userId: string; name: string; role: 'admin' | 'buyer' | 'evaluator' }[];
}

/** `GET /panels/:panelId/award`: the decision (once recorded) and the assessment summaries (drafted once it is). */
export interface AwardState {
  decision: AwardDecision | null;
  summaries: AssessmentSummary[];
  /** Why the award notice cannot be published yet (e.g. summaries not all issued); null when it can. */
  noticeBlockedBy: string | null;
}

/** The HTTP routes of evaluation and award, under /api/v1 (both apps use these). */
export const EVALUATION_ROUTES = {
  tenderEvaluation: (tenderId: string) => `/tenders/${tenderId}/evaluation`,
  formPanel: (tenderId: string, lotId: string) => `/tenders/${tenderId}/lots/${lotId}/panel`,
  panel: (panelId: string) => `/panels/${panelId}`,
  conflictHandling: (panelId: string, declarationId: string) => `/panels/${panelId}/declarations/${declarationId}/handling`,
  gate: (panelId: string, responseId: string) => `/panels/${panelId}/gates/${responseId}`,
  tasks: () => `/evaluations`,
  workspace: (panelId: string) => `/panels/${panelId}/workspace`,
  declarations: (panelId: string) => `/panels/${panelId}/declarations`,
  response: (panelId: string, responseId: string) => `/panels/${panelId}/responses/${responseId}`,
  score: (panelId: string, responseId: string, criterionId: string) => `/panels/${panelId}/scores/${responseId}/${criterionId}`,
  submitCriterion: (panelId: string, criterionId: string) => `/panels/${panelId}/criteria/${criterionId}/submit`,
  criterionScores: (panelId: string, criterionId: string) => `/panels/${panelId}/criteria/${criterionId}/scores`,
  moderation: (panelId: string) => `/panels/${panelId}/moderation`,
  moderate: (panelId: string, responseId: string, criterionId: string) => `/panels/${panelId}/moderation/${responseId}/${criterionId}`,
  prices: (panelId: string) => `/panels/${panelId}/prices`,
  priceInvestigation: (panelId: string, responseId: string) => `/panels/${panelId}/prices/${responseId}/investigation`,
  results: (panelId: string) => `/panels/${panelId}/results`,
  award: (panelId: string) => `/panels/${panelId}/award`,
  awardNotice: (panelId: string) => `/panels/${panelId}/award/notice`,
  enterContract: (panelId: string) => `/panels/${panelId}/award/contract`,
  summary: (panelId: string, responseId: string) => `/panels/${panelId}/summaries/${responseId}`,
  issueSummary: (panelId: string, responseId: string) => `/panels/${panelId}/summaries/${responseId}/issue`,
  summaryPdf: (panelId: string, responseId: string) => `/panels/${panelId}/summaries/${responseId}/pdf`,
  report: (panelId: string) => `/panels/${panelId}/report.pdf`,
  /** The supplier's own issued assessment summary. */
  supplierSummaryPdf: (responseId: string) => `/responses/${responseId}/assessment-summary.pdf`,
} as const;

/**
 * Lengths (characters, trimmed) the evaluation and award routes hold recorded texts to; the pages check the same
 * figures before sending, so a buyer or evaluator is told before the server refuses.
 */
export const EVALUATION_TEXT_LIMITS = {
  /** Conflict details (when there is a conflict), how a conflict was handled, a gate's reason, a consensus note, an investigation note. */
  recordedReasonMin: 10,
  /** The award decision's reasons. */
  awardReasonsMin: 20,
  /** Reasons for choosing a response other than the leader: saying why. */
  departureReasonsMin: 100,
} as const;
