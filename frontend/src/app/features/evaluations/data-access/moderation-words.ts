import { type EvaluatorOffset, type ModerationItem } from '@openbrief/contracts';

export const itemKey = (item: Pick<ModerationItem, 'responseId' | 'criterionId'>) => `${item.responseId}-${item.criterionId}`;

/** "Flagged: the scores are 3 points apart", or why not: the flag is in words as well as its icon. */
export function spreadText(item: ModerationItem, threshold: number): string {
  if (item.spread === null) return 'Spread: fewer than two scores, so none to compare.';
  const points = `${item.spread} ${item.spread === 1 ? 'point' : 'points'}`;
  return item.flagged
    ? `Flagged: the scores are ${points} apart (the threshold is ${threshold}). Discuss before agreeing a score.`
    : `Spread: ${points} (below the threshold of ${threshold}).`;
}

/** "+1.5 points above the others" in words, so the sign is never the only clue. */
export function offsetText(offset: EvaluatorOffset): string {
  const size = Math.abs(offset.meanOffset).toFixed(2);
  if (Math.abs(offset.meanOffset) < 0.005) return 'In line with the others on average';
  return offset.meanOffset > 0 ? `${size} points above the others on average` : `${size} points below the others on average`;
}

export function alphaText(alpha: number | null): string {
  return alpha === null ? 'Cannot be computed' : alpha.toFixed(2);
}

/** The items to show: every one, or only those flagged (the moderator's usual first pass). */
export function visibleItems(items: readonly ModerationItem[], flaggedOnly: boolean): ModerationItem[] {
  return flaggedOnly ? items.filter((i) => i.flagged) : [...items];
}
