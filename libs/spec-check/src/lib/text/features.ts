/**
 * Features for the learned prescription model (src/lib/rules/learned.ts), shared with its training script
 * (tools/train-prescription-model.js) so that training and checking read a requirement the same way.
 *
 * A feature is a word (lightly stemmed, numbers folded into <n>), a pair of neighbouring words, a word soon
 * after the obligation ("must be held in", "shall be carried out by"), or a grammar flag. Each keeps the
 * span of text it came from, so a finding can quote the words that made it.
 */

export interface Token {
  /** Normalised form. */
  w: string;
  start: number;
  end: number;
}

export interface Feature {
  key: string;
  start: number;
  end: number;
}

/** Plural and possessive endings, so that "cloths" and "cloth", "council's" and "council" meet. */
function stem(w: string): string {
  if (w.endsWith("'s") || w.endsWith('’s')) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

/**
 * The words of `text`, as the pattern /£?\d[\d,.]*(?:%|m|k|bn)?|[A-Za-z][A-Za-z'’-]*\/g would split them, read
 * character by character: this runs on every sentence with an obligation, and a regex match per word cost more.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isDigit(c) || (c === 163 /* £ */ && i + 1 < n && isDigit(text.charCodeAt(i + 1)))) {
      let j = i + (c === 163 ? 2 : 1);
      for (let d = text.charCodeAt(j); j < n && (isDigit(d) || d === 44 || d === 46); d = text.charCodeAt(++j));
      if (j < n) {
        const d = text.charCodeAt(j);
        if (d === 37 /* % */ || d === 109 /* m */ || d === 107 /* k */) j++;
        else if (d === 98 /* b */ && text.charCodeAt(j + 1) === 110 /* n */) j += 2;
      }
      out.push({ w: c === 163 ? '<money>' : text.charCodeAt(j - 1) === 37 ? '<pct>' : '<n>', start: i, end: j });
      i = j;
    } else if (isLetter(c)) {
      let j = i + 1;
      for (let d = text.charCodeAt(j); j < n && (isLetter(d) || d === 39 || d === 8217 || d === 45); d = text.charCodeAt(++j));
      out.push({ w: stem(text.slice(i, j).toLowerCase()), start: i, end: j });
      i = j;
    } else i++;
  }
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Obligation words; the few words after one say what is being obliged. */
export const OBLIGATION = new Set(['must', 'shall', 'will', 'need', 'required', 'expected', 'obliged']);
/** Grammar flags: the exceptions and outcome signals the model should weigh, each with its own pattern. */
export const FLAGS: readonly (readonly [string, RegExp])[] = [
  [
    'g:example',
    /\b(?:for\s+example|for\s+instance|such\s+as|e\.g\.|might|could|may\s+propose|as\s+the\s+supplier\s+(?:judges|chooses|sees\s+fit))\b/i,
  ],
  ['g:equivalent', /\bequivalent\b/i],
  [
    'g:legal',
    /\b(?:Act|Regulations|Order|Code\s+of\s+Practice)\s+\d{4}\b|\b(?:the\s+law\s+requires|required\s+by\s+law|as\s+(?:the\s+)?law\s+requires|statutory)\b/,
  ],
  ['g:existing', /\b(?:existing|current|already)\b/i],
  ['g:reason', /\b(?:because|so\s+that|as\s+(?:that|it|the|all|our|we|this)\b)/i],
  ['g:able', /\bbe\s+able\s+to\b/i],
  [
    'g:measure',
    /\d\s*%|\bwithin\s+(?:\d+|one|two|three|four|five|ten|24)\b|\b(?:no\s+more|fewer|less|no\s+later)\s+than\b|\b(?:measured|audit|score|survey)\b/i,
  ],
  ['g:contrast', /\b(?:rather\s+than|instead\s+of|not\s+by|only)\b/i],
  ['g:experience', /\b(?:ha(?:ve|s)|had)\s+(?:\w+\s+){0,2}?\w+ed\b|\bexperience\b|\breferences?\b|\bcontracts?\b/i],
];

/**
 * Word classes: what a how is usually made of, whatever the service. A class fires on any of its words, so the
 * model learns "a fixed frequency" or "a named role" once rather than word by word, and generalises to words it
 * has not seen in training. Words are looked up after the same stemming as tokens (one map lookup per word and
 * per word pair, no regular expressions), so that the check stays cheaper than a style checker.
 * Pairs are written with "_" ("by_hand").
 */
