import { RULES } from '../catalogue';
import type { CheckContext, Finding, FindingCategory, RuleId } from '../types';

/**
 * Per-check working state. One is made for each requirement; everything heavy (regexes, dictionaries)
 * is built once at module load, so a check allocates only this object, a few small arrays and the findings.
 */
export interface Doc {
  readonly text: string;
  readonly lower: string;
  readonly ctx: CheckContext;
  readonly out: Finding[];
  /** Flattened [start0, end0, start1, end1, …] sentence bounds, computed lazily. */
  sentences: number[] | null;
  /** Flattened token bounds, computed lazily by the lexicon scanner. */
  tokens: number[] | null;
  /** Each token lower-cased (one string per token, shared by every dictionary scan), computed with `tokens`. */
  tokenKeys?: string[];
  /** Each token's phrase lists in every dictionary (see lexicon.ts), looked up once for all of them. */
  tokenLists?: (readonly unknown[] | undefined)[];
  /** Per clause start: does the clause accept equivalents? Rules ask once per match, so this keeps a long text linear. */
  equivalence?: Map<number, boolean>;
  /** Per sentence start: where its clauses break (see `clauseAt`). */
  clauseBreaks?: Map<number, number[]>;
  /** The requirement's refusal of equivalents, looked up once (undefined until asked). */
  refusal?: RegExpExecArray | null;
}

export function makeDoc(text: string, ctx: CheckContext): Doc {
  return { text, lower: text.toLowerCase(), ctx, out: [], sentences: null, tokens: null };
}

const ABBREVIATIONS = new Set([
  'e.g',
  'eg',
  'i.e',
  'ie',
  'etc',
  'no',
  'nos',
  'approx',
  'incl',
  'ltd',
  'co',
  'st',
  'dr',
  'mr',
  'mrs',
  'ms',
  'vs',
  'v',
  'cf',
  'al',
  'fig',
  'para',
  'reg',
  'regs',
  'art',
  'sch',
  'min',
  'max',
  'inc',
  'corp',
  'dept',
  'govt',
  'ref',
  'nr',
  'tel',
  'ext',
  'p',
  'pp',
  's',
  'ss',
]);

/** Sentence bounds: split on . ! ? followed by space and a capital, digit or quote, skipping common abbreviations. */
export function sentences(doc: Doc): number[] {
  if (doc.sentences) return doc.sentences;
  const t = doc.text;
  const out: number[] = [];
  let start = 0;
  const n = t.length;
  for (let i = 0; i < n; i++) {
    const c = t.charCodeAt(i);
    if (c !== 46 /* . */ && c !== 33 /* ! */ && c !== 63 /* ? */) continue;
    const next = i + 1 < n ? t.charCodeAt(i + 1) : -1;
    if (next !== -1 && next !== 32 && next !== 10 && next !== 13 && next !== 9) continue;
    if (c === 46) {
      // word before the dot
      let j = i - 1;
      while (j >= 0 && t.charCodeAt(j) !== 32 && t.charCodeAt(j) !== 40) j--;
      const word = doc.lower.slice(j + 1, i);
      if (ABBREVIATIONS.has(word)) continue;
      if (word.length === 1 && next !== -1) continue; // initials: "B. Braun"
    }
    // next non-space char must start a new sentence
    let k = i + 1;
    while (k < n && (t.charCodeAt(k) === 32 || t.charCodeAt(k) === 10 || t.charCodeAt(k) === 13 || t.charCodeAt(k) === 9)) k++;
    if (k < n) {
      const d = t.charCodeAt(k);
      const upper = (d >= 65 && d <= 90) || (d >= 48 && d <= 57) || d === 34 || d === 39 || d === 40 || d === 8216 || d === 8220;
      if (!upper) continue;
    }
    out.push(start, i + 1);
    start = k;
    i = k - 1;
  }
  if (start < n) out.push(start, n);
  if (out.length === 0) out.push(0, n);
  doc.sentences = out;
  return out;
}

/** Index into `sentences(doc)` (pair index ×2) of the sentence containing `pos`. */
export function sentenceAt(doc: Doc, pos: number): [number, number] {
  const s = sentences(doc);
  // Binary search over sentence ends: rules call this once per match, so a linear walk made long texts quadratic.
  let lo = 0;
  let hi = s.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pos < s[2 * mid + 1]) hi = mid;
    else lo = mid + 1;
  }
  return [s[2 * lo], s[2 * lo + 1]];
}

/**
 * The first match of a global regex inside [from, to), or null; `index` is an offset into `text`.
 * The search never looks past `to`: running the regex on the whole rest of the text made every call
 * cost the length of the text, and a long single-line requirement quadratic.
 */
export function execIn(re: RegExp, text: string, from: number, to: number): RegExpExecArray | null {
  re.lastIndex = 0;
  const m = re.exec(text.slice(from, to));
  if (m) m.index += from;
  return m;
}

