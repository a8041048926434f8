import { IMPROVEMENT_VERBS, VAGUE_TERMS } from '../data/vague';
import { add, covered, type Doc, sentenceAt, testSlice } from '../text/doc';

// One regex, one capture group per term, so a single pass finds every vague term and tells us which.
const VAGUE_RE = new RegExp(`\\b(?:${VAGUE_TERMS.map((t) => `(${t.term})`).join('|')})\\b`, 'gi');

/** Something in the sentence that makes the requirement measurable. */
const MEASURE_RE = new RegExp(
  [
    '\\d+(?:[.,]\\d+)?\\s*(?:%|per\\s*cent|percent|seconds?|secs?|ms|milliseconds?|minutes?|mins?|hours?|hrs?|working\\s+days?|business\\s+days?|days?|weeks?|months?|years?|km|miles?|metres?|mm|cm|kg|tonnes?|litres?|kwh|kw|mbps|gbps|decibels?|db|lux|°c|degrees|points?|out\\s+of|/\\s*\\d+|times|clicks|steps|attempts|users|requests|transactions|calls|visits|incidents|defects|errors|complaints|bar|pa|w/m|people|patients|residents|pupils|staff|cases|items|hours?|a\\.m\\.|am|pm)\\b',
    '\\d+(?:\\.\\d+)?\\s?%',
    '\\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|sixty|ninety)\\s+(?:seconds?|minutes?|hours?|working\\s+days?|days?|weeks?|months?|years?)\\b',
    '\\bwithin\\s+(?:\\d|one|two|three|four|five|ten|the\\s+(?:agreed|timescales?|times?|target|deadlines?|periods?|service\\s+levels?|SLA))',
    '\\bby\\s+(?:\\d|the\\s+end\\s+of|end\\s+of|(?:1st|31st|30th)|(?:January|February|March|April|May|June|July|August|September|October|November|December))',
    '\\b(?:no\\s+(?:later|more|fewer|less)\\s+than|at\\s+least|at\\s+most|a\\s+maximum\\s+of|a\\s+minimum\\s+of|not\\s+exceed(?:ing)?|greater\\s+than|less\\s+than|fewer\\s+than|more\\s+than|under|below|above)\\s+(?:\\d|one|two|three|four|five|ten|\\w+\\s+(?:of|per))',
    '\\bmeasur(?:ed|able|ing|es?)\\b',
    '\\bmeet(?:s|ing)?\\s+(?:the\\s+)?(?:[A-Z0-9][\\w-]*\\s+){0,3}(?:standard|regulations?|document|guidance|requirements?|code)',
    '\\bApproved\\s+Document\\b',
    '\\bBuilding\\s+Regulations\\b',
    '\\bas\\s+(?:assessed|defined|set\\s+out|specified|detailed|described|agreed\\s+in)\\b',
    '\\b(?:defined|specified|set\\s+out|detailed|listed|described)\\s+(?:in|at|by)\\s+(?:the\\s+)?(?:schedule|appendix|annex|section|table|service\\s+level|specification|KPI|attached|below|above|following)',
    '\\bKPIs?\\b',
    '\\bSLAs?\\b',
    '\\bservice\\s+levels?\\b',
    '\\btargets?\\b',
    '\\bbenchmark',
    '\\bscor(?:e|es|ed|ing)\\b',
    '\\bsurvey',
    '\\baudit',
    '\\btested\\b',
    '\\btesting\\b',
    '\\bbaseline\\b',
    '\\bWCAG\\b',
    '\\bISO\\b',
    '\\bBS\\s?(?:EN\\s?)?\\d',
    '\\bEN\\s?\\d',
    '\\bNCSC\\b',
    '\\bCyber\\s+Essentials\\b',
    '\\bCloud\\s+Security\\s+Principles\\b',
    '\\b(?:UK\\s+)?GDPR\\b',
    '\\bData\\s+Protection\\s+Act\\b',
    '\\bin\\s+(?:line|accordance|compliance)\\s+with\\s+(?:the\\s+)?[A-Z0-9]',
    '\\b(?:comply|complies|compliant)\\s+with\\s+(?:the\\s+)?[A-Z0-9]',
    '\\b(?:Act|Regulations|Order)\\s+\\d{4}\\b',
    // a certification scheme or an independent check is a measure ("FSC certified or equivalent evidence")
    '\\bcertified\\b',
    '\\bpass(?:es|ed)?\\s+(?:a|the)\\b',
    '\\brating\\s+of\\b',
    '\\bgrade\\s+[A-G1-9]\\b',
    '\\b(?:every|each)\\s+(?:day|week|month|quarter|year|working\\s+day)\\b',
    '\\b(?:daily|weekly|monthly|quarterly|annually|yearly|fortnightly)\\b',
    '\\b24\\s*/\\s*7\\b',
    '\\b\\d{1,2}(?::\\d{2})?\\s*(?:am|pm)\\b',
    '\\bzero\\b',
    '\\bno\\s+(?:more|less)\\b',
    '\\ball\\s+(?:\\w+\\s+){0,2}(?:within|by)\\b',
  ].join('|'),
  'i',
);

