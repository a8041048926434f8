import { PRESCRIPTION_MODEL } from '../data/prescription-model';
import { add, covered, type Doc, sentences } from '../text/doc';
import {
  CONCEPT_INDEX,
  CONCEPT_PAIRS,
  type Feature,
  features,
  FLAGS,
  NUMBER_WORDS,
  OBLIGATION,
  PEOPLE,
  type Token,
  tokenize,
} from '../text/features';
import type { RuleId } from '../types';

/**
 * The learned prescription check: a small logistic-regression model over words, word pairs, the words after
 * the obligation and a few grammar flags (src/lib/text/features.ts). It finds the hows that the named rules
 * and the grammar rule (prescription.ts) have no pattern for: "supervision will take place face to face, in the
 * office, once every four weeks", "references must come from other police forces".
 *
 * It runs last and only adds what the rules missed, under the same narrow exceptions: the how offered as an
 * example, "or equivalent", a legal duty, a stated reason to work with an existing system, or a capability
 * ("must be able to"). Each finding names an existing rule and quotes the words that weighed most, so a buyer
 * can see why. The weights are plain data (src/lib/data/prescription-model.ts), written by
 * tools/train-prescription-model.js from the labelled corpora: nothing is downloaded at run time.
 */

export interface PrescriptionModelData {
  /** Class names, in weight order: good, solution, method, threshold, vague. */
  classes: readonly string[];
  bias: readonly number[];
  /** Smallest probability of the prescriptive classes together that gives a finding. */
  threshold: number;
  /** Feature key → one weight per class. */
  weights: Readonly<Record<string, readonly number[]>>;
}

/** A weight vector, with the mark that makes a feature count once per text. */
interface Vec {
  readonly w: readonly number[];
  mark: number;
}

/** A word class ("c:frequency"): its weight, its weight when it occurs twice, and its count in the current text. */
interface Concept {
  readonly key: string;
  readonly v: Vec | undefined;
  readonly v2: Vec | undefined;
  count: number;
  /** The walk the count belongs to (counts start again at 0 in each walk). */
  walk: number;
}

/** What the grammar asks of a word besides its weights (bit flags on an entry). */
const NUMBER_WORD = 1;
const PERSON = 2;
const OBLIGATION_WORD = 4;
const NUMBER = 8;
const AM_PM = 16;
const EDGE = 32;

/** Everything the scorer needs to know about one word, found with a single lookup. */
interface Entry {
  uni?: Vec;
  /** The word's weight when it follows an obligation. */
  mod?: Vec;
  /** Pairs starting with this word: second word → weight. */
  bi?: Map<string, Vec>;
  /** Word classes of this word alone, and of pairs starting with it. */
  concepts?: readonly Concept[];
  conceptPairs?: Map<string, readonly Concept[]>;
  /** NUMBER_WORD, PERSON, OBLIGATION_WORD, NUMBER, AM_PM and EDGE, so no set is asked per word. */
  kind: number;
}

/**
 * The weights arranged for speed: one map lookup per word gives its own weight, its weight after an obligation,
 * the pairs it starts, its word classes and its grammar, so scoring builds no strings.
 */
export interface CompiledModel {
  classes: readonly string[];
  bias: readonly number[];
  threshold: number;
  good: number;
  words: Map<string, Entry>;
  other: Map<string, Vec>;
  headcount: Concept;
  frequency: Concept;
  buyer: Concept;
  /** The grammar flags that carry a weight, in feature order. */
  flags: readonly Flag[];
}

