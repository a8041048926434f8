import { BRAND_GROUPS, type BrandSector, GENERICISED_TRADE_MARKS } from '../data/brands';
import { FRAMEWORKS, LANGUAGES, DATABASES, PLATFORMS } from '../data/technologies';
import {
  add,
  covered,
  type Doc,
  hasEquivalence,
  isExample,
  isInteroperability,
  isSentenceInitial,
  refusesEquivalents,
  sentenceAt,
  testSlice,
  trimSpan,
} from '../text/doc';
import { Lexicon } from '../text/lexicon';
import { nounPhraseEnd } from '../text/noun-phrase';

// Cheap tests for whether a rule has anything to look for, compiled once rather than on every check.
const BY_CAPITAL_TRIGGER = /\bby\s+[A-Z]/;
const COMPANY_TRIGGER = /\b(?:Ltd|Limited|plc|PLC|Inc|LLP|GmbH|Corp)\b/;

// ── dictionaries (built once) ───────────────────────────────────────────
const BRANDS = new Lexicon<BrandSector>();
for (const g of BRAND_GROUPS) BRANDS.addAll(g.names, g.sector);

const GENERIC = new Lexicon<string>();
for (const g of GENERICISED_TRADE_MARKS) GENERIC.add(g.mark, g.generic);

/** Exposed for tests and for the README's statistics. */
export const brandLexiconSize = (): number => BRANDS.size;
export const matchBrands = (doc: Doc): string[] => {
  const out: string[] = [];
  BRANDS.scan(doc, (e) => out.push(e.display));
  return out;
};

const SECTOR_HINT: Record<BrandSector, string> = {
  it: 'for example processor performance, memory, battery life, or the functions the software must provide',
  clinical: 'for example the clinical function, accuracy, compatibility with consumables and infection-control needs',
  'social-care': 'for example the case-recording functions, reports and data exchange you need',
  facilities: 'for example the performance, capacity, noise level or energy use',
  construction: 'for example fire rating, thermal performance (U-value), load, durability or finish',
  vehicles: 'for example payload, range, seating, emissions and running cost',
  office: 'for example speed, volume, features and cost per page or per unit',
  catering: 'for example the type, quality, nutrition or sourcing standard',
  workwear: 'for example the protection class and standard, sizes and durability',
  telecoms: 'for example coverage, speed, availability and support',
};

// ── heuristics for names not in the dictionary ─────────────────────────
const TM_RE = /([A-Z][\w-]*(?:\s+[A-Z0-9][\w-]*){0,3})\s?[™®]/g;
const CAMEL_RE = /(?<![@#/.\w])(?:[A-Z]?[a-z]{2,}[A-Z][a-z]{2,}[A-Za-z0-9]*|i[A-Z][a-z]{2,}[A-Za-z0-9]*)\b/g;
const CAMEL_OK = new Set(
  [
    'DevOps',
    'DevSecOps',
    'FinOps',
    'MLOps',
    'DataOps',
    'GovTech',
    'EdTech',
    'FinTech',
    'PropTech',
    'HealthTech',
    'CleanTech',
    'MedTech',
    'LegalTech',
    'RegTech',
    'InsurTech',
    'JavaScript',
    'TypeScript',
    'PowerShell',
    'PostgreSQL',
    'MySQL',
    'NoSQL',
    'WebAssembly',
    'OpenShift',
    'GraphQL',
    'FastAPI',
    'CityGML',
    'LoRaWAN',
    'BACnet',
    'GitOps',
    'SecOps',
    'NetZero',
    'CareCert',
    'ReSPECT',
    'SafeLives',
    'SureStart',
    'StepChange',
    'JobCentre',
    'JobCentrePlus',
    'NatWest',
    'PayPoint',
    'WiFi',
    'ePortfolio',
  ].map((s) => s.toLowerCase()),
);
for (const list of [LANGUAGES, FRAMEWORKS, DATABASES, PLATFORMS]) {
  for (const t of list) CAMEL_OK.add(t.replace(/^\^/, '').toLowerCase());
}

const MODEL_RE =
  /\b([A-Z][a-z][a-zA-Z]*(?:[ -][A-Z][a-zA-Z]+){0,2})[ -]((?=[A-Za-z-]*\d)(?=\w*[A-Za-z])[A-Z0-9][A-Za-z0-9-]*\d[A-Za-z0-9-]*|[A-Z][A-Za-z]?\d{1,4}[A-Za-z]?|\d{3,5}[A-Za-z]{0,3})\b(?!\s\d[A-Z]{2}\b)/g;
const MODEL_NOUN_EXCLUDE = new Set(
  `band level grade key stage phase part section schedule appendix annex annexe table figure lot lots year years tier category cat class type
  zone ward floor room block unit units building site sites area route priority severity sev option article articles regulation regulations reg clause
  paragraph para step wave release version sprint day week month quarter covid euro bluetooth act order rule rules page pages chapter item
  items form forms practice acop guide guidance flat plot house road street junction platform gate bay bed theatre lab station depot vehicle vehicles question questions
  criterion criteria standard standards requirement requirements task tasks pack package packages stage stages module modules scene cohort
  grade service services team teams group groups region district patch workstream objective objectives outcome outcomes milestone milestones
  deliverable deliverables figure annual monday tuesday wednesday thursday friday saturday sunday january february march april may june july
  august september october november december cyber wifi wi-fi windows office ipv usb hdmi tls ssl html sha aes bs iso note notes box size sizes
  model models mark mk series gen generation number no pay scale spine point grade. nhs ppn form map maps sheet sheets drawing drawings
  revision rev issue issues appendices enclosure annexes core foundation reception nursery primary secondary sixth schedule. position
  lane lanes channel channels postcode postcodes`.split(/\s+/),
);

const PRODUCER_BY_RE =
  /\b(?:manufactured|made|produced|supplied|sourced|built|designed|distributed|developed)\s+(?:exclusively\s+|only\s+|solely\s+)?by\s+([A-Z][\w&'’-]*(?:\s+(?:&\s+)?[A-Z][\w&'’-]*){0,3})/g;
const COMPANY_RE =
  /\b([A-Z][\w&'’-]*(?:\s+(?:&\s+)?[A-Z][\w&'’-]*){0,3})\s+(?:Ltd|Limited|plc|PLC|Inc|LLP|GmbH|Corp(?:oration)?|AG|BV|Pty)\b\.?/g;
