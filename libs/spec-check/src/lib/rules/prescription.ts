import { add, clauseAt, covered, type Doc, hasEquivalence, testSlice } from '../text/doc';
import { oneOf, pattern } from '../text/patterns';
import type { RuleId } from '../types';

// Cheap tests for whether a rule has anything to look for, compiled once rather than on every check.
const OBLIGATION_TRIGGER = /\b(?:must|shall|will|required|expected|obliged|needs?\s+to|ha(?:s|ve)\s+to|(?:is|are)\s+to)\b/;

/**
 * Prescription by grammar: a requirement that says HOW rather than WHAT, found from the clause's structure
 * rather than from names. The shape is
 *
 *     MODAL  (be)?  IMPLEMENTATION-VERB  (object, a few words)?  INSTRUMENT-MARKER  MEANS
 *     "Records shall   be held              —                     in               a relational database"
 *     "Cleaning must   be done              —                     with             microfibre cloths"
 *     "The service will be delivered        —                     as               a mobile app"
 *
 * or a design noun phrase as the complement of "must be" ("The portal must be a three-step wizard").
 * The MEANS must be a thing the supplier would otherwise choose (a design, a data store, a channel, a piece of
 * equipment, a working practice); an outcome, a standard, the buyer's own system or the supplier's own choice
 * is not a means. The span is the HOW (the marker and the means), never the modal.
 *
 * Exceptions, each narrow to its clause: "or equivalent"; the how given only as an example ("for example",
 * "such as", "could"); a stated interoperability need (the buyer's existing system); a legal duty.
 */

const r = String.raw;

/** Obligation words. "should", "may" and "could" are left out: they do not mandate the how. */
const MODAL = oneOf(
  'must',
  'shall',
  'will',
  r`(?:is|are)\s+(?:required\s+|expected\s+|obliged\s+)?to`,
  r`needs?\s+to`,
  r`(?:has|have)\s+to`,
);

/** Verbs of implementing, as past participles (after "be") … */
const PARTICIPLE = oneOf(
  // making and building
  'built',
  'developed',
  'designed',
  'implemented',
  'written',
  'coded',
  'structured',
  'configured',
  'produced',
  'made',
  // delivering and running
  'delivered',
  'provided',
  'supplied',
  'run',
  'operated',
  'hosted',
  'managed',
  'staffed',
  'resourced',
  // keeping information
  'held',
  'stored',
  'kept',
  'recorded',
  'captured',
  'logged',
  'maintained',
  'collected',
  'submitted',
  'presented',
  'reported',
  // doing the work
  'done',
  r`carried\s+out`,
  'performed',
  'undertaken',
  'completed',
  'cleaned',
  'washed',
  'wiped',
  'applied',
  'cooked',
  'prepared',
  'transported',
  'taught',
  'trained',
  'assessed',
  'communicated',
  'contacted',
  'booked',
  'processed',
  'handled',
  'answered',
  'cut',
  'mown',
  'laundered',
  'printed',
  'sent',
  'issued',
  'distributed',
  'translated',
  'secured',
  'monitored',
  'checked',
  'inspected',
  'scheduled',
);
/** … and in the active voice. */
const ACTIVE = oneOf(
  'build',
  'develop',
  'design',
  'implement',
  'deliver',
  'provide',
  'supply',
  'run',
  'operate',
  'host',
  'manage',
  'hold',
  'store',
  'keep',
  'record',
  'capture',
  'maintain',
  'collect',
  'do',
  r`carry\s+out`,
  'perform',
  'undertake',
  'complete',
  'clean',
  'cook',
  'prepare',
  'transport',
  'teach',
  'train',
  'assess',
  'communicate\\s+with',
  'contact',
  'report',
  'process',
  'handle',
  'answer',
  'cut',
  'send',
  'issue',
  'distribute',
  'monitor',
  'check',
  'inspect',
  'schedule',
  'take',
);

/** The obligation and its verb; the clause's object follows (up to six words, no punctuation). */
const OBLIGATION_RE = pattern(
  'gi',
  r`\b`,
  MODAL,
  r`\s+(?:also\s+|only\s+|always\s+)?(?:`,
  r`be\s+(?:\w+ly\s+)?`,
  PARTICIPLE,
  '|',
  ACTIVE,
  r`)\b`,
);

