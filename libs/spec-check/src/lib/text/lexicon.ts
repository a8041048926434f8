import { type Doc, isSentenceInitial, previousWordCapitalised } from './doc';

/**
 * A token-based phrase dictionary: phrases are indexed by their first lower-cased token, so a scan costs
 * one pass over the words of the text plus a Map lookup per word, however many phrases there are.
 *
 * Phrase syntax (used by the data files):
 *   "Dell Latitude"   matched case-insensitively, as whole words
 *   "^Teams"          case-sensitive: must be written exactly like this, and (for one-word phrases) not as the
 *                     first word of a sentence nor inside a run of Capitalised Words ("Community Mental Health Teams")
 */
export interface LexEntry<T> {
  readonly tokens: readonly string[];
  readonly display: string;
  readonly caseSensitive: boolean;
  readonly data: T;
}

/** [A-Za-z0-9\u00C0-\u024F]: a token starts and (with + and #) ends with one of these. */
function isAlnum(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f);
}
/** Inside a token, also & ' ’ + # . / - */
function isInner(c: number): boolean {
  return isAlnum(c) || c === 38 || c === 39 || c === 8217 || c === 43 || c === 35 || c === 46 || c === 47 || c === 45;
}

/**
 * Split a phrase (or text) into tokens: [start, end] pairs. A token is what
 * /[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F&'’+#./-]*[A-Za-z0-9\u00C0-\u024F+#])?/g matches, read character
 * by character (every rule that scans a dictionary asks for these, once per check).
 */
export function tokenBounds(text: string, out: number[]): number[] {
  out.length = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    if (!isAlnum(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    // the longest run of inner characters, given back to its last alnum, + or #
    let end = i + 1;
    for (let j = i + 1; j < n; j++) {
      const c = text.charCodeAt(j);
      if (!isInner(c)) break;
      if (isAlnum(c) || c === 43 || c === 35) end = j + 1;
    }
    i = end;
    // strip possessive 's
    const c2 = text.charCodeAt(end - 2);
    if (end - start > 2 && (c2 === 39 || c2 === 8217) && text.charCodeAt(end - 1) === 115) end -= 2;
    out.push(start, end);
  }
  return out;
}

/**
 * Every dictionary's phrases by first token: token → one list per dictionary (by its id). A check looks each token
 * up here once, and every dictionary's scan reads its own list from that, instead of one lookup per dictionary.
 */
const BY_FIRST_TOKEN = new Map<string, unknown[]>();
let dictionaries = 0;

export class Lexicon<T> {
  private readonly index = new Map<string, LexEntry<T>[]>();
  private readonly id = dictionaries++;
  private maxTokens = 1;
  size = 0;

  add(phrase: string, data: T): void {
    const caseSensitive = phrase.startsWith('^');
    const display = caseSensitive ? phrase.slice(1) : phrase;
    const b = tokenBounds(display, []);
    if (b.length === 0) return;
    const tokens: string[] = [];
    for (let i = 0; i < b.length; i += 2) tokens.push(display.slice(b[i], b[i + 1]).toLowerCase());
    const key = tokens[0];
    let list = this.index.get(key);
    if (!list) {
      this.index.set(key, (list = []));
      let lists = BY_FIRST_TOKEN.get(key);
      if (!lists) BY_FIRST_TOKEN.set(key, (lists = []));
      lists[this.id] = list;
    }
    list.push({ tokens, display, caseSensitive, data });
    list.sort((a, z) => z.tokens.length - a.tokens.length);
    if (tokens.length > this.maxTokens) this.maxTokens = tokens.length;
    this.size++;
  }

  addAll(phrases: readonly string[], data: T): void {
    for (const p of phrases) this.add(p, data);
  }

  /**
   * Find non-overlapping longest matches in the text, calling `hit` for each.
   * Hyphenated or slashed tokens ("Dell-branded", "iOS/Android") are also tried part by part.
   */
  scan(doc: Doc, hit: (entry: LexEntry<T>, start: number, end: number) => void): void {
    const text = doc.text;
    const lower = doc.lower;
    const b = doc.tokens ?? (doc.tokens = tokenBounds(text, []));
    const n = b.length;
    let keys = doc.tokenKeys;
    if (!keys) {
      keys = doc.tokenKeys = new Array<string>(n >> 1);
      for (let i = 0; i < n; i += 2) keys[i >> 1] = lower.slice(b[i], b[i + 1]);
    }
    let lists = doc.tokenLists;
    if (!lists) {
      lists = doc.tokenLists = new Array<readonly unknown[] | undefined>(keys.length);
      for (let j = 0; j < keys.length; j++) lists[j] = BY_FIRST_TOKEN.get(keys[j]);
    }
    for (let i = 0; i < n; i += 2) {
      const s = b[i];
      const e = b[i + 1];
      const key = keys[i >> 1];
      const list = lists[i >> 1]?.[this.id] as LexEntry<T>[] | undefined;
      let matched = 0;
      if (list) matched = this.tryList(doc, list, b, keys, i, hit);
      if (matched > 0) {
        i += (matched - 1) * 2;
        continue;
      }
      // parts of compound tokens
      if (key.indexOf('-') > 0 || key.indexOf('/') > 0) {
        let ps = s;
        for (let k = s; k <= e; k++) {
          const c = k < e ? text.charCodeAt(k) : 45;
          if (c === 45 || c === 47) {
            if (k > ps) {
              const part = lower.slice(ps, k);
              const pl = this.index.get(part);
              if (pl) {
                for (const entry of pl) {
                  if (entry.tokens.length !== 1) continue;
                  if (entry.caseSensitive && text.slice(ps, k) !== entry.display) continue;
                  hit(entry, ps, k);
                  break;
                }
              }
            }
            ps = k + 1;
          }
        }
      }
    }
  }

  private tryList(
    doc: Doc,
    list: LexEntry<T>[],
    b: number[],
    keys: readonly string[],
    i: number,
    hit: (entry: LexEntry<T>, start: number, end: number) => void,
  ): number {
    const text = doc.text;
    outer: for (const entry of list) {
      const len = entry.tokens.length;
      if (i + len * 2 > b.length) continue;
      for (let t = 1; t < len; t++) {
        const ts = b[i + t * 2];
        const te = b[i + t * 2 + 1];
        if (te - ts !== entry.tokens[t].length || keys[(i >> 1) + t] !== entry.tokens[t]) continue outer;
        // tokens of a phrase must be separated by spaces, hyphens or "&" only
        const gap = text.slice(b[i + t * 2 - 1], ts);
        if (!/^(?:\.?\s{1,2}|\s?[&-]\s?|\s+and\s+)$/.test(gap)) continue outer;
      }
      const start = b[i];
      const end = b[i + len * 2 - 1];
      if (entry.caseSensitive) {
        if (text.slice(start, end) !== entry.display) continue;
        if (len === 1 && (isSentenceInitial(doc, start) || previousWordCapitalised(doc, start))) continue;
      }
      hit(entry, start, end);
      return len;
    }
    return 0;
  }
}