export function compileModel(data: PrescriptionModelData): CompiledModel {
  const other = new Map<string, Vec>();
  const words = new Map<string, Entry>();
  const entry = (w: string): Entry => {
    let e = words.get(w);
    if (!e) words.set(w, (e = { kind: 0 }));
    return e;
  };
  for (const [key, w] of Object.entries(data.weights)) {
    const v: Vec = { w, mark: 0 };
    const rest = key.slice(2);
    if (key.startsWith('u:')) entry(rest).uni = v;
    else if (key.startsWith('m:')) entry(rest).mod = v;
    else if (key.startsWith('b:')) {
      const sp = rest.indexOf(' ');
      const e = entry(rest.slice(0, sp));
      (e.bi ??= new Map()).set(rest.slice(sp + 1), v);
    } else other.set(key, v);
  }
  const concepts = new Map<string, Concept>();
  const concept = (key: string): Concept => {
    let c = concepts.get(key);
    if (!c) concepts.set(key, (c = { key, v: other.get(key), v2: other.get(key + '2'), count: 0, walk: 0 }));
    return c;
  };
  const list = (keys: readonly string[]): Concept[] => keys.map(concept);
  for (const [key, keys] of CONCEPT_INDEX) if (key.indexOf(' ') < 0) entry(key).concepts = list(keys);
  for (const [first, inner] of CONCEPT_PAIRS) {
    const pairs = new Map<string, readonly Concept[]>();
    for (const [second, keys] of inner) pairs.set(second, list(keys));
    entry(first).conceptPairs = pairs;
  }
  for (const w of NUMBER_WORDS) entry(w).kind |= NUMBER_WORD;
  for (const w of PEOPLE) entry(w).kind |= PERSON;
  for (const w of OBLIGATION) entry(w).kind |= OBLIGATION_WORD;
  entry('<n>').kind |= NUMBER;
  entry('am').kind |= AM_PM;
  entry('pm').kind |= AM_PM;
  for (const w of EDGE_WORDS) entry(w).kind |= EDGE;
  const flags: Flag[] = [];
  for (const [key, re] of FLAGS) {
    const v = other.get(key);
    if (v) flags.push({ re, v });
  }
  return {
    classes: data.classes,
    bias: data.bias,
    threshold: data.threshold,
    good: data.classes.indexOf('good'),
    words,
    other,
    headcount: concept('c:headcount'),
    frequency: concept('c:frequency'),
    buyer: concept('c:buyer'),
    flags,
  };
}

/** A grammar flag: its pattern and its weight. */
interface Flag {
  readonly re: RegExp;
  readonly v: Vec;
}

/** A sentence read once: its tokens and each token's entry (undefined for a word the model does not know). */
interface Reading {
  readonly text: string;
  readonly toks: readonly Token[];
  readonly ents: readonly (Entry | undefined)[];
}

function read(model: CompiledModel, text: string): Reading {
  const toks = tokenize(text);
  const ents: (Entry | undefined)[] = new Array(toks.length);
  for (let i = 0; i < toks.length; i++) ents[i] = model.words.get(toks[i].w);
  return { text, toks, ents };
}

let walks = 0;

/**
 * Every weighted word feature of a sentence (not the grammar flags, which have no words of their own), in the
 * order of `visitFeatures` (features.ts), as its vector and the tokens it spans. Used by the explanation;
 * `probabilities` is the same walk written out inline, with the flags.
 */
function walk(model: CompiledModel, r: Reading, visit: (v: Vec, first: number, last: number) => void): void {
  const walk = ++walks;
  const concept = (c: Concept, first: number, last: number): void => {
    if (c.walk !== walk) {
      c.walk = walk;
      c.count = 0;
    }
    const n = ++c.count;
    if (c.v) visit(c.v, first, last);
    if (n === 2 && c.v2) visit(c.v2, first, last);
  };
  const { toks, ents } = r;
  let afterModal = 0;
  let prev: Entry | undefined;
  for (let i = 0; i < toks.length; i++) {
    const e = ents[i];
    if (e) {
      if (e.uni) visit(e.uni, i, i);
      if (e.concepts) for (const k of e.concepts) concept(k, i, i);
    }
    if (prev) {
      const w = toks[i].w;
      const b = prev.bi?.get(w);
      if (b) visit(b, i - 1, i);
      const two = prev.conceptPairs?.get(w);
      if (two) for (const k of two) concept(k, i - 1, i);
      if (e) {
        if (prev.kind & NUMBER_WORD && e.kind & PERSON) concept(model.headcount, i - 1, i);
        if (prev.kind & NUMBER && e.kind & AM_PM) concept(model.frequency, i - 1, i);
      }
    }
    if (afterModal > 0) {
      if (e?.mod) visit(e.mod, i, i);
      afterModal--;
    }
    if (e && e.kind & OBLIGATION_WORD) afterModal = 4;
    prev = e;
  }
}

/** True when a word of the class "buyer" (council, NHS trust, police force…) occurs in the sentence. */
function hasBuyer(model: CompiledModel, r: Reading): boolean {
  const { toks, ents } = r;
  for (let i = 0; i < toks.length; i++) {
    if (ents[i]?.concepts?.includes(model.buyer)) return true;
    if (i > 0 && ents[i - 1]?.conceptPairs?.get(toks[i].w)?.includes(model.buyer)) return true;
  }
  return false;
}
/** Words that open or close a phrase badly: a quoted reason reads better without them. */
const EDGE_WORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'to',
  'in',
  'on',
  'at',
  'for',
  'with',
  'by',
  'each',
  'every',
  'its',
  'their',
  'is',
  'are',
  'be',
  'that',
  'which',
  'from',
  'been',
  'have',
  'ha',
  'has',
  'must',
  'shall',
  'will',
]);
let generation = 0;