/** True when `re` (non-global is fine) matches the slice [from, to). Allocates one small string. */
export function testSlice(re: RegExp, text: string, from: number, to: number): boolean {
  if (from < 0) from = 0;
  if (to > text.length) to = text.length;
  if (to <= from) return false;
  return re.test(text.slice(from, to));
}

const EQUIV_RE =
  /\bequivalen(?:t|ts|ce|cy)\b|\bor\s+(?:an?\s+|any\s+|other\s+|the\s+)?(?:equal|comparable|similar|better|higher|alternative|compatible)\b|\bequal\s+(?:or|to)\b|\bcomparable\b|\bor\s+(?:an?\s+)?(?:recognised\s+|approved\s+)?alternatives?\b|\bsimilar\s+to\b|\bor\s+(?:a\s+)?(?:higher|greater|later|newer)\s+(?:level|version|standard|grade)\b/g;
const NEG_EQUIV_RE =
  /\b(?:no|not|without|never)\s+(?:\w+\s+){0,3}?(?:equivalents?|alternatives?|substitut\w*)\b|\b(?:equivalents?|alternatives?|substitut\w*)\s+(?:\w+\s+){0,2}?(?:will|shall|are|is|can|may|must)\s+not\b|\b(?:equivalents?|alternatives?|substitut\w*)\s+(?:\w+\s+){0,2}?(?:will|shall|are|is)\s+(?:be\s+)?(?:rejected|refused|excluded|unacceptable)\b/g;

/**
 * Where one clause ends and the next begins inside a sentence. "or equivalent" covers only the thing it qualifies,
 * so it must not exempt a second clause with its own subject and verb:
 * "…our Dynamics 365 or equivalent system, and the supplier holds ISO 27001 certification."
 */
const CLAUSE_BREAK_RE = new RegExp(
  [
    // a semicolon always starts a new clause
    ';',
    // a comma followed by a coordinating or contrasting conjunction
    ',\\s+(?:and|but|while|whereas|plus|also)\\b',
    // "and" opening a clause with its own subject and verb ("and the supplier holds…", "and all staff must…")
    '\\s(?:and|but)\\s+(?:the|all|each|every|our|its|their|any)\\s+(?:[\\w-]+\\s+){0,2}?(?:must|shall|will|should|holds?|has|have|is|are|needs?\\s+to)\\b',
  ].join('|'),
  'gi',
);

/** [start, end) of the clause containing `pos`, inside its sentence. Breaks are found once per sentence. */
export function clauseAt(doc: Doc, pos: number): [number, number] {
  const [ss, se] = sentenceAt(doc, pos);
  const cache = (doc.clauseBreaks ??= new Map());
  let breaks = cache.get(ss);
  if (breaks === undefined) {
    breaks = [];
    CLAUSE_BREAK_RE.lastIndex = 0;
    const slice = doc.text.slice(ss, se);
    let m: RegExpExecArray | null;
    while ((m = CLAUSE_BREAK_RE.exec(slice)) !== null) breaks.push(ss + m.index);
    cache.set(ss, breaks);
  }
  let start = ss;
  for (const at of breaks) {
    if (at >= pos) return [start, at];
    start = at + 1;
  }
  return [start, se];
}

/** An "or equivalent"-type phrase in the clause that contains `start` (not elsewhere in the sentence). */
export function hasEquivalence(doc: Doc, start: number): boolean {
  const [cs, ce] = clauseAt(doc, start);
  const known = (doc.equivalence ??= new Map()).get(cs);
  if (known !== undefined) return known;
  const accepts = !execIn(NEG_EQUIV_RE, doc.lower, cs, ce) && execIn(EQUIV_RE, doc.lower, cs, ce) !== null;
  doc.equivalence.set(cs, accepts);
  return accepts;
}

/** An explicit refusal of equivalents anywhere in the requirement ("no alternatives will be accepted"). */
export function refusesEquivalents(doc: Doc, _start: number): RegExpExecArray | null {
  if (doc.refusal === undefined) doc.refusal = execIn(NEG_EQUIV_RE, doc.lower, 0, doc.text.length);
  return doc.refusal;
}

const EXAMPLE_BEFORE_RE =
  /(?:\bsuch\s+as|\bfor\s+(?:example|instance)|\be\.?g\.?|\bincluding|\blike|\bsimilar\s+to|\bcomparable\s+(?:to|with)|\bequivalent\s+to|\bas\s+good\s+as|\bbenchmark\w*(?:\s+(?:against|to|of|score))?|\bperformance\s+(?:of|equal\s+to|matching)|\blevel\s+of|\bat\s+least\s+(?:that\s+of|equal\s+to)|\bmatching|\bequal\s+to|\bas\s+(?:well|good|fast|powerful|capable|reliable|durable|efficient)\s+as|\bbenchmarked\s+against|\bthe\s+same\s+standard\s+as)\b[^.;]{0,30}$/i;

/** The name at `start` is given as an example or benchmark ("such as", "comparable to", "e.g."). */
export function isExample(doc: Doc, start: number): boolean {
  const [ss] = sentenceAt(doc, start);
  return testSlice(EXAMPLE_BEFORE_RE, doc.text, Math.max(ss, start - 50), start);
}