/** What introduces the how: an instrument or manner phrase. */
const MARKER = oneOf(
  r`by\s+means\s+of`,
  r`in\s+the\s+form\s+of`,
  // "must take the form of"
  r`the\s+form\s+of`,
  r`(?:by\s+)?using`,
  r`with\s+the\s+use\s+of`,
  'through',
  'via',
  r`based\s+on`,
  r`built\s+(?:as|on)`,
  r`delivered\s+as`,
  'as',
  r`held\s+in`,
  r`stored\s+(?:in|on)`,
  r`kept\s+(?:in|on)`,
  'in',
  'on',
  'with',
  'by',
);
const MARKER_RE = pattern('i', r`^(?:\s+[\w'’-]+){0,6}?\s+(`, MARKER, r`)\s+`);
/**
 * Markers that introduce an instrument whatever follows ("using", "by means of", "in the form of"): the grammar
 * alone says this is the how. The others ("through", "in", "with", "as"…) also introduce places, times and
 * partners, so they count only before a means noun (MEANS_GROUPS).
 */
const STRONG_MARKER_RE = /^(?:by\s+means\s+of|(?:in\s+)?the\s+form\s+of|built\s+as|delivered\s+as|(?:by\s+)?using|with\s+the\s+use\s+of)$/i;
/** After a strong marker, these are not a means the supplier would choose: a standard, a format, a language, evidence. */
const NOT_MEANS_RE =
  /\b(?:standards?|formats?|languages?|English|Welsh|templates?|evidence|data|information|guidance|best\s+practice|principles|criteria|feedback|results?|outcomes?|needs|plain|clear|accessible|agreed|approved|qualified|trained|competent|vetted|licensed|registered|accredited|certified|appropriate|suitable|(?:its|their)\s+own|the\s+following|attached|specified\s+in)\b/i;