/** The model in use. The training script swaps it (or sets null) to measure the rules with and without it. */
export const learnedState: { model: CompiledModel | null } = { model: compileModel(PRESCRIPTION_MODEL) };

/** An obligation: the model only judges requirements that oblige someone to do something. */
const OBLIGATION_RE = /\b(?:must|shall|will|(?:is|are)\s+(?:to|required|expected|obliged)|needs?\s+to|ha(?:s|ve)\s+to|only\s+\w+)\b/i;
/** The exceptions, as in prescription.ts, read over the whole requirement (the model reads it whole too). */
const EXAMPLE_RE =
  /\b(?:for\s+example|for\s+instance|such\s+as|e\.g\.|eg|could|might|may|as\s+the\s+supplier\s+(?:judges|chooses|sees\s+fit)|suppliers?\s+(?:to\s+)?propose|own\s+choice|(?:its|their|the\s+supplier['’]s)\s+own\s+(?:choosing|judgement|method|methods|approach|proposal))\b/i;
const EQUIVALENT_RE =
  /\b(?:or\s+(?:an?\s+)?equivalent|equivalent\s+(?:evidence|independent|standard|qualification|certification|scheme))\b/i;
const LEGAL_RE =
  /\b(?:Act|Regulations|Order|Code\s+of\s+Practice|Directive)\s+\d{4}\b|\b(?:the\s+law\s+requires|required\s+by\s+law|as\s+(?:the\s+)?law\s+requires|by\s+law|statutory|legal\s+duty|(?:Act|Regulations)\s+requires?)\b/;
const INTEROP_RE =
  /\b(?:existing|current|already\s+(?:use|uses|run|runs|hold|holds))\b[^.;]{0,120}\b(?:because|so\s+that|as\s+(?:that|it|the|all|our|we|this|every)|which\s+(?:holds?|is|are|remains?|will|the)|where)\b/i;
const CAPABILITY_RE = /\bbe\s+able\s+to\b/i;
/** The "how" is itself an outcome or the person's needs ("based on the assessed needs of each person"). */
const NEEDS_RE =
  /\b(?:based\s+on|led\s+by|shaped\s+by|in\s+line\s+with)\s+(?:the\s+|their\s+|each\s+)?(?:\w+\s+)?(?:needs|outcomes?|evidence|risks?|results|wishes|preferences|assessments?|choices)\b/i;
/** Experience of comparable work in any sector is what the threshold rule asks for, not a restriction. */
const ANY_SECTOR_RE =
  /\b(?:any\s+sector|any\s+type\s+of\s+(?:client|buyer|customer|organisation)|public\s+or\s+private|private\s+or\s+public|public,\s+private|whether\s+in\s+the)\b/i;
/** A measured outcome in the obligation itself ("must be answered within 60 seconds", "at least 95% of visits"). */
const OUTCOME_RE =
  /\d+(?:\.\d+)?\s?%|\bper\s+cent\b|\b(?:rating|score|grade)\s+of\s+\d|\bwithin\s+(?:\w+\s+){0,2}?(?:seconds?|minutes?|hours?|days?|weeks?|months?)\b|\b(?:no\s+more|no\s+later|less|fewer|no\s+longer)\s+than\s+(?:\w+\s+){0,2}?(?:seconds?|minutes?|hours?|days?|weeks?|months?)\b/i;
const OBLIGATION_AT_RE = /\b(?:must|shall|will|(?:is|are)\s+(?:to|required|expected|obliged)|needs?\s+to|ha(?:s|ve)\s+to)\b/i;

const CLASS_RULE: Readonly<Record<string, RuleId>> = {
  solution: 'solution.prescribed-design',
  method: 'method.prescribed-means',
  threshold: 'threshold.sector-experience',
};
/** Sector-restricted experience needs the words of experience; other conditions have their own rules. */
const EXPERIENCE_RE =
  /\b(?:experience|references?|contracts?|clients?|track\s+record|previously|delivered|supplied|provided|acted|worked|run|hosted|supported|completed|served|evaluated|sat\s+on|gained|for\s+at\s+least|in\s+the\s+past)\b/i;

const WHAT: Readonly<Record<string, string>> = {
  solution: 'the design or form of the solution',
  method: 'how the work is done (the practice, equipment, staffing or schedule)',
  threshold: 'experience of one sector or type of buyer',
};
const SUGGESTION: Readonly<Record<string, string>> = {
  solution:
    'State what users or the service must achieve and how well (for example "95% of requests handled without staff help", "records found and exported in an open format within 2 seconds"), and let suppliers propose the design.',
  method:
    'State the result the method was meant to secure and how it will be checked (for example "surfaces visibly clean, checked by monthly audit", "visits start within 15 minutes of the agreed time"), and let suppliers propose how to achieve it.',
  threshold:
    'Ask for experience of work of comparable scope and complexity in any sector (public, private or voluntary), and judge it on its relevance and results.',
};

/** The class probabilities for a text. Builds no strings: it runs on every sentence with an obligation. */
export function scoreProbs(model: CompiledModel, text: string): number[] {
  return probabilities(model, read(model, text));
}

function probabilities(model: CompiledModel, r: Reading): number[] {
  const k = model.classes.length;
  const z = model.bias.slice();
  const gen = ++generation;
  const walk = ++walks;
  // walk() inlined, in the same order (the weights are added in feature order, so the sums are the same to the
  // last bit): this runs on every sentence with an obligation, and a call per feature was most of its cost
  const add = (v: Vec): void => {
    // a feature counts once, however often it occurs
    if (v.mark === gen) return;
    v.mark = gen;
    for (let c = 0; c < k; c++) z[c] += v.w[c];
  };
  const concept = (c: Concept): void => {
    if (c.walk !== walk) {
      c.walk = walk;
      c.count = 0;
    }
    const n = ++c.count;
    if (c.v) add(c.v);
    if (n === 2 && c.v2) add(c.v2);
  };
  const { toks, ents } = r;
  let afterModal = 0;
  let prev: Entry | undefined;
  for (let i = 0; i < toks.length; i++) {
    const e = ents[i];
    if (e) {
      if (e.uni) add(e.uni);
      if (e.concepts) for (const c of e.concepts) concept(c);
    }
    if (prev) {
      const w = toks[i].w;
      if (prev.bi) {
        const b = prev.bi.get(w);
        if (b) add(b);
      }
      if (prev.conceptPairs) {
        const two = prev.conceptPairs.get(w);
        if (two) for (const c of two) concept(c);
      }
      if (e) {
        if (prev.kind & NUMBER_WORD && e.kind & PERSON) concept(model.headcount);
        if (prev.kind & NUMBER && e.kind & AM_PM) concept(model.frequency);
      }
    }
    if (afterModal > 0) {
      if (e?.mod) add(e.mod);
      afterModal--;
    }
    if (e && e.kind & OBLIGATION_WORD) afterModal = 4;
    prev = e;
  }
  for (const f of model.flags) if (f.re.test(r.text)) add(f.v);
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < k; c++) {
    z[c] = Math.exp(z[c] - max);
    sum += z[c];
  }
  for (let c = 0; c < k; c++) z[c] /= sum;
  return z;
}

/** The class probabilities and the features seen (for an explanation). */
export function scoreText(model: CompiledModel, text: string): { probs: number[]; feats: Feature[] } {
  return { probs: scoreProbs(model, text), feats: features(text) };
}

export function checkLearned(doc: Doc): void {
  const model = learnedState.model;
  if (!model || !OBLIGATION_RE.test(doc.text)) return;
  // one sentence at a time: an exception covers only its own sentence, and a note before it changes nothing
  const bounds = sentences(doc);
  for (let i = 0; i < bounds.length; i += 2) judge(doc, model, bounds[i], bounds[i + 1]);
}

function judge(doc: Doc, model: CompiledModel, ss: number, se: number): void {
  const text = doc.text.slice(ss, se);
  // checkLearned has already found an obligation in the whole text, which is this sentence when there is only one
  if ((ss !== 0 || se !== doc.text.length) && !OBLIGATION_RE.test(text)) return;
  const r = read(model, text);
  const probs = probabilities(model, r);
  // prescriptive when the prescriptive classes together outweigh the threshold; the category is the likeliest of them
  let best = -1;
  let pres = 0;
  for (let c = 0; c < probs.length; c++) {
    const cls = model.classes[c];
    if (!CLASS_RULE[cls]) continue;
    pres += probs[c];
    if (best < 0 || probs[c] > probs[best]) best = c;
  }
  const prescriptive = best >= 0 && pres >= model.threshold;
  const v = model.classes.indexOf('vague');
  if (!prescriptive && (v < 0 || probs[v] < VAGUE_THRESHOLD)) return;
  // the exceptions, checked only for a sentence the model would flag (most sentences stop above)
  if (
    EXAMPLE_RE.test(text) ||
    EQUIVALENT_RE.test(text) ||
    LEGAL_RE.test(text) ||
    INTEROP_RE.test(text) ||
    CAPABILITY_RE.test(text) ||
    NEEDS_RE.test(text)
  )
    return;
  if (!prescriptive) {
    vague(doc, model, probs, r, ss);
    return;
  }
  const cls = model.classes[best];
  const rule = CLASS_RULE[cls];
  // the learned threshold finding is about experience restricted to a sector or type of buyer, so it needs both
  if (cls === 'threshold' && (!EXPERIENCE_RE.test(text) || !hasBuyer(model, r) || ANY_SECTOR_RE.test(text) || /\bturnover\b/i.test(text)))
    return;
  // a how that comes with its measured outcome is secondary to it (a threshold is a condition, not a how)
  if (cls !== 'threshold') {
    const ob = OBLIGATION_AT_RE.exec(text);
    if (ob && OUTCOME_RE.test(text.slice(ob.index))) return;
    if (/^\s*(?:at\s+least|more\s+than|fewer\s+than|no\s+more\s+than|over|under)?\s*\d+(?:\.\d+)?\s?%/i.test(text)) return;
  }
  const category = cls as 'solution' | 'method' | 'threshold';
  if (doc.out.some((f) => f.category === category && f.severity !== 'info' && f.start < se && f.end > ss)) return;
  const [s0, e0] = explain(r, model, best);
  const start = ss + s0;
  const end = ss + e0;
  if (end <= start || covered(doc, start, end, category)) return;
  const words = doc.text.slice(start, end);
  add(
    doc,
    rule,
    start,
    end,
    `"${words}" reads as ${WHAT[cls]} rather than the result you need; these words weighed most in that reading. That rules out suppliers who would do it another way as well or better.`,
    SUGGESTION[cls],
  );
}

/**
 * A requirement the model reads as vague (an aim with no measure: "trainers must be inspirational") when no
 * vague word in the dictionary has been found. Only without any number, date or measure in the requirement.
 */
function vague(doc: Doc, model: CompiledModel, probs: readonly number[], r: Reading, ss: number): void {
  const text = r.text;
  const v = model.classes.indexOf('vague');
  if (v < 0 || probs[v] < VAGUE_THRESHOLD) return;
  if (
    doc.out.some((f) => f.category === 'measure' && f.start < ss + text.length && f.end > ss) ||
    /\d|\b(?:measured|survey|audit|score|target|KPI|within|per\s+cent)\b/i.test(text)
  )
    return;
  const [s0, e0] = explain(r, model, v);
  if (e0 <= s0) return;
  const start = ss + s0;
  const end = ss + e0;
  add(
    doc,
    'measure.vague-term',
    start,
    end,
    `"${doc.text.slice(start, end)}" reads as an aim with no measure: bidders will read it differently and you cannot score or enforce it.`,
    'Say what would show it has been achieved and how you will check it, for example a survey score, a time limit or an audit result.',
  );
}
const VAGUE_THRESHOLD = 0.6;

const MAX_WORDS = 8;

/**
 * The words that weighed most towards the class against "good": each feature's weight is shared among the words
 * it covers, and the best run of up to seven words in one sentence is the span. That quotes a phrase a buyer can
 * read ("replaced by electric hand dryers") rather than one strong word.
 */
function explain(r: Reading, model: CompiledModel, cls: number): [number, number] {
  const { text, toks, ents } = r;
  if (toks.length === 0) return [0, 0];
  const score = new Float64Array(toks.length);
  // grammar flags have no words of their own, so they are not read here
  walk(model, r, (v, first, last) => {
    const d = (v.w[cls] - v.w[model.good]) / (last - first + 1);
    for (let j = first; j <= last; j++) score[j] += d;
  });
  const edge = (j: number): boolean => ents[j] !== undefined && (ents[j]!.kind & EDGE) !== 0;
  let best = -Infinity;
  let bs = 0;
  let be = 0;
  // the how follows the obligation: quote from after it ("done by a tractor", not "parks shall be done")
  const ob = OBLIGATION_AT_RE.exec(text);
  const from = ob ? ob.index + ob[0].length : 0;
  for (let i = 0; i < toks.length; i++) {
    if (toks[i].start < from) continue;
    if (edge(i)) continue;
    let sum = 0;
    for (let j = i; j < toks.length && j < i + MAX_WORDS; j++) {
      sum += score[j];
      if (edge(j)) continue;
      if (sum > best) {
        best = sum;
        bs = i;
        be = j;
      }
    }
  }
  if (!(best > 0)) return [0, 0];
  return [toks[bs].start, toks[be].end];
}
