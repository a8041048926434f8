import {
  CERTIFICATION_SCHEMES,
  LEGAL_BASELINE_STANDARDS,
  LEGAL_REGISTRATIONS,
  NAMED_TECHNICAL_STANDARDS,
  NATIONAL_TO_INTERNATIONAL,
  QUALIFICATIONS,
} from '../data/standards';
import { add, covered, type Doc, hasEquivalence, refusesEquivalents, sentenceAt, testSlice } from '../text/doc';
import { alternation } from '../text/patterns';

// Cheap tests for whether a rule has anything to look for, compiled once rather than on every check.
const NATIONAL_TRIGGER = /\b(?:BS|PAS|OHSAS|DIN|ANSI|ASTM|NF|UNE|AS\/NZS|CSA)\s?\d/;

const STD_REF_RE =
  /\b(?:BS\s?EN\s?ISO(?:\/IEC)?|BS\s?ISO(?:\/IEC)?|BS\s?EN|BS\s?IEC|ISO\/IEC|ISO|IEC|BS|EN|PAS|CEN\/TS|CEN\/TR)\s?-?\s?\d{2,6}(?:[-–.]\d+)*(?:\s?:\s?\d{4}(?:\+A\d+(?::\d{4})?)?)?(?:\s+Part\s+\d+)?\b/g;
const CERT_RE = new RegExp(
  `(?<![\\w-])(?:${alternation(CERTIFICATION_SCHEMES)})(?!\\w|-(?!(?:registered|certified|accredited|approved|assessed|member)\\b))`,
  'g',
);
const QUAL_RE = new RegExp(`(?<![\\w-])(?:${alternation(QUALIFICATIONS)})(?![\\w-])`, 'g');
const LEGAL_REG_RE = new RegExp(`\\b(?:${alternation(LEGAL_REGISTRATIONS)})\\b`, 'gi');
const BASELINE_RE = new RegExp(`\\b(?:${alternation(LEGAL_BASELINE_STANDARDS)})(?![\\w])`, 'gi');
const NAMED_STD_RE = new RegExp(`(?<![\\w-])(?:${alternation(NAMED_TECHNICAL_STANDARDS)})(?![\\w-])`, 'g');
const NATIONAL: readonly { re: RegExp; international: string }[] = NATIONAL_TO_INTERNATIONAL.map((n) => ({
  re: new RegExp(`\\b${n.pattern}\\b`, 'g'),
  international: n.international,
}));

/** Certification, qualification and standard names all contain a capital after the first word, or a digit. */
const NAME_TRIGGER = /\s\S*[A-Z]|[A-Z]{2}|\d|[a-z][A-Z]/;
const CERT_CONTEXT_RE =
  /\b(?:certif\w*|accredit\w*|registered|registration|hold|holds|holding|holder|approved|approval|certificate|assessed|audited|member|membership|scheme)\b/i;
const LAW_RE =
  /\b(?:as\s+required\s+by\s+(?:law|legislation|statute|the\s+\w+\s+(?:Act|Regulations))|required\s+by\s+law|statutory|legally\s+required|legal\s+(?:requirement|duty|obligation)|by\s+law|under\s+the\s+[A-Z][\w\s]*\s(?:Act|Regulations)\b)/i;
const SOFT_RE =
  /\b(?:encouraged|optional|welcome[sd]?|not\s+(?:essential|required|mandatory)|desirable|nice\s+to\s+have|(?:do|does|will)\s+not\s+need|no\s+need)\b/i;
const NEGATION_BEFORE_RE = /\b(?:not|no|never|without|nor)\b[^.;]{0,30}$/i;