const CONCEPT_WORDS: Readonly<Record<string, string>> = {
  frequency:
    'daily weekly fortnightly monthly quarterly annually yearly nightly overnight twice once rota rotating cycle round schedule weekday weekend morning afternoon evening night shift monday tuesday wednesday thursday friday saturday sunday january february march april june july august september october november december am pm every_day every_morning every_week every_month each_day each_morning each_week each_month each_year every_year three_time',
  manual:
    'by_hand manually in_person face personally paper printed handwritten hand-written written fax faxed post posted letter clipboard log_sheet signed keyed hard-copy physical logbook',
  role: 'engineer operative clerk chef cook driver assistant crew partner trainee paralegal director manager officer handler consultant statistician analyst developer bricklayer nurse cleaner supervisor coordinator administrator technician specialist auditor trainer tutor lecturer solicitor barrister surveyor architect doctor therapist fte full-time part-time dedicated named team_of staff_of caretaker receptionist mechanic escort facilitator researcher interviewer pharmacist',
  equipment:
    'mop mop_head cloth bucket brush broom sweeper mower shear flail crane vehicle van minibus bus lorry tipper trolley fence frame roof asphalt concrete timber steel sheeting switch sensor reader device unit handset pendant alarm chip bin kiosk screen tablet laptop phone radio scanner appliance array battery controller tool machine machinery equipment kit chemical foam steam bleach wipe uniform boiler pump panel pipe cable token card badge label tray container oven kitchen depot cabinet mixer recorder pager safe',
  design:
    'database server module portal form page app application wizard table file spreadsheet batch_job flat_file csv pdf email menu map engine decision_tree data_centre cloud on-premises configuration folder shared_drive word_processor intranet chatbot dashboard architecture platform tracker workflow interface step section field record log script template questionnaire booklet workbook newsletter leaflet diary timetable algorithm model trial control_group methodology approach design layout single_page workbook poster chart register memo exam',
  session:
    'session class group workshop meeting stand-up standup huddle conference focus_group interview visit classroom one-to-one e-learning elearning course slide flipchart lecture webinar tutorial call briefing inspection walk walk-round patrol block batch',
  place:
    'on_site on-site in_the_office premise based stationed located co-located centre office desk in-house directly employed local at_each at_every room hall',
  buyer:
    'council local_authority borough county district unitary metropolitan parish police_force police fire_and rescue nhs trust hospital hospice prison school university higher_education housing_association department central_government ministry public_body public_sector agency directorate academy college cemetery ccg integrated_care combined_authority north south east west midland yorkshire kent london wale welsh scotland scottish england english manchester region regional sector same_type',
  experience:
    'experience experienced reference contract track_record previously case_study client delivered supplied provided acted worked hosted served supported completed evaluated panel framework guarantee bond last_five past_three last_three past_five',
  exclusive:
    'only exactly rather_than instead_of not_by not_with no_other fixed same_order whatever always all every each single separate specific',
  means:
    'using by_mean form_of through via based_on built_as built_with delivered_as run_as held_in kept_in stored_in carried_out done_by by_a by_an with_a with_an use employ station install fitted laid achieved_by provided_by controlled_by monitored_by',
  outcome:
    '<pct> within no_more no_later fewer_than less_than measured score rate available resolved satisfaction target reduce fall rise achieve reach stay remain below above able_to so_that complete safe accurate correct baseline per_cent average averaged tested usability unaided without_help comply compliant registered licence license certificate qualification tell notify inform respond answered arrive start restored',
};

/** Normalised word (or "w1 w2" pair) → the classes it belongs to. Built once at load. */
export const CONCEPT_INDEX = new Map<string, string[]>();
for (const [name, words] of Object.entries(CONCEPT_WORDS)) {
  for (const raw of words.split(/\s+/)) {
    const key = raw
      .split('_')
      .map((x) => (x.startsWith('<') ? x : stem(x.toLowerCase())))
      .join(' ');
    const list = CONCEPT_INDEX.get(key) ?? [];
    if (!list.includes('c:' + name)) list.push('c:' + name);
    CONCEPT_INDEX.set(key, list);
  }
}
/** The same classes for word pairs, as first word → second word → classes (no string built per pair). */
export const CONCEPT_PAIRS = new Map<string, Map<string, string[]>>();
for (const [key, list] of CONCEPT_INDEX) {
  const sp = key.indexOf(' ');
  if (sp < 0) continue;
  const first = key.slice(0, sp);
  let inner = CONCEPT_PAIRS.get(first);
  if (!inner) CONCEPT_PAIRS.set(first, (inner = new Map()));
  inner.set(key.slice(sp + 1), list);
}

