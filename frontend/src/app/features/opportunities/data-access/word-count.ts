/** GOV.UK-style message under a box with a word limit: what is left, or how many too many. */
export function wordsLeftMessage(words: number, limit: number): string {
  const left = limit - words;
  if (left >= 0) return `You have ${left} ${left === 1 ? 'word' : 'words'} remaining`;
  const over = -left;
  return `You have ${over} ${over === 1 ? 'word' : 'words'} too many`;
}
