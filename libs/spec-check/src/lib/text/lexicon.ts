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

const TOKEN_RE = /[A-Za-z0-9\u00C0-\u024F](?:[A-Za-z0-9\u00C0-\u024F&'’+#./-]*[A-Za-z0-9\u00C0-\u024F+#])?/g;

/** Split a phrase (or text) into tokens: [start, end] pairs. */
export function tokenBounds(text: string, out: number[]): number[] {
  out.length = 0;
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    let end = m.index + m[0].length;
    // strip possessive 's
    const c2 = text.charCodeAt(end - 2);
    if (end - m.index > 2 && (c2 === 39 || c2 === 8217) && text.charCodeAt(end - 1) === 115) end -= 2;
    out.push(m.index, end);
  }
  return out;
}

export class Lexicon<T> {
  private readonly index = new Map<string, LexEntry<T>[]>();
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
    if (!list) this.index.set(key, (list = []));
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
    for (let i = 0; i < n; i += 2) {
      const s = b[i];
      const e = b[i + 1];
      const key = lower.slice(s, e);
      const list = this.index.get(key);
      let matched = 0;
      if (list) matched = this.tryList(doc, list, b, i, hit);
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
    i: number,
    hit: (entry: LexEntry<T>, start: number, end: number) => void,
  ): number {
    const text = doc.text;
    const lower = doc.lower;
    outer: for (const entry of list) {
      const len = entry.tokens.length;
      if (i + len * 2 > b.length) continue;
      for (let t = 1; t < len; t++) {
        const ts = b[i + t * 2];
        const te = b[i + t * 2 + 1];
        if (te - ts !== entry.tokens[t].length || lower.slice(ts, te) !== entry.tokens[t]) continue outer;
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