/** The means: the noun phrase after the marker, up to a clause break, "so that", "to …", "and", punctuation. */
const MEANS_RE =
  /^((?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,5}?[\w'’-]+)(?=\s*(?:[.,;:()]|$|\s+(?:so|to|and|or|for|that|which|who|where|when|because|before|after|within|by|at|on|in|with|from|each|every|per)\b))/i;

/** A means the supplier would otherwise choose, grouped by what the outcome behind it usually is. */
interface MeansGroup {
  rule: RuleId;
  re: RegExp;
  what: string;
  suggestion: string;
}
const g = (rule: RuleId, words: readonly string[], what: string, suggestion: string): MeansGroup => ({
  rule,
  re: new RegExp(`\\b${oneOf(...words)}\\b`, 'i'),
  what,
  suggestion,
});
const MEANS_GROUPS: readonly MeansGroup[] = [
  g(
    'solution.prescribed-design',
    [
      // screens and software forms
      r`(?:\w+[- ]step\s+)?wizards?`,
      r`(?:mobile|native|web|smartphone|desktop)\s+(?:app|apps|application|applications)`,
      r`apps?`,
      r`chat\s?bots?`,
      r`web\s+forms?`,
      r`online\s+forms?`,
      r`single[- ]page\s+applications?`,
      r`drop[- ]down\s+(?:menus?|lists?)`,
      r`kiosks?`,
      r`touch\s?screens?`,
      r`dashboards?`,
      // data stores
      r`(?:relational|SQL|NoSQL|graph|central|single|shared)\s+databases?`,
      r`databases?`,
      r`data\s+(?:warehouse|lake)s?`,
      r`spreadsheets?`,
      r`(?:paper|hard[- ]copy)\s+(?:files?|records?|forms?|folders?)`,
      r`filing\s+cabinets?`,
      r`(?:a\s+)?(?:single|dedicated|physical|on[- ]premises|local)\s+servers?`,
      r`servers?`,
      r`mainframes?`,
      r`blockchain`,
      r`microservices?`,
      r`(?:artificial\s+intelligence|machine\s+learning|robotic\s+process\s+automation|RPA)`,
    ],
    'the design or technology',
    'State what users must be able to do and how well (for example "90% of applicants complete the form unaided at the first attempt", or "records can be found, reported on and exported in an open format within 2 seconds"), and let suppliers propose the design.',
  ),
  g(
    'method.prescribed-means',
    [
      // equipment, materials and vehicles
      r`microfib(?:re|er)\s+(?:cloths?|mops?)`,
      r`(?:cloths?|mops?|buckets?|brushes|steam\s+cleaners?|pressure\s+washers?|scrubber[- ]dryers?|vacuum\s+cleaners?|chemicals?|bleach|disinfectant)`,
      r`(?:hand[- ]held|handheld)\s+(?:devices?|terminals?|scanners?)`,
      r`(?:barcode|RFID)\s+(?:scanners?|tags?|readers?)`,
      r`(?:tablets?|laptops?|smartphones?|pagers?|radios?|two[- ]way\s+radios?|clipboards?)`,
      r`(?:electric|diesel|petrol|liveried)\s+(?:vans?|vehicles?|cars?|buses?|minibuses?)`,
      r`(?:vans?|minibuses?|coaches|taxis?|bicycles?|cargo\s+bikes?|drones?)`,
      r`cook[- ](?:chill|freeze)`,
      r`(?:batch|fresh)\s+cooking`,
      // channels and working practices
      r`(?:face[- ]to[- ]face|in[- ]person|classroom|one[- ]to[- ]one|group)\s+(?:sessions?|meetings?|training|visits?|teaching)`,
      r`(?:daily|weekly|fortnightly|monthly)\s+(?:stand[- ]?ups?|meetings?|calls?|huddles?|visits?)`,
      r`stand[- ]?ups?`,
      r`(?:e-?learning|webinars?|workshops?|home\s+visits?|site\s+visits?|telephone\s+calls?|phone\s+calls?|letters?|text\s+messages?|SMS|email)`,
      r`(?:telephone|phone|post|fax|video\s+calls?)`,
      r`(?:paper\s+)?timesheets?`,
      r`clocking[- ]in`,
      r`(?:manual|paper[- ]based|manual\s+counts?|hand[- ]written)\s*\w*`,
      // who does it
      r`(?:agency|directly[- ]employed|in[- ]house|full[- ]time|salaried|sub-?contracted)\s+(?:staff|workers|employees|teams?|personnel)`,
      r`sub-?contractors?`,
      r`volunteers?`,
    ],
    'how the work is done',
    'State the result the method was meant to secure and how it will be checked (for example "surfaces visibly clean, checked by monthly audit", "progress against milestones reported weekly"), and let suppliers propose how to achieve it.',
  ),
];

/** The how is offered as an example, or left to the supplier: not a prescription. */
const EXAMPLE_OR_CHOICE_RE =
  /\b(?:for\s+example|for\s+instance|such\s+as|e\.g\.?|eg|could|might|may|can|if\s+(?:the\s+supplier|they|it)\s+(?:wish|choose|prefer)s?|of\s+(?:its|their|the\s+supplier['’]s)\s+(?:own\s+)?choice|(?:its|their)\s+own|the\s+supplier['’]s\s+(?:own|chosen|proposed)|any\s+(?:suitable|appropriate)|whichever|proposed\s+by\s+the\s+supplier|suppliers?\s+(?:to\s+)?propose)\b/i;
/** The means is the buyer's own existing system or channel, named so the service works with it. */
const BUYERS_OWN_RE =
  /^(?:our|the\s+(?:council|trust|authority|department|buyer|client|customer|school|university|board|organisation|ministry|agency)['’]s|(?:the\s+|our\s+)?(?:existing|current|incumbent|legacy))\b/i;
/** The means is a form or template the buyer supplies ("using the form in Annex B", "the template provided"). */
const BUYERS_DOCUMENT_RE =
  /^\s*(?:in|at|from|set\s+out\s+in)?\s*(?:Annex|Schedule|Appendix|Part|Section)\b|^\s*(?:we\s+)?(?:provided|attached|supplied|issued)\b/;
/** A stated interoperability need: the how follows from a system the buyer already runs. */
const INTEROP_RE =
  /\b(?:interoperab\w*|integrat\w*|compatib\w*|interfac\w*|(?:existing|current|legacy)\s+[\w-]+|already\s+(?:use|uses|used|run|runs|own)|so\s+that\s+it\s+(?:works|links|connects))\b/i;
/** A legal duty: the means is required by law, not chosen by the buyer. */
const LEGAL_RE =
  /\b(?:as\s+required\s+by|required\s+by\s+law|by\s+law|statutory|legally\s+required|legal\s+(?:duty|requirement)|in\s+accordance\s+with\s+(?:the\s+)?[A-Z][\w\s]{0,50}(?:Act|Regulations|Order)|under\s+(?:the\s+)?[A-Z][\w\s]{0,50}(?:Act|Regulations|Order)|(?:Act|Regulations)\s+\d{4})\b/;

/** "At least 90% of residents … must complete an application on a mobile phone": the outcome is the measure. */
const SHARE_SUBJECT_RE =
  /^\s*(?:at\s+least|more\s+than|fewer\s+than|no\s+more\s+than|over|under|up\s+to)?\s*\d+(?:\.\d+)?\s?(?:%|per\s+cent)\s+of\b/i;

/** "The portal must be a three-step wizard": a design noun as the complement of "must be". */
const COPULA_DESIGN_RE = pattern('gi', r`\b`, MODAL, r`\s+be\s+(?=(?:an?|the)\s+)`);

export function checkPrescription(doc: Doc): void {
  const lower = doc.lower;
  if (!OBLIGATION_TRIGGER.test(lower)) return;
  const text = doc.text;
  let m: RegExpExecArray | null;
  OBLIGATION_RE.lastIndex = 0;
  while ((m = OBLIGATION_RE.exec(text)) !== null) {
    const verbEnd = m.index + m[0].length;
    const [, ce] = clauseAt(doc, m.index);
    // try each instrument or manner phrase in the clause after the verb, nearest first ("cooked on site using …")
    let from = verbEnd;
    const limit = Math.min(ce, verbEnd + 120);
    while (from < limit) {
      const mk = MARKER_RE.exec(text.slice(from, limit));
      if (!mk) break;
      const markerStart = from + mk[0].trimEnd().length - mk[1].length;
      const meansStart = from + mk[0].length;
      const means = MEANS_RE.exec(text.slice(meansStart, Math.min(ce, meansStart + 80)));
      if (means && flag(doc, m.index, markerStart, meansStart, meansStart + means[1].length, mk[1])) break;
      from = markerStart + mk[1].length;
    }
  }
  COPULA_DESIGN_RE.lastIndex = 0;
  while ((m = COPULA_DESIGN_RE.exec(text)) !== null) {
    const at = m.index + m[0].length;
    const [, ce] = clauseAt(doc, m.index);
    const means = MEANS_RE.exec(text.slice(at, Math.min(ce, at + 80)));
    if (!means) continue;
    flag(doc, m.index, at, at, at + means[1].length, 'be', true);
  }
}

/** Records the finding when the means qualifies and no exception applies; true when the clause is settled. */
function flag(
  doc: Doc,
  clauseFrom: number,
  spanStart: number,
  meansStart: number,
  meansEnd: number,
  marker: string,
  designOnly = false,
): boolean {
  const text = doc.text;
  const means = text.slice(meansStart, meansEnd);
  if (BUYERS_OWN_RE.test(means) || testSlice(BUYERS_DOCUMENT_RE, text, meansEnd, meansEnd + 40)) return true;
  const group = MEANS_GROUPS.find((x) => x.re.test(means));
  const strong = STRONG_MARKER_RE.test(marker) && !NOT_MEANS_RE.test(means);
  if (!group && (designOnly || !strong)) return false;
  if (designOnly && group?.rule !== 'solution.prescribed-design') return false;
  const rule: RuleId = group?.rule ?? 'method.prescribed-means';
  const [cs, ce] = clauseAt(doc, clauseFrom);
  if (testSlice(EXAMPLE_OR_CHOICE_RE, text, cs, ce)) return true;
  // a measured outcome whose subject is the share of users or cases: the how is the test condition, not a mandate
  if (testSlice(SHARE_SUBJECT_RE, text, cs, ce)) return true;
  if (hasEquivalence(doc, spanStart)) return true;
  if (testSlice(LEGAL_RE, text, cs, ce)) return true;
  if (testSlice(INTEROP_RE, text, cs, ce)) return true;
  // another rule already explains this how (a brand, a named technology, a methodology, a frequency)
  if (covered(doc, spanStart, meansEnd)) return true;
  const how = text.slice(spanStart, meansEnd);
  add(
    doc,
    rule,
    spanStart,
    meansEnd,
    `"${how}" tells the supplier ${group ? group.what : 'how to do the work'} rather than the result you need. That rules out other ways that might work as well or better.`,
    group ? group.suggestion : MEANS_GROUPS[1].suggestion,
  );
  return true;
}
