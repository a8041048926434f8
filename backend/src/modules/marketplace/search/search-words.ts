/**
 * The one tokeniser both search engines see. Text is indexed and queried as lower-case runs of letters and
 * digits with accents taken off, joined by single spaces, so SQLite FTS5 (`unicode61`) and PostgreSQL's
 * `simple` configuration split it into the same words and the two databases find the same tenders.
 * Everything else — quotes, `*`, `-`, `:`, brackets, operators, emoji — is a gap between words, so no query
 * syntax ever reaches an engine.
 */

/** Longer runs are cut here, in the index and in queries alike (PostgreSQL refuses words over 2,047 bytes). */
const MAX_WORD = 60;
const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;

/** The words of a text, normalised: "Café-owners’ 24/7 ÉCOLE" → ["cafe", "owners", "24", "7", "ecole"]. */
export function searchWords(text: string): string[] {
  const folded = text.toLowerCase().normalize('NFKD').replace(MARKS, '');
  // Cut by code point, never inside a surrogate pair.
  return (folded.match(WORD) ?? []).map((w) => (w.length > MAX_WORD ? Array.from(w).slice(0, MAX_WORD).join('') : w));
}

/** A text as the index holds it. */
export function indexText(text: string): string {
  return searchWords(text).join(' ');
}