const GENERIC_QUAL_RES: readonly RegExp[] = [
  /\b(?:hold|holds|have|has|possess|possesses|obtain(?:ed)?|with)\s+(?:a\s+|an\s+|the\s+)?(?:current\s+|valid\s+|minimum\s+|recognised\s+|formal\s+)?(?:[\w/+&-]+\s+){0,4}?(?:qualification|qualifications|certificate|diploma|degree|chartership|chartered\s+status|professional\s+membership|accreditation|certification|licen[cs]e\s+to\s+practi[cs]e|licen[cs]e|card|passport|ticket|award)\b/gi,
  /\b(?:must|shall|should|will|to)\s+be\s+(?:a\s+)?chartered(?:\s+(?:member|fellow|engineers?|surveyors?|accountants?|architects?|builders?|managers?|planners?|environmentalists?|psychologists?|IT\s+professionals?))?\b|\bchartered\s+(?:status|membership)\b/gi,
  /\b(?:members?|membership|fellows?|fellowship)\s+of\s+(?:the\s+)?(?:Royal\s+|Chartered\s+|British\s+|National\s+)?(?:Institute|Institution|Association|Society|College|Federation|Guild|Academy)\s+(?:of|for)\s+[A-Z][\w&\s]{2,60}?(?=[,.;)]|\s+(?:or|and|with|by|before|at)\b|$)/g,
  /\b(?:accredited|certified|approved|recognised|registered|endorsed)\s+(?:by|with|under|to|through)\s+(?:the\s+)?(?:(?:[A-Z][\w&'’-]*|and|&|of|for)\s+){0,6}(?:Association|Institute|Institution|Society|College|Federation|Guild|Academy|Alliance|Scheme)\b(?:\s+(?:of|for)\s+(?:[A-Z][\w&'’-]*(?:\s+(?:and|&|of)\s+|\s+)?){1,5})?/g,
  /\b(?:members?|membership)\s+of\s+(?:the\s+)?(?:CIPS|CIPD|RICS|CIOB|RIBA|IET|ICE|BCS|APM|CMI|IOSH|IIRSM|CIH|RTPI|CIEEM|IEMA|CIWM|CILT|IRRV|CIPFA|ICAEW|ACCA|CIMA|BPS|BACP|UKCP|RCOT|CSP|RCSLT)\b/g,
  /\b(?:degree[- ](?:qualified|level\s+(?:qualification|education))|(?:hold|have|possess|with)\s+(?:a\s+|an\s+)?(?:relevant\s+|first\s+|good\s+|2:1\s+|upper\s+second\s+|university\s+|honours\s+|bachelor['’]?s\s+|master['’]?s\s+|postgraduate\s+)*(?:degree|master['’]?s(?:\s+degree)?|PhD|doctorate|MBA|MSc|BSc)\b|graduate[- ]level\s+(?:qualification|education))/gi,
];

function lawful(doc: Doc, s: number, e: number): boolean {
  const [ss, se] = sentenceAt(doc, s);
  const sentence = doc.text.slice(ss, se);
  if (LAW_RE.test(sentence)) return true;
  LEGAL_REG_RE.lastIndex = ss;
  let m: RegExpExecArray | null;
  while ((m = LEGAL_REG_RE.exec(doc.text)) !== null && m.index < se) {
    if (m.index < e + 40 && m.index + m[0].length > s - 40) return true;
  }
  return false;
}

function soft(doc: Doc, s: number): boolean {
  const [ss, se] = sentenceAt(doc, s);
  return SOFT_RE.test(doc.text.slice(ss, se)) || testSlice(NEGATION_BEFORE_RE, doc.text, Math.max(ss, s - 35), s);
}

export function checkStandard(doc: Doc): void {
  const text = doc.text;
  let m: RegExpExecArray | null;

  // national standards where an international one exists
  if (NATIONAL_TRIGGER.test(text)) {
    for (const n of NATIONAL) {
      n.re.lastIndex = 0;
      while ((m = n.re.exec(text)) !== null) {
        const s = m.index;
        const e = s + m[0].length;
        if (hasEquivalence(doc, s)) continue;
        add(
          doc,
          'standard.national-standard',
          s,
          e,
          `"${m[0]}" is a national (or withdrawn) standard; the international standard ${n.international} covers the same ground.`,
          `Cite ${n.international} instead, followed by "or equivalent".`,
        );
      }
    }
  }

  // legal baselines (info)
  BASELINE_RE.lastIndex = 0;
  while ((m = BASELINE_RE.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (m[0].length < 3 || covered(doc, s, e, 'standard')) continue;
    if (hasEquivalence(doc, s)) continue;
    add(
      doc,
      'standard.legal-baseline',
      s,
      e,
      `"${m[0]}" reflects a legal or mandated baseline, so citing it is fine.`,
      `Adding "or equivalent" after "${m[0]}" costs nothing and avoids challenge.`,
    );
  }

  // numbered standards
  STD_REF_RE.lastIndex = 0;
  while ((m = STD_REF_RE.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (covered(doc, s, e, 'standard')) continue;
    const refusal = refusesEquivalents(doc, s);
    if (!refusal && hasEquivalence(doc, s)) continue;
    if (lawful(doc, s, e)) continue;
    const [ss, se] = sentenceAt(doc, s);
    if (SOFT_RE.test(text.slice(ss, se))) continue;
    if (CERT_CONTEXT_RE.test(text.slice(ss, se))) {
      add(
        doc,
        'standard.certification',
        s,
        e,
        `Certification to "${m[0]}" is demanded without accepting equivalents. Suppliers who meet the standard but are certified differently, or can show it another way, are shut out.`,
        `Write "certified to ${m[0]} or equivalent, or other evidence that the supplier meets the standard (for example its own documented procedures)".`,
      );
    } else {
      add(doc, 'standard.no-equivalent', s, e, `"${m[0]}" is cited without "or equivalent".`, `Write "${m[0]} or equivalent".`);
    }
  }

  const hasNames = NAME_TRIGGER.test(text);
  // certification schemes
  CERT_RE.lastIndex = hasNames ? 0 : text.length;
  while ((m = CERT_RE.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (covered(doc, s, e, 'standard')) continue;
    const refusal = refusesEquivalents(doc, s);
    if (!refusal && hasEquivalence(doc, s)) continue;
    if (soft(doc, s) || lawful(doc, s, e)) continue;
    add(
      doc,
      'standard.certification',
      s,
      e,
      `"${m[0]}" is demanded without accepting equivalents. Membership of one scheme is not the only way to show a supplier meets the standard behind it.`,
      `Write "${m[0]} or equivalent", and say what other evidence you will accept (for example an independent assessment against the same standard).`,
    );
  }

  // named qualifications
  QUAL_RE.lastIndex = hasNames ? 0 : text.length;
  while ((m = QUAL_RE.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (covered(doc, s, e, 'standard')) continue;
    if (hasEquivalence(doc, s) || soft(doc, s) || lawful(doc, s, e)) continue;
    add(
      doc,
      'standard.qualification',
      s,
      e,
      `The qualification "${m[0]}" is demanded without accepting equivalents, which excludes people qualified elsewhere or by experience.`,
      `Write "${m[0]} or equivalent qualification or experience", or describe the competence you need.`,
    );
  }

  // generic qualification and membership demands
  if (
    /qualif|certific|diploma|degree|chartered|member|fellow|accredit|graduate|phd|doctorate|mba|msc|bsc|licen[cs]e|card|passport|ticket|award|approved|recognised|endorsed|registered/i.test(
      text,
    )
  ) {
    for (const re of GENERIC_QUAL_RES) {
      re.lastIndex = 0;
      while ((m = re.exec(text)) !== null) {
        const s = m.index;
        const e = s + m[0].length;
        if (covered(doc, s, e, 'standard')) continue;
        const [ss] = sentenceAt(doc, s);
        // only named or levelled qualifications, not "a relevant qualification"
        if (re === GENERIC_QUAL_RES[0]) {
          const body = m[0];
          const named =
            /\s[A-Z][\w&+-]*/.test(body.slice(1)) || /level\s+\d|degree|master|phd|doctorate|chartered|nvq|diploma\s+in/i.test(body);
          if (!named) continue;
          if (/\b(?:ISO|BS|EN|IEC|PAS)\b/.test(body)) continue;
        }
        if (hasEquivalence(doc, s) || soft(doc, s) || lawful(doc, s, e)) continue;
        if (s - ss > 0 && /\b(?:supplier|we|the\s+council|the\s+trust)\s+will\s+(?:provide|issue|award)\b/i.test(text.slice(ss, s)))
          continue;
        add(
          doc,
          'standard.qualification',
          s,
          e,
          `"${m[0].trim()}" demands a particular qualification or membership without accepting equivalents.`,
          'Describe the competence you need and accept equivalent qualifications, memberships or experience.',
        );
      }
    }
  }

  // named technical standards (FHIR, DICOM, COBie …)
  NAMED_STD_RE.lastIndex = hasNames ? 0 : text.length;
  while ((m = NAMED_STD_RE.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    if (covered(doc, s, e, 'standard')) continue;
    if (hasEquivalence(doc, s) || soft(doc, s) || lawful(doc, s, e)) continue;
    add(
      doc,
      'standard.no-equivalent',
      s,
      e,
      `"${m[0]}" is a named technical standard cited without "or equivalent".`,
      `Write "${m[0]} or an equivalent open standard".`,
    );
  }
}
