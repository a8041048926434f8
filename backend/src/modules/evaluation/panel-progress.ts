import { PanelStage } from '@openbrief/contracts';
import { disqualification, gateResults } from './panel-gates';
import { conflicted, hasDeclared, members, type PanelState } from './panel-state';

export interface ScoreItem {
  evaluatorId: string;
  responseId: string;
  criterionId: string;
}

/** Responses still in the running: those failing a gate are left out of scoring and moderation. */
export function qualifyingBidders(state: PanelState) {
  const gates = gateResults(state);
  return state.bidders.filter((b) => !disqualification(state, b.responseId, gates));
}

/** Every score the panel owes: each evaluator × assigned criterion × qualifying response they have no conflict with. */
export function owedScores(state: PanelState): ScoreItem[] {
  const bidders = qualifyingBidders(state);
  return state.row.evaluators.flatMap((e) =>
    e.criterionIds.flatMap((criterionId) =>
      bidders
        .filter((b) => !conflicted(state, e.userId, b.responseId))
        .map((b) => ({ evaluatorId: e.userId, responseId: b.responseId, criterionId })),
    ),
  );
}

export function submittedScore(state: PanelState, item: ScoreItem) {
  return state.scores.find(
    (s) => s.submittedAt && s.evaluatorId === item.evaluatorId && s.responseId === item.responseId && s.criterionId === item.criterionId,
  );
}

/** Every qualifying response × scored criterion: what the moderator agrees a consensus on. */
export function moderationItems(state: PanelState): { responseId: string; criterionId: string }[] {
  return qualifyingBidders(state).flatMap((b) => state.scored.map((c) => ({ responseId: b.responseId, criterionId: c.id })));
}

export function consensusOf(state: PanelState, responseId: string, criterionId: string) {
  return state.consensus.find((c) => c.responseId === responseId && c.criterionId === criterionId);
}

/** Every assigned evaluator of the item without a conflict has submitted their score of it. */
export function readyToModerate(state: PanelState, responseId: string, criterionId: string): boolean {
  return owedScores(state)
    .filter((i) => i.responseId === responseId && i.criterionId === criterionId)
    .every((i) => submittedScore(state, i));
}

export function progress(state: PanelState) {
  const owed = owedScores(state);
  const items = moderationItems(state);
  return {
    submitted: owed.filter((i) => submittedScore(state, i)).length,
    assigned: owed.length,
    moderated: items.filter((i) => consensusOf(state, i.responseId, i.criterionId)).length,
    toModerate: items.length,
  };
}

/** Derived from what is recorded; the award module reports `awarded` itself once it has a decision. */
export function stageOf(state: PanelState): PanelStage {
  if (!members(state).every((m) => hasDeclared(state, m))) return PanelStage.Declaring;
  const p = progress(state);
  if (p.submitted < p.assigned) return PanelStage.Scoring;
  return p.moderated < p.toModerate ? PanelStage.Moderation : PanelStage.Moderated;
}
