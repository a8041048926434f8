import {
  type Criterion,
  CriterionType,
  DEFAULT_EVALUATION_RULES,
  type EvaluationRules,
  type Lot,
  type PublishedLot,
  ScoringScale,
} from '@openbrief/contracts';
import { createHash } from 'node:crypto';
import type { OpenedSubmission } from '../responses/opening/opened-responses';
import type { TenderFacts } from '../responses/response-tenders';
import type { ConflictDeclarationRow, ConsensusScoreRow, EvaluationPanelRow, GateDecisionRow, IndividualScoreRow } from './entities';

/** A bidder on a panel: an opened, counted submission to the panel's lot, with its blind label. */
export interface Bidder {
  responseId: string;
  label: string;
  submission: OpenedSubmission;
}

/** Everything recorded about one panel, read in one transaction: what every view and rule below is computed from. */
export interface PanelState {
  row: EvaluationPanelRow;
  facts: TenderFacts;
  opened: boolean;
  lot: Lot;
  rules: EvaluationRules;
  scaleMax: number;
  /** The scored (non-price) leaf criteria, in the published order. */
  scored: Criterion[];
  bidders: Bidder[];
  declarations: ConflictDeclarationRow[];
  gateRows: GateDecisionRow[];
  scores: IndividualScoreRow[];
  consensus: ConsensusScoreRow[];
  /** Names of everyone the panel mentions, by user id. */
  names: Map<string, string>;
}

export const SCALE_MAX: Record<ScoringScale, number> = {
  [ScoringScale.ZeroToFour]: 4,
  [ScoringScale.ZeroToTen]: 10,
  [ScoringScale.ZeroToHundred]: 100,
};

/** The lot as the responses were written against it (the latest published version), in the API's Lot shape. */
export function publishedLot(lot: PublishedLot): Lot {
  const model = lot.evaluationModel;
  return {
    id: lot.id,
    number: lot.number,
    title: lot.title,
    description: lot.description,
    estimatedValue: lot.estimatedValue,
    evaluationModel: {
      scale: model.scale,
      descriptors: model.descriptors,
      minimumQualityPercent: model.minimumQualityPercent,
      priceMethod: model.priceMethod,
      // Records published before the rules existed read with the defaults.
      rules: model.rules ?? DEFAULT_EVALUATION_RULES,
      criteria: model.criteria.map((c) => ({ ...c })),
    },
    requirements: lot.requirements.map((r) => ({ ...r, lotId: lot.id })),
  };
}

/** Leaves of the criteria tree other than price: what evaluators score. */
export function scoredCriteria(lot: Lot): Criterion[] {
  const criteria = lot.evaluationModel.criteria;
  const parents = new Set(criteria.map((c) => c.parentId).filter((id): id is string => id !== null));
  return criteria.filter((c) => !parents.has(c.id) && c.type !== CriterionType.Price).sort((a, b) => a.order - b.order);
}

/** "A", "B", … "Z", "AA", …: the n-th label (from 0). */
function letters(n: number): string {
  let s = '';
  for (let i = n + 1; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/**
 * Blind labels in an order that reveals neither the submission order nor the name: by a hash of the panel and the
 * response ids, so the same panel always gives the same labels.
 */
export function labelBidders(panelId: string, submissions: OpenedSubmission[]): Bidder[] {
  const key = (s: OpenedSubmission) => createHash('sha256').update(`${panelId}:${s.responseId}`).digest('hex');
  return [...submissions]
    .sort((a, b) => key(a).localeCompare(key(b)))
    .map((submission, i) => ({ responseId: submission.responseId, label: `Response ${letters(i)}`, submission }));
}

export function bidder(state: PanelState, responseId: string): Bidder | undefined {
  return state.bidders.find((b) => b.responseId === responseId);
}

export const isModerator = (state: PanelState, userId: string) => state.row.moderatorId === userId;

export function assignedCriteria(state: PanelState, userId: string): string[] {
  return state.row.evaluators.find((e) => e.userId === userId)?.criterionIds ?? [];
}

export const members = (state: PanelState): string[] => [...new Set([...state.row.evaluators.map((e) => e.userId), state.row.moderatorId])];

/** Whether the member has declared (a conflict or none) for every bidder. */
export function hasDeclared(state: PanelState, userId: string): boolean {
  return state.bidders.every((b) => state.declarations.some((d) => d.memberId === userId && d.responseId === b.responseId));
}

export function conflicted(state: PanelState, userId: string, responseId: string): boolean {
  return state.declarations.some((d) => d.memberId === userId && d.responseId === responseId && d.conflict);
}
