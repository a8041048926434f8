import { JARGON, WELL_KNOWN_ACRONYMS } from '../data/plain-english';
import { add, covered, type Doc, sentences } from '../text/doc';

/** The rest of a name (a few words, no punctuation) followed by "or equivalent". */
const NAMED_OR_EQUIVALENT_RE = /^(?:[ -][\w-]+){0,4}\s+or\s+equivalent\b/;

export const LONG_SENTENCE_WORDS = 30;

/**
 * A word is what /[A-Za-z0-9\u00C0-\u024F][\w'’\u00C0-\u024F-]*\/g matches, read character by character (a regex
 * match per word was the largest single cost of a check: every sentence is counted, and the tender read whole).
 */
function startsWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f);
}
function continuesWord(c: number): boolean {
  return startsWord(c) || c === 95 /* _ */ || c === 39 /* ' */ || c === 8217 /* ’ */ || c === 45; /* - */
}
/** The end of the word starting at `start`. */
function wordEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && continuesWord(text.charCodeAt(i))) i++;
  return i;
}
const PASSIVE_RE =
  /\b(?:must|shall|should|will|is\s+to|are\s+to|needs?\s+to|has\s+to|have\s+to)\s+(?:not\s+)?(?:also\s+|always\s+|only\s+)?be\s+(?:\w+ly\s+)?(?!(?:based|located|situated|qualified|experienced|skilled|registered|accredited|certified|licensed|insured|prepared|committed|interested|concerned|involved|engaged|aligned|satisfied|willing|equipped|dressed|employed|vetted|trained|required|expected|allowed|permitted|able|open|closed|used\s+to|entitled|authorised|subject|compliant|responsible|liable|available|accessible|suitable|capable|familiar)\b)(\w+(?:ed|en|wn|lt|pt|ught|ade|id|ld|rn|ung|ept|one)\b)/gi;
const BY_AGENT_RE =
  /^[^.;]{0,80}?\bby\s+(?:the|a|an|our|your|its|their|each|every|all|suppliers?|bidders?|providers?|contractors?|staff|us|you|them|[A-Z])/;
