/**
 * An answer split at its word limit, counting words as the response form does (runs of non-space characters):
 * the words an evaluator considers, and the rest, shown but not considered. Spacing is kept as the supplier wrote it.
 */
export function splitAtWordLimit(text: string, limit: number | null): { considered: string; notConsidered: string } {
  if (limit === null) return { considered: text, notConsidered: '' };
  const words = /\S+/gu;
  let n = 0;
  for (let m = words.exec(text); m; m = words.exec(text)) {
    if (++n > limit) return { considered: text.slice(0, m.index).trimEnd(), notConsidered: text.slice(m.index) };
  }
  return { considered: text, notConsidered: '' };
}
