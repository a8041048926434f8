import { ARCHITECTURE_TERMS, DATABASES, FIXED_TYPES, FRAMEWORKS, LANGUAGES, MATERIALS, PLATFORMS } from '../data/technologies';
import { add, covered, type Doc, hasEquivalence, isExample, sentenceAt, testSlice } from '../text/doc';
import { Lexicon } from '../text/lexicon';
import { alternation, oneOf, pattern } from '../text/patterns';

// Cheap tests for whether a rule has anything to look for, compiled once rather than on every check.
const LICENCE_TRIGGER = /licen[cs]|open[- ]source|proprietary|cots|off[- ]the[- ]shelf|outright|lease/i;

const r = String.raw;

type TechKind = 'language' | 'framework' | 'database' | 'platform';
const TECH = new Lexicon<TechKind>();
TECH.addAll(LANGUAGES, 'language');
TECH.addAll(FRAMEWORKS, 'framework');
TECH.addAll(DATABASES, 'database');
TECH.addAll(PLATFORMS, 'platform');
const SPECIAL_TECH_RE = /(?<![\w.])(?:\.NET(?:\s+(?:Core|Framework|\d+))?|C#|C\+\+|F#)(?![\w#+])/g;

const KIND_WORD: Record<TechKind, string> = {
  language: 'programming language',
  framework: 'software framework',
  database: 'database product',
  platform: 'platform',
};

/**
 * Words before a technology that show it is named as something to work with, not something to build with:
 * "integrate with", "export to", "work on", "compatible with", "support", "migrate from" …
 */
const FUNCTIONAL_BEFORE_RE =
  /\b(?:integrat\w*|interoperat\w*|interfac\w*|compatib\w*|connect\w*|exchange\w*|import\w*|export\w*|migrat\w*|convert\w*|sync\w*|support(?:s|ed|ing)?|work(?:s|ing)?\s+(?:on|with|in|across)|run(?:s|ning)?\s+(?:in|within)\s+(?:a\s+|any\s+|the\s+)?(?:browser|web\s+browser)|access(?:ed|ible)?\s+(?:on|from|via|through|using)|usable\s+(?:on|from|with)|available\s+(?:on|for|in|as)|accessible\s+(?:on|from|via|through)|(?:read|open|view|edit)(?:ed|able)?\s+(?:in|on|with)|existing|current(?:ly)?|legacy|replac\w*|decommission\w*|retir\w*|our|skills?\s+in|experience\s+(?:of|in|with)|knowledge\s+of|trained\s+in|including|such\s+as|e\.g\.|for\s+example|across|both|either|any|all)\b[^.;]{0,60}$/i;
const NEGATED_BEFORE_RE = /\b(?:not|no|never|without|avoid|nor|instead\s+of|rather\s+than|prohibit\w*|ban\w*|free\s+from)\b[^.;]{0,40}$/i;
const PRESCRIPTIVE_BEFORE_RE =
  /\b(?:built|developed|written|coded|programmed|implemented|hosted|deployed|based|run|running|runs|delivered|provided|designed|constructed|created|engineered|architected|underpinned|powered|use|uses|using|used|utilis\w*|employ\w*|adopt\w*|via|through|on|in|as|be|is|are|a|an|require\w*|need\w*|want\w*|must|shall|should|will|install\w*|supply|provide)\b[^.;]{0,40}$/i;

const ARCH_RE = new RegExp(`\\b(?:${alternation(ARCHITECTURE_TERMS)})\\b`, 'gi');
const ARCH_RE_CS_AI = /^(?:AI|SOA|PWAS?|LLMS?|RPA|IoT|VDI|NFC|MPLS|FTTP|SaaS|PaaS|IaaS|NoSQL|GenAI|VR)$/;

const MATERIAL_SRC = alternation(MATERIALS);
const TYPE_SRC = alternation(FIXED_TYPES);
const MADE_OF_RE = new RegExp(
  `\\b(?:made|manufactured|constructed|built|fabricated|formed|produced|cast|moulded|molded|clad|lined|framed|faced|upholstered|surfaced|finished)\\s+(?:entirely\\s+|wholly\\s+|solely\\s+|only\\s+|exclusively\\s+)?(?:of|from|in|with|using)\\s+(?:solid\\s+|natural\\s+|real\\s+|genuine\\s+|100%\\s+)?(?:${MATERIAL_SRC})(?![- ](?:free|effect|look|style|equivalent))\\b`,
  'gi',
);
const MUST_BE_TYPE_RE = new RegExp(
  `\\b(?:must|shall|will|should|are\\s+to|is\\s+to|to)\\s+(?:only\\s+)?(?:be|use|run\\s+on|comprise|consist\\s+of|include)\\s+(?:a\\s+|an\\s+|fully\\s+|only\\s+|100%\\s+|all\\s+)?(?:[\\w-]+\\s+)?(?:${TYPE_SRC}|${MATERIAL_SRC})(?![- ](?:free|effect|look|style|equivalent|friendly))(?!\\s+(?:cleaning|maintenance|repairs?|care|replacement|removal|inspections?|testing|shampooing))\\b`,
  'gi',
);
const TYPE_NOUN_RE = new RegExp(
  `\\b(?:${TYPE_SRC}|${MATERIAL_SRC})[- ](?:framed\\s+)?(?:pipes?|pipework|windows?|doors?|frames?|cladding|flooring|floor\\s+coverings?|roof(?:ing|s)?|fenc(?:ing|es)|gates?|furniture|desks?|chairs?|tables?|boilers?|vans?|vehicles?|cars?|buses|fleet|engines?|lighting|lights|lamps|luminaires|gloves|gowns|aprons|uniforms?|bins?|benches|bollards|signs?|signage|panels?|sheets?|bags?|cups|cutlery|plates|tiles|worktops?|kerbs?|paving|surfacing|barriers?|railings?|radiators?|cabl(?:e|es|ing)|heating|heat\\s+pumps?|beds?|mattress(?:es)?|trolleys?|shelving|lockers?|cabinets?|sinks?|taps|containers|lanterns|columns|units|systems)\\b(?!\\s+(?:charg\\w*|infrastructure|parking|bays?|spaces?|points?|chargers?))`,
  'gi',
);
const TYPE_ALONE_RE = new RegExp(
  `\\b(?:supply|supplied|provide|provided|install|installed|fit|fitted|use|using|used|powered|fuelled|fueled|heated|run|runs|driven|lit)\\s+(?:with\\s+|by\\s+|on\\s+|from\\s+)?(?:an?\\s+|new\\s+|only\\s+)?(?:${TYPE_SRC})(?![- ](?:free|equivalent))\\b(?!\\s+(?:charg\\w*|infrastructure|parking|bays?|spaces?|points?))`,
  'gi',
);
const MATERIAL_OR_TYPE_RE = new RegExp(`\\b(?:${TYPE_SRC}|${MATERIAL_SRC})\\b`, 'i');
const SUPPLY_BEFORE_RE =
  /\b(?:supply|supplies|supplied|provide|provides|provided|install|installs|installed|installing|fit|fitted|fitting|use|using|replace\w*|upgrade\w*|convert\w*|procure\w*|purchase\w*|buy|deliver|lease\w*|hire|must|shall|will|should|be|all|only)\b[^.;]{0,50}$/i;

const TYPE_SKIP_BEFORE_RE =
  /\b(?:for|of|serving|charging|existing|current|old|older|legacy|replac\w*(?![ ]+(?:with|by)\b)(?:\s+(?:our|the|all|any|existing|current))?|remov\w*|dispos\w*|decommission\w*|convert\w*(?:\s+(?:our|the|existing|all))?|our|phase\s+out|instead\s+of)\s+(?:\w+\s+)?$/i;

/** "must be built using BizTalk", "must run on Zephyr": a capitalised product after a build/host verb. */
const BUILT_ON_RE =
  /\b(?:built|developed|written|coded|programmed|implemented|hosted|deployed|based|running|run|runs|delivered|created|configured|customised)\s+(?:using|on|in|with|upon|within)\s+(?:the\s+|a\s+|an\s+)?((?:[A-Z][\w.+#-]*|[a-z]+[A-Z][\w.+#-]*)(?:\s+[A-Z][\w.+#-]*){0,2})/g;
const NOT_PRODUCT_RE =
  /^(?:The|A|An|Our|This|These|Those|Accordance|Line|Partnership|Consultation|Collaboration|Agreement|Council|Trust|Authority|Department|Ministry|Government|NHS|UK|England|Wales|Scotland|Britain|English|Welsh|Schedule|Appendix|Annex|Section|Part|Phase|Stage|Year|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Plain|Easy|British|Open|GOV\.UK|Agile|Service|Standard|Technology|Code|Cloud|Open\s+Standards?)\b/;

/** "Road markings must be thermoplastic", "The phone system must be a hosted VoIP solution", "must be replaced with a green roof". */
const THING =
  '(?:system|solution|platform|software|application|app|product|equipment|device|devices|vehicles?|vans?|fleet|buildings?|roofs?|floors?|flooring|surfaces?|surfacing|markings|materials?|furniture|units?|boilers?|heating|lighting|pipes?|pipework|windows?|doors?|structures?|frames?|cladding|fences?|fencing|dryers?|machines?|phones?|telephony|network|hardware|servers?|storage|tools?|signs?|signage|bins?|containers?|seating|chairs?|desks?|beds?|trolleys?|hoists?|lifts?|paths?|paving|roads?|tiles?)';
const TYPE_ADJ =
  '(?:bespoke|off[- ]the[- ]shelf|custom[- ]built|custom|wireless|wired|analogue|hydraulic|pneumatic|mechanical|electronic|thermoplastic|hosted|cloud|VoIP|SIP|IP[- ]based|\\w+-(?:type|powered|fuelled|fired|operated|driven|mounted|framed|clad|lined|glazed|based))';
const TYPE_COMPLEMENT_RE = new RegExp(
  `\\b${THING}\\s+(?:must|shall|will|should)\\s+(?:only\\s+)?be\\s+(?:(?:an?|the)\\s+(?:[\\w-]+\\s+){0,3}(?:solution|build|system|product|type|model|design|unit|van|vehicle|roof|floor|surface|structure)|${TYPE_ADJ}(?:\\s+[\\w-]+){0,2})\\b`,
  'gi',
);
const REPLACED_WITH_RE =
  /\b(?:must|shall|will|should)\s+be\s+(?:replaced|upgraded|converted|refurbished|resurfaced|rebuilt|retrofitted|fitted|equipped)\s+(?:with|to|as|using)\s+(?:an?\s+|new\s+)?(?:[\w-]+\s+){0,2}[\w-]+/gi;
const NOT_TYPE_RE =
  /\b(?:able|available|accessible|compatible|capable|suitable|fit|ready|easy|free|safe|secure|clean|complete|completed|delivered|provided|in\s+place|working|operational|maintained|kept|usable|replaced\s+with\s+(?:one|something|a\s+(?:solution|system|product)\s+that))\b/i;

// Who states the need: "the council", "the trust", "our team".
const BUYER = oneOf(
  'we',
  r`the\s+` +
    oneOf(
      'council',
      'trust',
      'authority',
      'department',
      'service',
      'team',
      'organisation',
      'organization',
      'board',
      'school',
      'university',
      'ministry',
      'agency',
      'buyer',
      'client',
      'customer',
      'college',
      'directorate',
      'force',
      'ICB',
      'practice',
    ),
  'it',
  r`our\s+\w+`,
);
const ACQUIRE = ['buy', 'procure', 'build', 'develop'];
// How the need is stated: "needs", "is looking to procure", "has decided to build".
const WANTS = oneOf(
  r`needs?`,
  r`wants?`,
  r`requires?`,
  r`(?:is|are)\s+(?:looking|seeking)\s+(?:for|to\s+` + oneOf(...ACQUIRE, 'commission', 'implement', 'purchase', 'acquire') + ')',
  r`would\s+like`,
  r`wish(?:es)?\s+to\s+` + oneOf(...ACQUIRE, 'commission', 'implement', 'have'),
  r`intends?\s+to\s+` + oneOf(...ACQUIRE, 'implement', 'commission'),
  r`plans?\s+to\s+` + oneOf(...ACQUIRE, 'implement'),
  r`(?:has|have)\s+decided\s+to\s+` + oneOf(...ACQUIRE, 'implement'),
);
// Words before the thing: "a new bespoke online", "the case management".
const QUALIFIERS = oneOf(
  r`new\s+`,
  r`bespoke\s+`,
  r`single\s+`,
  r`online\s+`,
  r`digital\s+`,
  r`mobile\s+`,
  r`web[- ]based\s+`,
  r`cloud[- ]based\s+`,
  r`custom\s+`,
  r`integrated\s+`,
  r`modern\s+`,
  r`replacement\s+`,
  r`smartphone\s+`,
  r`native\s+`,
  r`\w+\s+management\s+`,
  r`case\s+management\s+`,
  r`self[- ]service\s+`,
  r`customer\s+`,
  r`resident\s+`,
  r`patient\s+`,
  r`staff\s+`,
  r`AI[- ]powered\s+`,
  r`AI\s+`,
);
// The thing named instead of the need.
const SOLUTION_NOUN = oneOf(
  'app',
  'apps',
  'application',
  'applications',
  'portal',
  'portals',
  'website',
  'websites',
  r`web\s*site`,
  'system',
  'systems',
  'platform',
  'platforms',
  r`chat\s?bot`,
  r`chat\s?bots`,
  'database',
  'databases',
  'dashboard',
  'dashboards',
  'CRM',
  'ERP',
  'software',
  'tool',
  'tools',
  r`kiosks?`,
  r`robots?`,
  r`drones?`,
  'AI',
  r`artificial\s+intelligence`,
  'blockchain',
  r`solution\s+(?:built|based|using|hosted|on)`,
  r`SharePoint\s+site`,
  'intranet',
  'extranet',
  r`data\s+warehouse`,
  r`data\s+lake`,
  'microsite',
);
const NEED_RE = pattern(
  'gi',
  r`\b`,
  oneOf(
    r`(?:our|the)\s+requirement\s+is\s+for`,
    r`this\s+(?:contract|procurement|tender|lot|opportunity)\s+is\s+for`,
    r`we\s+are\s+(?:procuring|buying|seeking|commissioning|tendering\s+for)`,
    BUYER + r`\s+` + WANTS,
  ),
  r`\s+(?:to\s+` +
    oneOf(...ACQUIRE, 'commission', 'implement', 'create', 'deliver', 'introduce', 'deploy', 'purchase', 'acquire', 'have') +
    r`\s+)?`,
  r`(?:an?\s+|the\s+|one\s+)?`,
  QUALIFIERS + '*',
  SOLUTION_NOUN,
  r`\b`,
);
const SOLUTION_IS_RE =
  /\b(?:the\s+)?(?:solution|service|product|deliverable|output)\s+(?:must|shall|will|should)\s+be\s+(?:an?\s+)(?:\w+[- ]?){0,2}(?:app|application|portal|website|chat\s?bot|database|dashboard|kiosk|platform|system)\b/gi;
const START_SOLUTION_RE =
  /^\s*(?:an?|the)\s+(?:new\s+|bespoke\s+|single\s+|online\s+|mobile\s+|digital\s+)*(?:app|portal|chat\s?bot|website|dashboard|kiosk)\s+(?:that|which|to|where|for)\b/i;

const LICENCE_RES: readonly RegExp[] = [
  /\b(?:perpetual|per[- ](?:user|seat|device|core|processor|named\s+user|site)|concurrent(?:[- ]user)?|named[- ]user|enterprise[- ]wide|enterprise|site[- ]wide|floating|subscription[- ]based|subscription|node[- ]locked|volume|unlimited)\s+licen[cs](?:e|es|ing|ed)\b/gi,
  /\blicen[cs](?:e|es|ing)\s+(?:must|shall|will|should)\s+be\s+(?:perpetual|per[- ]\w+|concurrent|transferable|unlimited|enterprise|site[- ]wide|(?:on|under)\s+an?\s+(?:[\w-]+\s+){1,3}(?:basis|model|arrangement))\b/gi,
  /\b(?:per[- ](?:user|seat|device|core|processor|named[- ]user|site))\s+(?:subscription|licen[cs]\w*|basis|pricing|charging)\b/gi,
  /\blicen[cs]ed\s+(?:on\s+an?\s+|per\s+)(?:per[- ])?(?:user|seat|device|core|processor|concurrent|named|perpetual|subscription)\w*/gi,
  /\b(?:released|licen[cs]ed|published|distributed|made\s+available)\s+under\s+(?:the\s+|an?\s+)?(?:GPL|GNU|AGPL|LGPL|MIT|Apache|BSD|Mozilla|MPL|EUPL|Creative\s+Commons|CC[- ]BY|Open\s+Government\s+Licen[cs]e|OGL)\b[\w.\s-]{0,12}/g,
  /\b(?:must|shall|should|will)\s+be\s+(?:fully\s+)?(?:open[- ]source|proprietary|closed[- ]source|freeware|SaaS\s+subscription)\b/gi,
  /\b(?:open[- ]source|proprietary|commercial\s+off[- ]the[- ]shelf|COTS)\s+(?:software|solution|product|system|licen[cs]e)\s+(?:must|shall|is\s+required|will\s+be\s+required)\b/gi,
  /\b(?:must|shall|should|will)\s+(?:use|be\s+based\s+on|be\s+built\s+(?:on|with|using))\s+(?:an?\s+)?(?:open[- ]source|proprietary|COTS|commercial\s+off[- ]the[- ]shelf)\b/gi,
  /\b(?:must|shall|should|will)\s+be\s+(?:bought|purchased|procured)\s+(?:outright|on\s+a\s+(?:lease|subscription|rental)\s+basis)\b/gi,
];

export function checkSolution(doc: Doc): void {
  const text = doc.text;

  // named technologies
  const techHit = (kind: TechKind, s: number, e: number): void => {
    if (covered(doc, s, e, 'solution')) return;
    const [ss] = sentenceAt(doc, s);
    const from = Math.max(ss, s - 80);
    if (testSlice(NEGATED_BEFORE_RE, text, Math.max(ss, s - 45), s)) return;
    if (testSlice(FUNCTIONAL_BEFORE_RE, text, from, s)) return;
    if (hasEquivalence(doc, s) || isExample(doc, s)) return;
    const name = text.slice(s, e);
    add(
      doc,
      'solution.named-technology',
      s,
      e,
      `The ${KIND_WORD[kind]} "${name}" is specified. That decides the technology for the supplier instead of stating what the service must do.`,
      `State the outcome (for example the functions, response times, security and the systems it must work with) and let suppliers propose the technology. If "${name}" is needed to fit your existing estate, say so and record the reason.`,
    );
  };
  TECH.scan(doc, (entry, s, e) => techHit(entry.data, s, e));
  if (text.indexOf('.NET') >= 0 || text.indexOf('#') >= 0 || text.indexOf('++') >= 0) {
    SPECIAL_TECH_RE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SPECIAL_TECH_RE.exec(text)) !== null)
      techHit(m[0].startsWith('.') ? 'framework' : 'language', m.index, m.index + m[0].length);
  }

  // a capitalised product named as what to build or host on
  if (
    /\b(?:built|developed|written|coded|programmed|implemented|hosted|deployed|based|running|run|runs|delivered|created|configured|customised)\s+(?:using|on|in|with|upon|within)\s/.test(
      text,
    )
  ) {
    BUILT_ON_RE.lastIndex = 0;
    let bm: RegExpExecArray | null;
    while ((bm = BUILT_ON_RE.exec(text)) !== null) {
      const name = bm[1];
      const s = bm.index + bm[0].length - name.length;
      const e = bm.index + bm[0].length;
      if (NOT_PRODUCT_RE.test(name) || covered(doc, s, e, 'solution')) continue;
      if (/^[A-Z][a-z]+$/.test(name) && !/[A-Z]/.test(name.slice(1)) && name.length < 4) continue;
      if (hasEquivalence(doc, s) || isExample(doc, s)) continue;
      add(
        doc,
        'solution.named-technology',
        s,
        e,
        `"${name}" is named as the product or technology to build or run the service on. That decides the solution for the supplier.`,
        `State what the service must do and what it must work with, and let suppliers propose the technology, or add "or equivalent".`,
      );
    }
  }

  // problem statement that already names the solution
  let m: RegExpExecArray | null;
  NEED_RE.lastIndex = 0;
  while ((m = NEED_RE.exec(text)) !== null) {
    add(
      doc,
      'solution.problem-names-solution',
      m.index,
      m.index + m[0].length,
      `"${m[0]}" names the solution before describing the problem.`,
      'Describe the problem and who has it, and the result you need (for example "residents can report a missed collection at any time and get a reply within 2 working days"). Let suppliers propose whether an app, a portal or something else is best.',
    );
  }
  SOLUTION_IS_RE.lastIndex = 0;
  while ((m = SOLUTION_IS_RE.exec(text)) !== null) {
    add(
      doc,
      'solution.problem-names-solution',
      m.index,
      m.index + m[0].length,
      `"${m[0]}" fixes the form of the solution.`,
      'Describe what users must be able to do and the results you need; let suppliers propose the form.',
    );
  }
  const sm = START_SOLUTION_RE.exec(text);
  if (sm) {
    add(
      doc,
      'solution.problem-names-solution',
      sm.index,
      sm.index + sm[0].length,
      `The requirement starts from a solution ("${sm[0].trim()}") rather than the need.`,
      'Describe the need and the result instead, and let suppliers propose the solution.',
    );
  }

  // a thing that must "be" a type, or be replaced with a type
  for (const re of [TYPE_COMPLEMENT_RE, REPLACED_WITH_RE]) {
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      const s = m.index;
      const e = s + m[0].length;
      if (NOT_TYPE_RE.test(m[0].slice(m[0].search(/\bbe\b/)))) continue;
      if (covered(doc, s, e, 'solution') || hasEquivalence(doc, s) || isExample(doc, s)) continue;
      const [ss, se] = sentenceAt(doc, s);
      if (
        re === REPLACED_WITH_RE &&
        /\b(?:that|which|who|meets?|meeting|achiev\w*|so\s+that|to\s+(?:achieve|meet|reduce|improve|provide)|with\s+(?:a|an)\s+\w+\s+of)\b/i.test(
          text.slice(s + 12, se),
        )
      )
        continue;
      if (testSlice(NEGATED_BEFORE_RE, text, Math.max(ss, s - 30), s)) continue;
      add(
        doc,
        'solution.fixed-type',
        s,
        e,
        `"${m[0]}" fixes what kind of thing must be supplied, rather than what it must achieve.`,
        'Describe the performance you need (for example durability, capacity, energy use, call quality or availability) and let suppliers propose the type, or add "or equivalent".',
      );
    }
  }

  // architecture and hosting
  ARCH_RE.lastIndex = 0;
  while ((m = ARCH_RE.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    const w = m[0];
    if (
      ARCH_RE_CS_AI.test(
        w
          .toUpperCase()
          .replace('IOT', 'IoT')
          .replace('SAAS', 'SaaS')
          .replace('PAAS', 'PaaS')
          .replace('IAAS', 'IaaS')
          .replace('NOSQL', 'NoSQL')
          .replace('GENAI', 'GenAI'),
      ) &&
      w === w.toLowerCase()
    )
      continue;
    const [ss] = sentenceAt(doc, s);
    if (testSlice(NEGATED_BEFORE_RE, text, Math.max(ss, s - 45), s)) continue;
    if (testSlice(FUNCTIONAL_BEFORE_RE, text, Math.max(ss, s - 80), s)) continue;
    if (hasEquivalence(doc, s) || isExample(doc, s)) continue;
    if (!testSlice(PRESCRIPTIVE_BEFORE_RE, text, Math.max(ss, s - 60), s) && s !== ss) continue;
    add(
      doc,
      'solution.architecture',
      s,
      e,
      `"${w}" fixes the design or hosting model. Other designs might meet the need as well or better.`,
      'State the performance, availability, security and data requirements instead, and let suppliers propose the design.',
    );
  }

  // licensing model
  if (LICENCE_TRIGGER.test(text)) {
    for (const re of LICENCE_RES) {
      re.lastIndex = 0;
      while ((m = re.exec(text)) !== null) {
        const s = m.index;
        const e = s + m[0].trimEnd().length;
        const [ss] = sentenceAt(doc, s);
        if (testSlice(NEGATED_BEFORE_RE, text, Math.max(ss, s - 30), s)) continue;
        if (hasEquivalence(doc, s)) continue;
        add(
          doc,
          'solution.licensing-model',
          s,
          e,
          `"${text.slice(s, e)}" dictates the licensing or commercial model.`,
          'State the outcome you need instead, such as the total cost over the contract, the number of people who must be able to use it, or the rights you need to reuse and change the software.',
        );
      }
    }
  }

  // fixed type or material (DYKA)
  if (!MATERIAL_OR_TYPE_RE.test(text)) return;
  for (const re of [MADE_OF_RE, MUST_BE_TYPE_RE, TYPE_NOUN_RE, TYPE_ALONE_RE]) {
    re.lastIndex = 0;
    while ((m = re.exec(text)) !== null) {
      const s = m.index;
      const e = s + m[0].length;
      if (covered(doc, s, e, 'solution')) continue;
      const [ss] = sentenceAt(doc, s);
      if (testSlice(NEGATED_BEFORE_RE, text, Math.max(ss, s - 40), s)) continue;
      if (hasEquivalence(doc, s) || isExample(doc, s)) continue;
      if (re === TYPE_NOUN_RE && !testSlice(SUPPLY_BEFORE_RE, text, Math.max(ss, s - 60), s) && s !== ss) continue;
      if (re !== MADE_OF_RE && testSlice(TYPE_SKIP_BEFORE_RE, text, Math.max(ss, s - 35), s)) continue;
      if (
        re === TYPE_NOUN_RE &&
        /^(?:manual|automatic|modular|LED)\b/i.test(m[0]) &&
        !/\b(?:must|shall|only|all)\b/i.test(text.slice(ss, s))
      )
        continue;
      add(
        doc,
        'solution.fixed-type',
        s,
        e,
        `"${m[0]}" fixes the type or material. The Court of Justice (DYKA, C-424/23) treats a required type like a brand: it needs "or equivalent".`,
        'Describe the performance the type or material gives you (for example strength, lifespan, fire rating, emissions, hygiene), or add "or equivalent".',
      );
    }
  }
}