const ORG_WORDS =
  /^(?:The|NHS|HM|His|Her|Crown|Council|County|Borough|City|Government|Department|Ministry|Home|Cabinet|Trust|Authority|Board|Agency|Office|Service|Commission|National|Local|Royal|University|College|School|Integrated|Combined|Greater|Public|Health|Social|Police|Fire|Transport|Highways|Network|Environment|Historic|Natural|Care|Ofsted|Buyer|Contracting|Customer|Client|Supplier|Contractor|Provider|Bidder|Tenderer|Applicant|Purchaser|Employer|Consultant|Parties|Party)\b/;

const PROPRIETARY_RE =
  /\bpatent(?:ed|s)?\b(?!\s+ductus)|\bproprietary\s+(?!information|data\b|rights|knowledge|interests?|formats?\b|lock)[a-z]+|\bsame\s+(?:make|manufacturer|brand|model|make\s+and\s+model|supplier)\s+as\b|\bmatch(?:es|ing)?\s+(?:the\s+)?existing\s+(?:make|brand|manufacturer|model)\b|\b(?:brand|make\s+and\s+model|manufacturer)\s+(?:must|shall|will)\s+be\b|\bbrand[- ]name\b|\b[A-Z][\w-]*[- ]branded\b|\bsole\s+(?:supplier|source|distributor|manufacturer)\b/g;
const NEGATION_BEFORE_RE = /\b(?:not|no|never|avoid|without|free\s+(?:from|of)|non|nor|rather\s+than|instead\s+of)\b[^.;]{0,25}$/i;

const ORIGIN_RES: readonly RegExp[] = [
  /\b(?:British|UK|English|Welsh|Scottish|Irish|European|EU|Italian|German|French|Spanish|Chinese|Indian|American|Japanese|locally|local|home)[- ](?:made|manufactured|produced|sourced|grown|built|reared|farmed|caught|milled|quarried|assembled)\b/gi,
  /\b(?:made|manufactured|produced|sourced|grown|built|assembled|reared|farmed|quarried|fabricated|milled|originate|originates|originating)\s+(?:only\s+|exclusively\s+|entirely\s+|wholly\s+|solely\s+)?(?:in|within|from)\s+(?:the\s+)?(?:UK|United\s+Kingdom|Britain|Great\s+Britain|England|Wales|Scotland|Northern\s+Ireland|Europe|EU|European\s+Union|(?:the\s+)?local\s+area|the\s+county|the\s+region|[A-Z][a-z]{2,}(?:shire)?)\b/g,
  /\b(?:Welsh|Cornish|Portland|Yorkshire|Cumbrian|Scottish|Italian|Carrara|Spanish|Chinese|Indian|Brazilian|Belgian|Staffordshire|Aberdeen|Purbeck|Caithness|Westmorland|Burlington|Delabole|Bath|Kentish|Cotswold)\s+(?:slate|stone|granite|marble|limestone|sandstone|blue\s+bricks?|bricks?|oak|timber|flagstones?|setts|beef|lamb|pork|cheese|steel|wool|ragstone)\b/g,
  /\b(?:of|with)\s+(?:British|UK|Welsh|Scottish|English)\s+origin\b|\bcountry\s+of\s+origin\s+(?:must|shall)\s+be\b/gi,
];