const ACRONYM_RE = /(?<![\w.&/-])([A-Z][A-Z0-9&]{1,6})(?:s|'s|’s)?(?![\w&/-]|\.[A-Za-z])/g;
const JARGON_RE = new RegExp(`\\b(?:${JARGON.map(([j]) => `(${j})`).join('|')})\\b`, 'gi');

/** The words that start in [from, to). */
export function countWords(text: string, from = 0, to = text.length): number {
  let n = 0;
  const end = Math.min(to, text.length);
  for (let i = Math.max(0, from); i < end;) {
    if (startsWord(text.charCodeAt(i))) {
      n++;
      i = wordEnd(text, i);
    } else i++;
  }
  return n;
}

export function checkReadability(doc: Doc): void {
  const text = doc.text;
  const sb = sentences(doc);
  for (let i = 0; i < sb.length; i += 2) {
    const n = countWords(text, sb[i], sb[i + 1]);
    if (n > LONG_SENTENCE_WORDS) {
      add(
        doc,
        'readability.long-sentence',
        sb[i],
        sb[i + 1],
        `This sentence has ${n} words. Sentences over ${LONG_SENTENCE_WORDS} words are hard to follow, especially for small suppliers without bid teams.`,
        'Split it into two or three sentences, one requirement each, aiming for 15 to 20 words.',
      );
    }
  }

  let m: RegExpExecArray | null;
  PASSIVE_RE.lastIndex = 0;
  while ((m = PASSIVE_RE.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (BY_AGENT_RE.test(text.slice(e, e + 90))) continue;
    add(
      doc,
      'readability.passive-no-actor',
      s,
      e,
      `"${m[0]}" does not say who must do this.`,
      `Name who is responsible: start with "The supplier must…" or "We will…" rather than "${m[0]}".`,
    );
  }

  ACRONYM_RE.lastIndex = 0;
  const known = doc.ctx.knownAcronyms;
  while ((m = ACRONYM_RE.exec(text)) !== null) {
    const a = m[1];
    if (!/[A-Z].*[A-Z]/.test(a)) continue;
    if (WELL_KNOWN_ACRONYMS.has(a) || (known && known.has(a))) continue;
    if (/^\d/.test(a) || /^[A-Z]\d+$/.test(a)) continue;
    const s = m.index;
    const e = s + a.length;
    if (covered(doc, s, e)) continue;
    if (isExpanded(text, a, s, e)) continue;
    // part of a product, scheme or qualification name opened to equivalents ("BD Alaris or equivalent"):
    // a name, not jargon to write out, and a brand fix must not trade one finding for another
    if (NAMED_OR_EQUIVALENT_RE.test(text.slice(e, e + 50))) continue;
    // a whole sentence in capitals is emphasis, not an acronym
    if (/[A-Z]{3,}\s+[A-Z]{3,}\s+[A-Z]{3,}/.test(text.slice(Math.max(0, s - 20), e + 20))) continue;
    add(doc, 'readability.acronym', s, e, `"${a}" is not explained.`, `Write it out in full the first time, followed by "(${a})".`);
  }

  JARGON_RE.lastIndex = 0;
  while ((m = JARGON_RE.exec(text)) !== null) {
    let k = 1;
    while (k < m.length && m[k] === undefined) k++;
    const plain = JARGON[k - 1]?.[1];
    if (!plain) continue;
    add(
      doc,
      'readability.jargon',
      m.index,
      m.index + m[0].length,
      `"${m[0]}" is jargon or officialese.`,
      plain === '(remove)' ? `Remove "${m[0]}".` : `Use "${plain}" instead.`,
    );
  }
}

/** "Single Point of Contact (SPOC)" or "SPOC (single point of contact)" or initials spelled out before. */
function isExpanded(text: string, a: string, s: number, e: number): boolean {
  if (text.charCodeAt(s - 1) === 40 /* ( */) return true;
  if (/^\s*\([a-z]/i.test(text.slice(e, e + 4))) return true;
  if (text.indexOf(`(${a})`) >= 0) return true;
  // initials of the preceding words
  const before = text
    .slice(Math.max(0, s - 80), s)
    .split(/[\s-]+/)
    .filter((w) => w && !/^(?:of|and|the|for|&|in|on|to)$/i.test(w));
  const letters = a.replace(/[^A-Z]/g, '');
  if (before.length >= letters.length) {
    const initials = before
      .slice(-letters.length)
      .map((w) => w[0].toUpperCase())
      .join('');
    if (initials === letters) return true;
  }
  return false;
}

// ── reading age ─────────────────────────────────────────────────────────
function isVowel(c: number): boolean {
  // a e i o u y (lower case)
  return c === 97 || c === 101 || c === 105 || c === 111 || c === 117 || c === 121;
}

/** Vowel-group syllable estimate, without allocating. */
function syllables(text: string, from: number, to: number): number {
  let n = 0;
  let prevVowel = false;
  let letters = 0;
  let last = -1;
  let beforeLast = -1;
  for (let i = from; i < to; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    if (c < 97 || c > 122) continue;
    letters++;
    const v = isVowel(c) && !(c === 121 && letters === 1);
    if (v && !prevVowel) n++;
    prevVowel = v;
    beforeLast = last;
    last = c;
  }
  if (letters <= 3) return 1;
  // silent final "e" (but not "-le": "table")
  if (last === 101 && beforeLast !== 108 && n > 1) n--;
  return n < 1 ? 1 : n;
}

/**
 * Estimated reading age (years) using the Flesch–Kincaid grade level plus 5.
 * Returns null for text with no words.
 */
export function readingAge(text: string): number | null {
  let words = 0;
  let syl = 0;
  for (let i = 0; i < text.length;) {
    if (startsWord(text.charCodeAt(i))) {
      const end = wordEnd(text, i);
      words++;
      syl += syllables(text, i, end);
      i = end;
    } else i++;
  }
  if (words === 0) return null;
  const sentenceCount = Math.max(1, (text.match(/[.!?](?:\s|$)|\n+/g) ?? []).length);
  const grade = 0.39 * (words / sentenceCount) + 11.8 * (syl / words) - 15.59;
  const age = grade + 5;
  return Math.round(Math.min(25, Math.max(5, age)) * 10) / 10;
}