/** Words that make "<n> …" a headcount ("three operatives", "two technicians"). */
export const PEOPLE = new Set(
  'staff people person operative engineer clerk officer handler developer consultant analyst worker cleaner driver nurse trainer member manager fte post technician assistant receptionist researcher facilitator bricklayer'
    .split(' ')
    .map(stem),
);

export const NUMBER_WORDS = new Set(['<n>', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'twelve']);

/**
 * Calls `visit` for every feature of `text` in text order (flags last), without building objects, so that
 * scoring allocates only the keys. Features may repeat; the model counts each once.
 */
export function visitFeatures(text: string, visit: (key: string, start: number, end: number) => void): void {
  const toks = tokenize(text);
  let afterModal = 0;
  const seenConcept: Record<string, number> = {};
  const concept = (key: string, start: number, end: number): void => {
    const n = (seenConcept[key] = (seenConcept[key] ?? 0) + 1);
    visit(key, start, end);
    // two or more of a class weigh more than one ("every Wednesday … in person")
    if (n === 2) visit(key + '2', start, end);
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    visit('u:' + t.w, t.start, t.end);
    const one = CONCEPT_INDEX.get(t.w);
    if (one) for (const k of one) concept(k, t.start, t.end);
    if (i > 0) {
      const p = toks[i - 1];
      const pair = p.w + ' ' + t.w;
      visit('b:' + pair, p.start, t.end);
      const two = CONCEPT_INDEX.get(pair);
      if (two) for (const k of two) concept(k, p.start, t.end);
      if (NUMBER_WORDS.has(p.w) && PEOPLE.has(t.w)) concept('c:headcount', p.start, t.end);
      if (p.w === '<n>' && (t.w === 'am' || t.w === 'pm')) concept('c:frequency', p.start, t.end);
    }
    if (afterModal > 0) {
      visit('m:' + t.w, t.start, t.end);
      afterModal--;
    }
    if (OBLIGATION.has(t.w)) afterModal = 4;
  }
  for (const [key, re] of FLAGS) {
    const m = re.exec(text);
    if (m) visit(key, m.index, m.index + m[0].length);
  }
}

/**
 * The word classes at token `i` (alone, or as the pair ending at `i`): calls `visit(key, firstToken)` where the
 * feature spans tokens firstToken..i. Used by the scorer, which must not build strings per word.
 */
export function eachConcept(toks: readonly Token[], i: number, visit: (key: string, first: number) => void): void {
  const t = toks[i];
  const one = CONCEPT_INDEX.get(t.w);
  if (one) for (const k of one) visit(k, i);
  if (i === 0) return;
  const p = toks[i - 1];
  const two = CONCEPT_PAIRS.get(p.w)?.get(t.w);
  if (two) for (const k of two) visit(k, i - 1);
  if (NUMBER_WORDS.has(p.w) && PEOPLE.has(t.w)) visit('c:headcount', i - 1);
  if (p.w === '<n>' && (t.w === 'am' || t.w === 'pm')) visit('c:frequency', i - 1);
}

/** The grammar flags present in `text`. */
export function eachFlag(text: string, visit: (key: string) => void): void {
  for (const [key, re] of FLAGS) if (re.test(text)) visit(key);
}

/** Every feature of `text`, with the span it came from (for explanations and tests). */
export function features(text: string): Feature[] {
  const out: Feature[] = [];
  visitFeatures(text, (key, start, end) => out.push({ key, start, end }));
  return out;
}

/** True when a word of the class (for example "buyer": council, NHS trust, police force) occurs in `text`. */
export function hasConcept(name: string, text: string): boolean {
  const key = 'c:' + name;
  let found = false;
  visitConcepts(text, (k) => {
    if (k === key) found = true;
  });
  return found;
}

function visitConcepts(text: string, visit: (key: string) => void): void {
  const toks = tokenize(text);
  for (let i = 0; i < toks.length; i++) {
    for (const k of CONCEPT_INDEX.get(toks[i].w) ?? []) visit(k);
    if (i > 0) for (const k of CONCEPT_INDEX.get(toks[i - 1].w + ' ' + toks[i].w) ?? []) visit(k);
  }
}
