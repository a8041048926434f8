import { PanelStage } from '@openbrief/contracts';
import { owedScores, readyToModerate, moderationItems, consensusOf, stageOf, submittedScore } from './panel-progress';
import { hasDeclared, type PanelState } from './panel-state';

/** The next thing for a panel member to do, in plain English. */
export function nextStep(state: PanelState, userId: string): string {
  if (!hasDeclared(state, userId)) return 'Declare any conflict of interest with the bidders.';
  const stage = stageOf(state);
  if (state.row.evaluators.some((e) => e.userId === userId)) {
    const mine = owedScores(state).filter((i) => i.evaluatorId === userId);
    if (mine.some((i) => !submittedScore(state, i))) return 'Score the responses on your criteria and submit your scores.';
    return stage === PanelStage.Moderated
      ? 'Nothing more to do: moderation is complete.'
      : 'Your scores are submitted: the moderator is agreeing consensus scores.';
  }
  if (stage === PanelStage.Moderated) return 'Nothing more to do: moderation is complete.';
  const ready = moderationItems(state).filter(
    (i) => !consensusOf(state, i.responseId, i.criterionId) && readyToModerate(state, i.responseId, i.criterionId),
  );
  return ready.length ? `Record consensus scores: ${ready.length} ready to moderate.` : 'Wait for the evaluators to submit their scores.';
}
