/**
 * The rest of a noun phrase after a brand or product name, so a one-click fix keeps the phrase whole:
 * "Apple iPads" becomes "Apple iPads or equivalent", never "Apple or equivalent iPads".
 */

/** Words that end a noun phrase: determiners, prepositions, conjunctions, modals, auxiliaries, relatives. */
const STOP_WORDS = new Set(
  (
    'a an the this that these those all each every any some no our their its my your ' +
    'for to with from in on at by as of into onto within across via under over per through throughout during ' +
    'and or but nor so than then plus also only not ' +
    'must shall will should would could can may might need needs is are was were be been being has have had do does ' +
    'which who whom whose where when while if unless because including such e.g eg i.e ie etc'
  ).split(' '),
);

/** "-ing" words that are nouns of goods, so "Altro Suprema safety flooring" stays one phrase. */
const ING_NOUNS = new Set(
  'flooring clothing decking fencing roofing shelving lighting seating housing tubing packaging bedding cladding paving piping wiring cabling railing signage building'.split(
    ' ',
  ),
);

const NEXT_WORD_RE = /^[ \t]+([A-Za-z][A-Za-z0-9-]*)/;
/** At most this many words are added: a product noun phrase is short ("hand dryers", "safety flooring"). */
const MAX_WORDS = 3;

/** The end of the noun phrase that continues at `end` (or `end` itself when the next word is not part of one). */
export function nounPhraseEnd(text: string, end: number): number {
  let out = end;
  for (let i = 0; i < MAX_WORDS; i++) {
    const m = NEXT_WORD_RE.exec(text.slice(out, out + 40));
    if (!m) break;
    const word = m[1].toLowerCase();
    if (STOP_WORDS.has(word)) break;
    // participles and adverbs start a new phrase ("Windows 11 installed on…", "Teams regularly")
    if (/(?:ed|ly)$/.test(word) || (word.endsWith('ing') && !ING_NOUNS.has(word))) break;
    out += m[0].length;
  }
  return out;
}