const INTEROP_BEFORE_RE =
  /\b(?:integrat\w*\s+(?:with|into|to)|interoperat\w*\s+with|interfac\w*\s+(?:with|to)|compatib\w*\s+with|connect\w*\s+(?:to|with|into)|exchange\w*\s+(?:\w+\s+)?with|link\w*\s+(?:to|with)|sync\w*\s+(?:to|with)|migrat\w*\s+(?:\w+\s+){0,3}from|import\w*\s+(?:\w+\s+){0,3}from|export\w*\s+(?:\w+\s+){0,3}(?:to|into)|feeds?\s+(?:into|from)|data\s+from|alongside|(?:read|open|view)(?:ed|able)?\s+(?:in|by|with)|plug[- ]?in\s+(?:for|to)|add[- ]?on\s+(?:for|to)|work(?:s|ing)?\s+(?:with|alongside|within|inside)|support\w*|(?:work|run|function|display|render|open)(?:s|ing)?\s+(?:correctly\s+|properly\s+|fully\s+)?(?:on|in)|via\s+(?:our|the))\b[^.;]{0,70}$|\b(?:existing|current(?:ly)?|legacy|incumbent|already|replac\w*|decommission\w*|(?:our|the\s+(?:council|trust|authority|department|organisation|board|school|university|buyer)['’]s))\s+(?:[\w-]+\s+){0,2}$/i;
const INTEROP_AFTER_RE =
  /^[^.;]{0,40}\b(?:(?:can|could)\s+(?:read|open|import|load)\b|(?:which|that)\s+(?:we|the\s+\w+|is|are)\s+(?:already\s+|currently\s+)?(?:use|uses|used|run|runs|own|owns|operate|operates|in\s+use)|(?:already|currently)\s+(?:in\s+use|used|installed|deployed|in\s+place)|tenancy|tenant|instance|estate|environment)\b/i;

/** The product is named because the buyer already uses it (interoperability, migration, replacement). */
export function isInteroperability(doc: Doc, start: number, end: number): boolean {
  const [ss, se] = sentenceAt(doc, start);
  if (testSlice(INTEROP_BEFORE_RE, doc.text, Math.max(ss, start - 90), start)) return true;
  return testSlice(INTEROP_AFTER_RE, doc.text, end, Math.min(se, end + 45));
}

/** True when [start] is the first word of its sentence (ignoring list markers, quotes, brackets). */
export function isSentenceInitial(doc: Doc, start: number): boolean {
  const [ss] = sentenceAt(doc, start);
  for (let i = start - 1; i >= ss; i--) {
    const c = doc.text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 40 || c === 34 || c === 39 || c === 8216 || c === 8220 || c === 45 || c === 42 || c === 8226) continue;
    if (c === 58) return true; // after a colon
    return false;
  }
  return true;
}

/** True when the word ending just before `start` is capitalised (Title Case run such as "Community Health Teams"). */
export function previousWordCapitalised(doc: Doc, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && doc.text.charCodeAt(i) === 32) i--;
  if (i < 0) return false;
  let j = i;
  while (j >= 0 && /[A-Za-z'’-]/.test(doc.text[j])) j--;
  const c = doc.text.charCodeAt(j + 1);
  if (j + 1 > i) return false;
  const word = doc.text.slice(j + 1, i + 1);
  if (SMALL_WORDS.has(word.toLowerCase()) && word.length < 5) return false;
  return c >= 65 && c <= 90 && !isSentenceInitial(doc, j + 1);
}
const SMALL_WORDS = new Set(['the', 'a', 'an', 'and', 'or', 'of', 'in', 'on', 'for', 'to', 'via', 'use', 'with']);

function isDisabled(doc: Doc, rule: RuleId, category: FindingCategory): boolean {
  const d = doc.ctx.disabled;
  if (!d || d.length === 0) return false;
  for (const x of d) if (x === rule || x === category) return true;
  return false;
}

/** Add a finding unless one of the same rule already covers an overlapping span. Returns true when added. */
export function add(doc: Doc, rule: RuleId, start: number, end: number, message: string, suggestion: string): boolean {
  const info = RULES[rule];
  if (isDisabled(doc, rule, info.category)) return false;
  for (const f of doc.out) {
    if (f.rule === rule && f.start < end && start < f.end) return false;
  }
  doc.out.push({
    rule,
    category: info.category,
    severity: info.severity,
    message,
    start,
    end,
    suggestion,
    reference: info.reference,
  });
  return true;
}

/** Has any finding of `category` been recorded overlapping [start, end)? */
export function covered(doc: Doc, start: number, end: number, category?: FindingCategory): boolean {
  for (const f of doc.out) {
    if ((category === undefined || f.category === category) && f.start < end && start < f.end) return true;
  }
  return false;
}

/** Trim a span to exclude surrounding whitespace and punctuation. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && /[\s,;:.()"'’]/.test(text[start])) start++;
  while (end > start && /[\s,;:.()"'’]/.test(text[end - 1])) end--;
  return [start, end];
}