function extendModel(text: string, end: number): number {
  const m = /^[ -]((?=[A-Za-z-]*\d)[A-Za-z0-9-]{1,12}|[A-Z][a-z]+\s\d{1,4}[A-Za-z]?)\b/.exec(text.slice(end, end + 20));
  return m ? end + m[0].length : end;
}

export function checkBrand(doc: Doc): void {
  const text = doc.text;

  GENERIC.scan(doc, (entry, s, e) => {
    if (hasEquivalence(doc, s) || isExample(doc, s)) return;
    add(
      doc,
      'brand.genericised-trade-mark',
      s,
      e,
      `"${text.slice(s, e)}" is a trade mark, even though it is often used as an everyday word. Suppliers may read it as a demand for that brand.`,
      `Use the generic term: "${entry.data}".`,
    );
  });

  BRANDS.scan(doc, (entry, s, e) => {
    if (covered(doc, s, e, 'brand')) return;
    const name = text.slice(s, e);
    // the span covers the whole noun phrase ("Apple iPads", "Dyson Airblade hand dryers") so the fix reads well
    const end = nounPhraseEnd(text, extendModel(text, e));
    const refusal = refusesEquivalents(doc, s);
    if (refusal) {
      add(
        doc,
        'brand.equivalents-refused',
        s,
        end,
        `"${name}" is named and equivalents are refused ("${refusal[0]}"). That excludes every other supplier.`,
        `Remove the refusal and write "${name} or equivalent", or describe the performance you need (${SECTOR_HINT[entry.data]}). If you must have this exact product (for example, to work with equipment you already own), record that as a justification.`,
      );
      return;
    }
    if (hasEquivalence(doc, s) || isExample(doc, s)) return;
    if (isInteroperability(doc, s, e)) {
      add(
        doc,
        'brand.existing-system',
        s,
        end,
        `"${name}" appears to be named because you already use it. That is usually fine, as long as suppliers are asked to work with it rather than to supply it.`,
        `Make the need explicit, for example "must exchange data with our existing ${name} system using its published interfaces", and record the reason as a justification.`,
      );
      return;
    }
    add(
      doc,
      'brand.named-product',
      s,
      end,
      `"${text.slice(s, end)}" is a brand or product name. Naming it without "or equivalent" excludes suppliers who offer something different that would do the job.`,
      `Describe what it must do (${SECTOR_HINT[entry.data]}), or write "${text.slice(s, end)} or equivalent".`,
    );
  });

  productLikeNames(doc);
  producers(doc);
  proprietary(doc);
  placeOfOrigin(doc);
}

