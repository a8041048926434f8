import { countWords } from '@openbrief/contracts';

/**
 * Words are runs of characters between whitespace, counted by the server's own function (from the contracts):
 * the two must agree, or a supplier told "within the limit" here could be marked over it on submission.
 */
const WORD = /\S+/g;

export { countWords };

export interface WordLimitSplit {
  wordCount: number;
  /** Words past the limit (0 when within it or when there is no limit). */
  wordsOver: number;
  /** The text from the first word past the limit: kept and shown, but not considered by evaluators. */
  notConsidered: string;
}

/** Where a criterion's word limit falls in an answer. */
export function splitAtWordLimit(text: string, limit: number | null): WordLimitSplit {
  const wordCount = countWords(text);
  if (limit == null || wordCount <= limit) return { wordCount, wordsOver: 0, notConsidered: '' };
  WORD.lastIndex = 0;
  let match: RegExpExecArray | null = null;
  for (let n = 0; n <= limit; n++) match = WORD.exec(text);
  WORD.lastIndex = 0;
  return { wordCount, wordsOver: wordCount - limit, notConsidered: match ? text.slice(match.index) : '' };
}

/** The counter under an answer, in plain words. The tender pack says evaluators stop reading at the limit. */
export function wordCountMessage(wordCount: number, limit: number | null): string {
  const words = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'word' : 'words'}`;
  if (limit == null) return `${words(wordCount)} (no word limit)`;
  if (wordCount <= limit) return `${words(wordCount)} of ${limit.toLocaleString('en-GB')}: ${words(limit - wordCount)} left`;
  return `${words(wordCount - limit)} over the limit of ${limit.toLocaleString('en-GB')}: evaluators stop reading at the limit, so the words past it will not be considered`;
}