const OUTCOME_RE = new RegExp(
  `\\b(?:must|shall|will|should|to|aim\\s+to|aims\\s+to|help(?:s)?(?:\\s+to)?|seeks?\\s+to|expected\\s+to|able\\s+to|contribute\\s+to)\\s+(?:(?!be\\b|been\\b|not\\b)\\w+\\s+){0,2}?(?:${IMPROVEMENT_VERBS})\\b|\\b(?:an?\\s+|any\\s+)?(?:improvements?|reductions?|increases?|enhancements?)\\s+in\\b`,
  'gi',
);
const NEG_RE = /\b(?:not|no|never|without)\s+(?:\w+\s+){0,2}$/i;
const NEARBY = 100;
const NAMED_LAW_RE = /\b(?:Act|Regulations|Order)\s+\d{4}\b|\b(?:required\s+by\s+law|the\s+law\s+requires)\b/;

function measuredNear(doc: Doc, s: number, e: number): boolean {
  const [ss, se] = sentenceAt(doc, s);
  const from = Math.max(ss, s - NEARBY);
  const to = Math.min(se, e + NEARBY);
  return MEASURE_RE.test(doc.text.slice(from, to));
}

export function checkMeasure(doc: Doc): void {
  const text = doc.text;
  let m: RegExpExecArray | null;
  VAGUE_RE.lastIndex = 0;
  while ((m = VAGUE_RE.exec(text)) !== null) {
    if (m[0].length === 0) {
      VAGUE_RE.lastIndex++;
      continue;
    }
    const s = m.index;
    const e = s + m[0].length;
    let k = 1;
    while (k < m.length && m[k] === undefined) k++;
    const term = VAGUE_TERMS[k - 1];
    if (!term) continue;
    if (measuredNear(doc, s, e)) continue;
    // a legal term of art ("suitable and sufficient") takes its meaning from the law the sentence names
    if (testSlice(NAMED_LAW_RE, text, ...sentenceAt(doc, s))) continue;
    if (covered(doc, s, e)) continue;
    add(
      doc,
      'measure.vague-term',
      s,
      e,
      `"${m[0]}" is vague: bidders will read it differently and you cannot score or enforce it without a measure.`,
      term.suggestion,
    );
  }
  OUTCOME_RE.lastIndex = 0;
  while ((m = OUTCOME_RE.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    const [ss] = sentenceAt(doc, s);
    if (NEG_RE.test(text.slice(Math.max(ss, s - 20), s))) continue;
    if (measuredNear(doc, s, e)) continue;
    if (covered(doc, s, e, 'measure')) continue;
    add(
      doc,
      'measure.unmeasurable-outcome',
      s,
      e,
      `"${m[0]}" asks for an improvement without saying how much, by when, or how it will be measured.`,
      'Add a measurable target and baseline, for example "reduce missed collections from 120 to under 60 a month by March 2027, measured from the case system".',
    );
  }
}