function productLikeNames(doc: Doc): void {
  const text = doc.text;
  let m: RegExpExecArray | null;

  if (text.indexOf('™') >= 0 || text.indexOf('®') >= 0) {
    TM_RE.lastIndex = 0;
    while ((m = TM_RE.exec(text)) !== null) {
      const s = m.index;
      const e = s + m[1].length;
      if (covered(doc, s, e + 1, 'brand') || covered(doc, s, e + 1, 'standard') || hasEquivalence(doc, s) || isExample(doc, s)) continue;
      add(
        doc,
        'brand.product-like-name',
        s,
        e + (m[0].length - m[1].length),
        `"${m[1]}" carries a trade mark symbol, so it names one supplier's product.`,
        `Describe the performance or function you need, or write "${m[1]} or equivalent".`,
      );
    }
  }

  // Both patterns need something most requirements lack: a lower-case letter followed by a capital ("ShiftMaster",
  // "iPad"), or a digit (a model number). One pass over the text finds out, and spares two regex scans.
  let digit = false;
  let camel = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if (c >= 65 && c <= 90 && i > 0) {
      const p = text.charCodeAt(i - 1);
      if (p >= 97 && p <= 122) camel = true;
    }
  }

  CAMEL_RE.lastIndex = 0;
  while (camel && (m = CAMEL_RE.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    const w = m[0];
    if (CAMEL_OK.has(w.toLowerCase()) || /^Ma?c[A-Z]/.test(w)) continue;
    if (covered(doc, s, e)) continue;
    if (hasEquivalence(doc, s) || isExample(doc, s)) continue;
    if (isInteroperability(doc, s, e)) {
      add(
        doc,
        'brand.existing-system',
        s,
        e,
        `"${w}" looks like a product name, apparently named because you already use it.`,
        `Ask for compatibility ("must work with our existing ${w}") and record the reason as a justification.`,
      );
      continue;
    }
    const end = extendModel(text, e);
    add(
      doc,
      'brand.product-like-name',
      s,
      end,
      `"${text.slice(s, end)}" looks like a product or trade name (unusual capitals). Naming a product excludes equivalent ones.`,
      `Describe the performance or function you need, or write "${text.slice(s, end)} or equivalent".`,
    );
  }

  MODEL_RE.lastIndex = 0;
  while (digit && (m = MODEL_RE.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    const words = m[1].split(/[ -]/);
    if (words.some((w) => MODEL_NOUN_EXCLUDE.has(w.toLowerCase()))) continue;
    const model = m[2];
    if (
      /^(?:19|20)\d\d$/.test(model) ||
      /^\d+(?:st|nd|rd|th|am|pm|s|km|kg|mm|cm|m|kw|kwh|mw|gb|tb|mb|ghz|mhz|hz|v|w|l|ml|mph|kph)$/i.test(model)
    )
      continue;
    if (isSentenceInitial(doc, s) && !/[A-Za-z]/.test(model)) continue;
    if (covered(doc, s, e)) continue;
    if (hasEquivalence(doc, s) || isExample(doc, s)) continue;
    if (isInteroperability(doc, s, e)) continue;
    add(
      doc,
      'brand.product-like-name',
      s,
      e,
      `"${m[0]}" looks like a product and model number. Naming one model excludes equivalent products.`,
      `Describe the performance you need (the reason you chose this model), or write "${m[0]} or equivalent".`,
    );
  }
}

function producers(doc: Doc): void {
  const text = doc.text;
  let m: RegExpExecArray | null;
  if (BY_CAPITAL_TRIGGER.test(text)) {
    PRODUCER_BY_RE.lastIndex = 0;
    while ((m = PRODUCER_BY_RE.exec(text)) !== null) {
      const s = m.index + m[0].length - m[1].length;
      const e = m.index + m[0].length;
      if (ORG_WORDS.test(m[1]) || covered(doc, s, e, 'brand')) continue;
      if (hasEquivalence(doc, s) || isInteroperability(doc, s, e)) continue;
      add(
        doc,
        'brand.named-producer',
        s,
        e,
        `The goods or service must come from "${m[1]}". Naming the producer excludes every other supplier.`,
        `Describe the product or service and its performance, and accept equivalents from any producer.`,
      );
    }
  }
  if (COMPANY_TRIGGER.test(text)) {
    COMPANY_RE.lastIndex = 0;
    while ((m = COMPANY_RE.exec(text)) !== null) {
      const [s, e] = trimSpan(text, m.index, m.index + m[0].length);
      if (ORG_WORDS.test(m[1]) || covered(doc, s, e, 'brand')) continue;
      if (hasEquivalence(doc, s) || isInteroperability(doc, s, e)) continue;
      add(
        doc,
        'brand.named-producer',
        s,
        e,
        `"${text.slice(s, e)}" is a named company. Requiring its goods or services excludes other suppliers.`,
        `Describe what you need and accept equivalents from any supplier. If the company is your current supplier, say why it is mentioned.`,
      );
    }
  }
}

function proprietary(doc: Doc): void {
  const lower = doc.lower;
  if (
    lower.indexOf('patent') < 0 &&
    lower.indexOf('proprietary') < 0 &&
    lower.indexOf('same ') < 0 &&
    lower.indexOf('brand') < 0 &&
    lower.indexOf('existing') < 0 &&
    lower.indexOf('manufacturer') < 0 &&
    lower.indexOf('sole ') < 0
  )
    return;
  const text = doc.text;
  PROPRIETARY_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PROPRIETARY_RE.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    const [ss] = sentenceAt(doc, s);
    if (testSlice(NEGATION_BEFORE_RE, text, Math.max(ss, s - 30), s)) continue;
    if (hasEquivalence(doc, s)) continue;
    add(
      doc,
      'brand.proprietary',
      s,
      e,
      `"${m[0]}" ties the contract to one product or producer.`,
      'If compatibility with existing equipment is the real need, state the interface, format or standard that must be met, and accept equivalents.',
    );
  }
}

function placeOfOrigin(doc: Doc): void {
  const text = doc.text;
  for (const re of ORIGIN_RES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const s = m.index;
      const e = s + m[0].length;
      if (covered(doc, s, e, 'brand')) continue;
      const [ss] = sentenceAt(doc, s);
      if (testSlice(NEGATION_BEFORE_RE, text, Math.max(ss, s - 25), s)) continue;
      if (hasEquivalence(doc, s)) continue;
      add(
        doc,
        'brand.place-of-origin',
        s,
        e,
        `"${m[0]}" requires goods from a particular place. That discriminates against suppliers from elsewhere.`,
        'State the property you need (for example durability, colour match, freshness, food miles or carbon footprint) and accept equivalent products from anywhere.',
      );
    }
  }
}
