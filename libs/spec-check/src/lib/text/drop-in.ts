import type { Finding } from '../types';
import { nounPhraseEnd } from './noun-phrase';

/**
 * A finding's one-click fix: the text to put in place of [start, end), when its suggestion is a drop-in
 * ("…or write "Dell Latitude 7450 or equivalent"", "Adding "or equivalent" after "BS 7671" costs nothing",
 * "Use the generic term: "vacuum cleaner""). Derived from the suggestion so the prose and the fix cannot disagree.
 *
 * "or equivalent" goes after the whole noun phrase: when the name is followed by the rest of its phrase
 * ("Constructionline Gold membership", "BS 7671 wiring regulations"), the span and the suggestion are widened
 * to take it in, so the fix reads "Constructionline Gold membership or equivalent".
 * Sets `replacement` (and may widen `end` and requote `suggestion`); leaves the finding alone when the
 * suggestion needs the buyer's own words.
 */
export function attachDropIn(f: Finding, text: string): void {
  if (f.end <= f.start) return;
  // most suggestions are advice: skip them without running a regex
  const sg = f.suggestion;
  if (sg.indexOf('rite "') < 0 && sg.indexOf('Adding "') < 0 && sg.indexOf('generic term') < 0) return;
  const span = text.slice(f.start, f.end);
  const write = /\bwrite "([^"]+)"/gi;
  let m: RegExpExecArray | null;
  while ((m = write.exec(f.suggestion)) !== null) {
    const quoted = m[1];
    if (quoted.includes('…') || quoted.includes('...')) continue;
    if (quoted.length > span.length && quoted.startsWith(span) && /^\s+or\s/.test(quoted.slice(span.length))) {
      widen(f, text, quoted, quoted.slice(span.length));
      return;
    }
  }
  const after = /Adding "([^"]+)" after "([^"]+)"/.exec(f.suggestion);
  if (after && after[2] === span) {
    const end = nounPhraseEnd(text, f.end);
    f.suggestion = f.suggestion.replace(`after "${span}"`, `after "${text.slice(f.start, end)}"`);
    f.end = end;
    f.replacement = `${text.slice(f.start, end)} ${after[1]}`;
    return;
  }
  if (f.rule === 'brand.genericised-trade-mark') {
    const generic = /generic term: "([^"]+)"/.exec(f.suggestion);
    // "Biro pens" would become "ballpoint pen pens", "Tarmac Ultipave" a generic word before a product name:
    // only a mark standing alone as its noun phrase is a drop-in
    if (generic && nounPhraseEnd(text, f.end) === f.end) f.replacement = matchCase(generic[1], text, f.start);
  }
}

/** Take the rest of the noun phrase into the span, and the fix, before the "or …" tail. */
function widen(f: Finding, text: string, quoted: string, tail: string): void {
  const end = nounPhraseEnd(text, f.end);
  if (end === f.end) {
    f.replacement = quoted;
    return;
  }
  const replacement = text.slice(f.start, end) + tail;
  f.suggestion = f.suggestion.replace(`"${quoted}"`, `"${replacement}"`);
  f.end = end;
  f.replacement = replacement;
}

/** Capitalise the replacement when it starts a sentence, as the word it replaces did. */
function matchCase(replacement: string, text: string, start: number): string {
  const first = text.charAt(start);
  const sentenceStart = /(?:^|[.!?:]\s+|\n\s*)$/.test(text.slice(0, start));
  if (sentenceStart && first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}
