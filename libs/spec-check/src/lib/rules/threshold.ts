import { add, covered, type Doc, sentenceAt, testSlice } from '../text/doc';
import { AT_LEAST, findMoney, formatMoney, type Money, NUM, NUM_WORDS, oneOf, pattern } from '../text/patterns';

// Cheap tests for whether a rule has anything to look for, compiled once rather than on every check.
const HEADCOUNT_TRIGGER =
  /employ|staff|people|workers|workforce|headcount|company size|sme|micro|small|sole trader|fewer|less than|more than|minimum/;
const EXPERIENCE_TRIGGER =
  /experience|track record|history|reference|contract|supplier|provider|delivered|worked|approved|clients?|customers?/;
const LOCAL_TRIGGER =
  /office|depot|base|premises|presence|branch|headquarter|hq|based|located|situated|registered|incorporated|local|uk|british|shire/;
const FINANCIAL_TRIGGER = /credit|bradstreet|d&b|creditsafe|experian|assets|net worth|ratio|gearing|profit|balance/;

const r = String.raw;

const TURNOVER_RE = /\b(?:turnover|revenue|annual\s+sales|annual\s+income)\b/gi;
const MULTIPLIER_RE =
  /\b(\d+(?:\.\d+)?|one|two|three|four|five|six|ten|double|twice|triple|treble)\s*(?:times|x|×)?\s*(?:the\s+)?(?:\w+\s+){0,3}?(?:contract|tender|lot|framework|estimated|project)\s+(?:value|price|sum|size)\b/gi;
const VALUE_BEFORE_RE =
  /(?:\b(?:contract|lot|tender|framework|project|call[- ]off)\s+(?:value|worth|price|budget|sum)|\b(?:valued|worth|budget(?:ed)?)|\b(?:estimated|total|annual|whole[- ]life|maximum)\s+(?:contract\s+)?value)\s*(?:of|is|at|will\s+be|=|:)?\s*(?:approximately|approx\.?|around|about|up\s+to|c\.|circa|an\s+estimated|some)?\s*$/i;
const VALUE_AFTER_RE =
  /^\s*(?:(?:per\s+(?:annum|year)|a\s+year|p\.?a\.?|annual|annually|total|estimated|whole[- ]life|\d+[- ]year|multi[- ]year|[a-z]+[- ]year)\s+)?(?:contract|lot|tender|framework|project|scheme|programme|call[- ]off)\b/i;
const VALUE_FOR_BEFORE_RE = /\b(?:for|on|in|of)\s+(?:an?|the|this)\s+$/i;

const YEARS_RES: readonly RegExp[] = [
  new RegExp(
    `\\b(?:trading|traded|operating|operated|in\\s+business|established|been\\s+established|in\\s+existence|existed|incorporated|in\\s+operation)\\s+(?:continuously\\s+)?(?:(?:in|within|across)\\s+(?:[\\w'’]+\\s+){1,4}?)?(?:for\\s+)?(?:at\\s+least\\s+|a\\s+minimum\\s+of\\s+|no\\s+(?:fewer|less)\\s+than\\s+|more\\s+than\\s+|over\\s+|the\\s+(?:last|past)\\s+)?(?:${NUM}\\s+(?:full\\s+|complete\\s+|consecutive\\s+|financial\\s+)?(?:years?|yrs?|decades?)|a\\s+(?:full\\s+)?(?:decade|year))\\b`,
    'gi',
  ),
  new RegExp(
    `\\b${AT_LEAST}${NUM}\\s+(?:full\\s+|complete\\s+|consecutive\\s+|financial\\s+)?years?['’]?\\s*(?:of\\s+)?(?:continuous\\s+)?(?:trading(?:\\s+history)?|trading\\s+accounts|filed\\s+accounts|published\\s+accounts|financial\\s+(?:accounts|statements|history|records)|accounts|track\\s+record|operating\\s+history|business\\s+history|history\\s+of\\s+trading|in\\s+business|existence)\\b`,
    'gi',
  ),
  new RegExp(`\\b(?:minimum|min\\.?)\\s+(?:trading\\s+history|time\\s+in\\s+business|operating\\s+history)\\s+of\\s+${NUM}`, 'gi'),
  /\b(?:start[- ]ups?|new(?:ly)?[- ](?:formed|established|incorporated)\s+(?:companies|businesses|firms|organisations|suppliers))\s+(?:will\s+not|are\s+not|cannot|may\s+not|shall\s+not)\b[^.;]*/gi,
  new RegExp(
    `\\b(?:have|has|with|demonstrate|bring|possess)\\s+${AT_LEAST}${NUM}\\+?\\s+years?['’]?\\s*(?:of\\s+)?(?:proven\\s+|relevant\\s+|demonstrable\\s+|direct\\s+|continuous\\s+|previous\\s+)*(?:experience|track\\s+record|history)\\b`,
    'gi',
  ),
];

const HEADCOUNT_RES: readonly RegExp[] = [
  new RegExp(
    `\\b(?:employ|employs|employing)\\s+${AT_LEAST}${NUM}(?:,\\d{3})*\\+?\\s+(?:full[- ]time\\s+|permanent\\s+|directly[- ]employed\\s+|UK[- ]based\\s+|paid\\s+|qualified\\s+)*(?:employees|staff|people|personnel|workers|FTEs?|members\\s+of\\s+staff)\\b`,
    'gi',
  ),
  new RegExp(
    `\\b(?:have|has|with)\\s+${AT_LEAST}${NUM}(?:,\\d{3})*\\+?\\s+(?:full[- ]time\\s+|permanent\\s+|directly[- ]employed\\s+|UK[- ]based\\s+)*(?:employees|permanent\\s+staff|employed\\s+staff|staff\\s+on\\s+(?:the|its|their)\\s+payroll|people\\s+on\\s+(?:the|its|their)\\s+payroll)\\b`,
    'gi',
  ),
  new RegExp(`\\b(?:workforce|headcount|staff\\s+base|company\\s+size)\\s+of\\s+${AT_LEAST}${NUM}(?:,\\d{3})*`, 'gi'),
  new RegExp(`\\b(?:minimum|min\\.?)\\s+(?:of\\s+)?${NUM}(?:,\\d{3})*\\s+(?:employees|members\\s+of\\s+staff)\\b`, 'gi'),
  new RegExp(
    `\\b(?:companies|organisations|suppliers|firms|businesses|bidders)\\s+with\\s+(?:fewer|less)\\s+than\\s+${NUM}(?:,\\d{3})*\\s+(?:employees|staff)\\b[^.;]*`,
    'gi',
  ),
  new RegExp(
    `\\b(?:only\\s+)?(?:companies|organisations|suppliers|firms|businesses|bidders)\\s+with\\s+(?:more\\s+than|over|at\\s+least|in\\s+excess\\s+of)\\s+${NUM}(?:,\\d{3})*\\s+(?:employees|staff)\\b[^.;]*`,
    'gi',
  ),
  new RegExp(
    `\\b(?:employing|employ|employs|with|having)\\s+(?:fewer|less|more)\\s+than\\s+${NUM}(?:,\\d{3})*\\s+(?:people|employees|staff|workers|FTEs?)\\b[^.;]{0,40}?\\b(?:not|ineligible|excluded|cannot|only)\\b[^.;]*`,
    'gi',
  ),
  new RegExp(
    `\\b(?:only|not)\\b[^.;]{0,30}\\b(?:employing|with)\\s+(?:fewer|less|more|over)\\s+(?:than\\s+)?${NUM}(?:,\\d{3})*\\s+(?:people|employees|staff|workers)\\b`,
    'gi',
  ),
  /\b(?:SMEs?|micro[- ](?:businesses|enterprises|entities)|small\s+(?:firms|businesses|companies|suppliers)|sole\s+traders)\s+(?:will\s+not|cannot|are\s+not|may\s+not|shall\s+not)\s+be\s+(?:considered|accepted|eligible|invited)\b/gi,
];

const AUTHORITY =
  '(?:council|trust|authority|department|ministry|board|ICB|agency|force|CCG|school|academy|university|college|commission|executive|directorate)';
const PREVIOUS_PARTICULAR_RES: readonly RegExp[] = [
  new RegExp(
    `\\b(?:previous|prior|past|existing|proven|demonstrable|recent)?\\s*(?:experience|track\\s+record|history|references?)\\s+(?:of\\s+|in\\s+)?(?:working\\s+|work\\s+|delivering\\s+(?:\\w+\\s+){0,3})?(?:with|for|from|in)\\s+(?:the|this|our)\\s+${AUTHORITY}\\b`,
    'gi',
  ),
  new RegExp(
    `\\b(?:have|has)\\s+(?:previously\\s+|already\\s+|recently\\s+|successfully\\s+)*(?:held|delivered|been\\s+awarded|worked\\s+on|provided|supplied|performed|completed|carried\\s+out|undertaken)\\s+(?:an?\\s+|at\\s+least\\s+one\\s+|one\\s+or\\s+more\\s+|\\w+\\s+)?(?:\\w+\\s+){0,2}(?:contracts?|services|work|projects?|commissions?)\\s+(?:with|for|to|from|on\\s+behalf\\s+of)\\s+(?:the|this|our)\\s+${AUTHORITY}\\b`,
    'gi',
  ),
  new RegExp(
    `\\b(?:have|has)\\s+(?:previously\\s+|already\\s+|recently\\s+)?(?:worked|supplied|delivered|served|provided\\s+services)\\s+(?:for\\s+|with\\s+|to\\s+)?(?:the|this|our)\\s+${AUTHORITY}\\b`,
    'gi',
  ),
  new RegExp(
    `\\b(?:be|is|are)\\s+(?:an?\\s+)?(?:existing|approved|current|incumbent|preferred)\\s+(?:supplier|contractor|provider|partner|vendor)s?\\s+(?:to|for|of|on|with)\\s+(?:the|our|this)\\s+${AUTHORITY}\\b`,
    'gi',
  ),
  new RegExp(
    `\\bon\\s+(?:the|our)\\s+(?:${AUTHORITY}['’]s\\s+)?(?:approved|preferred)\\s+(?:supplier\\s+)?(?:list|register|panel|framework)\\b`,
    'gi',
  ),
  /\b(?:experience|track\s+record|contracts?|references?)\s+(?:of\s+)?(?:working\s+)?(?:with|for|from)\s+(?:[A-Z][\w&'’-]+\s+){1,4}(?:Council|Trust|Authority|Board|ICB|Police|Department|Ministry|Agency)\b/g,
];
// Kinds of buyer or sector an experience condition can be narrowed to. A region can follow ("… in the North West").
const SECTOR = oneOf(
  r`(?:the\s+)?public\s+sector`,
  r`local\s+(?:government|authorit(?:y|ies))`,
  r`(?:an?\s+|other\s+)?(?:local|public|combined|unitary|county|district|borough|health|housing|education)\s+authorit(?:y|ies)`,
  r`(?:the\s+|an?\s+)?NHS(?:\s+(?:trusts?|organisations?|bodies|providers?|England|foundation\s+trusts?))?`,
  r`central\s+government`,
  r`government\s+departments?`,
  r`(?:UK\s+)?government`,
  r`public\s+bodies`,
  r`other\s+(?:councils|trusts|local\s+authorities|public\s+bodies)`,
  r`(?:other\s+)?(?:London\s+)?boroughs`,
  r`similar\s+(?:public\s+)?(?:bodies|organisations|authorities)`,
  r`housing\s+associations`,
  r`(?:registered\s+)?social\s+landlords`,
  r`the\s+(?:emergency|blue\s+light)\s+services`,
  r`police\s+forces`,
  r`fire\s+and\s+rescue\s+services`,
  r`(?:maintained\s+)?(?:schools|academies|academy\s+trusts|multi-academy\s+trusts)`,
  r`(?:universities|higher\s+education\s+institutions|further\s+education\s+colleges)`,
  r`(?:the\s+)?(?:higher\s+education|further\s+education|education|health(?:care)?|social\s+care|housing|charity|voluntary|third|retail|financial\s+services|defence|justice|local\s+government|public)\s+sector`,
);
/** An optional place the experience must have been gained in; part of the restriction, so part of the span. */
const REGION = String.raw`(?:\s+(?:in|across|within)\s+(?:the\s+)?(?:North(?:\s+West|\s+East)?|South(?:\s+West|\s+East)?|East(?:\s+of\s+England)?|West|(?:East|West)\s+Midlands|Midlands|London|England|Scotland|Wales|Northern\s+Ireland|UK|region|county|area|[a-z]+shire|Cumbria|Cornwall|Devon|Kent|Essex|Norfolk|Suffolk|Merseyside|Tyneside)(?![\w-]))?`;
// Each form: a demand for experience, contracts, clients or references, narrowed to one SECTOR (optionally a REGION).
const SECTOR_RES: readonly RegExp[] = [
  // "experience of working with NHS trusts", "references from London boroughs"
  pattern(
    'gi',
    r`\b(?:experience|track\s+record|history|references?|case\s+studies)\s+(?:of\s+|in\s+)?`,
    r`(?:working\s+|work\s+|delivering\s+(?:\w+\s+){0,3}|supplying\s+(?:\w+\s+){0,3}|providing\s+(?:\w+\s+){0,3})?`,
    r`(?:with|for|from|in|within|across|to)\s+`,
    SECTOR,
    r`\b`,
    REGION,
  ),
  // "have delivered at least three contracts with local authorities"
  pattern(
    'gi',
    r`\b(?:have|has)\s+(?:previously\s+|already\s+|recently\s+|successfully\s+)*`,
    r`(?:held|delivered|been\s+awarded|worked\s+on|provided|supplied|performed|completed|undertaken)\s+`,
    r`(?:an?\s+|at\s+least\s+(?:one|two|three|\d+)\s+|one\s+or\s+more\s+|\w+\s+)?(?:\w+\s+){0,2}`,
    r`(?:contracts?|services|work|projects?)\s+(?:with|for|to|in)\s+`,
    SECTOR,
    r`\b`,
    REGION,
  ),
  // "at least three contracts with local authorities in the North West", "two references from NHS trusts"
  pattern(
    'gi',
    `\\b${AT_LEAST}${NUM}\\s+(?:[\\w-]+\\s+){0,2}?`,
    r`(?:contracts?|references?|clients?|customers?|projects?|commissions?|case\s+studies|examples?)\s+`,
    r`(?:with|for|from|in|delivered\s+(?:for|to))\s+`,
    SECTOR,
    r`\b`,
    REGION,
  ),
  // "worked for at least three NHS organisations"
  pattern(
    'gi',
    r`\b(?:worked|work|delivered|supplied|provided\s+services|served)\s+(?:for|with|to|in)\s+`,
    `(?:at\\s+least\\s+|a\\s+minimum\\s+of\\s+)?(?:${NUM}\\s+)?(?:other\\s+|different\\s+|separate\\s+)?`,
    SECTOR,
    REGION,
  ),
  // "public sector clients", "NHS references"
  /\b(?:public[- ]sector|NHS|local\s+authority|local\s+government|government)\s+(?:clients?|contracts?|experience|references?|customers?|track\s+record)\b/gi,
];
/** The sector is named only as an example of comparable work ("for example with local authorities"). */
const EXAMPLE_BEFORE_RE = /\b(?:for\s+example|for\s+instance|such\s+as|e\.g\.?|eg|including|like)\s+(?:\w+\s+){0,6}$/i;
const NOT_REQUIRED_RE =
  /\b(?:not|no|never|need\s+not|does\s+not|do\s+not|is\s+not|are\s+not|without|regardless|whether\s+or\s+not|or\s+(?:the\s+)?private|or\s+(?:other|comparable|similar|equivalent)|any\s+sector|other\s+sectors)\b/i;

const INSURANCE_RE =
  /\b(?:(public|employers?['’]?|employer['’]s|professional\s+indemnity|products?|motor|cyber|medical\s+malpractice|clinical\s+negligence|contractors?['’]?\s+all[- ]risks?|PI|EL|PL|product\s+liability)\s*(?:liability\s+)?(?:insurance|cover|indemnity(?:\s+insurance)?)|insurance(?:\s+cover)?)\b/gi;
const AWARD_STAGE_RE =
  /\b(?:(?:on|upon|from|at|before|by|prior\s+to|following|after|in\s+time\s+for)\s+(?:the\s+)?(?:contract\s+)?(?:award|commencement|start|signature|signing|mobilisation|service\s+commencement)|(?:successful|winning|appointed|preferred)\s+(?:supplier|bidder|tenderer|provider|contractor|organisation)|(?:during|throughout|for)\s+(?:the\s+)?(?:term|duration|life|period)\s+of\s+the\s+(?:contract|agreement|framework)|commit(?:ment)?\s+to\s+(?:obtain|hold|put\s+in\s+place|having|have)|willing(?:ness)?\s+to\s+(?:obtain|hold|put)|(?:will|would)\s+(?:be\s+required\s+to\s+)?(?:obtain|put\s+in\s+place|maintain|hold)|maintain(?:ed)?|before\s+(?:work|services)\s+(?:start|begin|commence)s?|once\s+(?:appointed|awarded))\b/i;
const BID_STAGE_RE =
  /\b(?:(?:bidders?|tenderers?|applicants?|suppliers?|providers?|contractors?|organisations?|companies|firms|you|candidates?|participants?)\b[^.;]{0,40}\b(?:must|shall|should|are\s+required\s+to|will\s+need\s+to|need\s+to)\s+(?:already\s+|currently\s+)?(?:hold|have|provide\s+(?:evidence|proof|a\s+copy|copies|certificates?)|demonstrate|submit|confirm)|(?:with|in)\s+(?:their|your|the)\s+(?:bid|tender|submission|response|application|SQ|PQQ|selection\s+questionnaire)|(?:at|by)\s+(?:the\s+)?(?:time\s+of\s+)?(?:bid|tender|submission|application|selection)(?:\s+(?:stage|deadline))?|point\s+of\s+(?:bid|bidding|tender|tendering|submission|application)|condition\s+of\s+participation|evidence\s+of\s+(?:current\s+)?insurance|currently\s+hold|existing\s+(?:insurance|cover|policies))\b/i;
const LAW_RE =
  /\b(?:as\s+required\s+by\s+law|required\s+by\s+law|statutory|legally\s+required|compulsory|by\s+law|legal\s+minimum|Employers['’]?\s+Liability\s+\(Compulsory\s+Insurance\)|Road\s+Traffic\s+Act)\b/i;

const AUDITED_RE =
  /\baudited\s+(?:annual\s+|financial\s+|company\s+)?(?:accounts|financial\s+statements|financials|statements\s+of\s+account|balance\s+sheets?)\b/gi;
const AUDITED_OK_RE =
  /\b(?:where\s+(?:the\s+(?:supplier|bidder|company)\s+is|you\s+are|they\s+are|available|required|applicable|legally|obliged|these\s+exist|they\s+exist|the\s+law\s+requires)|if\s+(?:available|required|applicable|you\s+are|the\s+supplier\s+is|they\s+are|audited|legally)|or\s+(?:equivalent|management\s+accounts|other\s+(?:evidence|financial)|unaudited|draft|a\s+statement|filed|abbreviated)|for\s+(?:companies|suppliers|organisations|firms)\s+(?:that\s+are\s+)?(?:required|obliged)|not\s+(?:required|needed|necessary)|companies\s+act|equivalent|(?:is|are)\s+not\s+(?:required|obliged)|exempt)/i;

const LOCAL_RES: readonly RegExp[] = [
  /\b(?:must|shall|should|will|is\s+required\s+to|are\s+required\s+to|to)\s+(?:have|has|maintain|operate|run|open|establish)\s+(?:an?\s+|its\s+|their\s+|a\s+permanent\s+|a\s+physical\s+)?(?:local\s+|UK\s+|regional\s+|permanent\s+|physical\s+|staffed\s+|head\s+)?(?:office|offices|depot|depots|base|premises|presence|branch|headquarters|HQ|showroom|warehouse|call\s+centre)\b(?:\s+(?:in|within|near)\s+[^.;,]{0,40})?/gi,
  /\b(?:be|is|are)\s+(?:based|located|situated|headquartered|registered)\s+(?:with)?in\s+(?:the\s+)?(?:UK|United\s+Kingdom|England|Wales|Scotland|Northern\s+Ireland|Britain|county|borough|district|region|city|local\s+area|area|[A-Z][a-z]+(?:shire)?)\b/g,
  /\b(?:office|offices|depot|base|premises|branch|headquarters|HQ)\s+(?:located\s+|situated\s+)?(?:with)?in\s+(?:\d+|five|ten|fifteen|twenty|thirty|forty|fifty)\s+(?:miles?|km|kilometres?|minutes?)\s+(?:of|from)\b[^.;,]{0,30}/gi,
  /\b(?:based|located|situated)\s+within\s+(?:a\s+)?(?:\d+|five|ten|fifteen|twenty|thirty|forty|fifty)[- ](?:miles?|mile\s+radius|km|kilometres?|minutes?['’]?\s+(?:drive|travel))\s+(?:of|from)\b[^.;,]{0,30}/gi,
  /\b(?:UK|locally|local|regionally)[- ]based\s+(?:company|companies|business|businesses|firm|firms|supplier|suppliers|organisation|organisations|provider|providers|contractor|contractors|SMEs?|office|staff|team|call\s+centre|contact\s+centre|helpdesk|service\s+desk|support\s+team|engineers?)\b/gi,
  /\b(?:must|shall|should)\s+be\s+(?:an?\s+)?(?:local|UK|British|English|Welsh|Scottish|regional|[A-Z][a-z]+shire)\s+(?:company|business|firm|supplier|organisation|provider|contractor|SME|employer|owned\s+\w+)\b/g,
  /\b(?:registered|incorporated)\s+in\s+(?:the\s+)?(?:UK|United\s+Kingdom|England(?:\s+(?:and|&)\s+Wales)?|Wales|Scotland|Northern\s+Ireland|Britain)\b/g,
  /\b(?!(?:Community|Evidence|Cloud|Web|Home|Office|Site|Field|Risk|Values|Strengths|Outcomes?|School|Hospital|Practice|Asset|Place|Team|Ward|Locality|Area|Needs|Skills|Task|Time|Paper|Browser|Server|Network|Desk|Role|Activity|Project|Performance|Results|Rules|Water|Oil|Solvent|Plant|Nature|Land)[- ]based)[A-Z][a-z]+(?:shire)?[- ]based\s+(?:company|companies|business|businesses|firm|firms|supplier|suppliers|organisation|organisations|provider|providers|contractor|contractors|SMEs?)\b/g,
  /\b(?:firms|companies|suppliers|businesses|organisations|bidders|providers|contractors|tenderers|applicants)\s+(?:that\s+are\s+|who\s+are\s+)?(?:based|located|situated|registered|headquartered)\s+(?:with)?in\b[^.;,]{0,40}/gi,
  /\blocal\s+(?:suppliers|companies|firms|businesses|contractors)\s+only\b|\bonly\s+(?:local|UK)\s+(?:suppliers|companies|firms|businesses|contractors)\b/gi,
];
const LOCAL_SOFT_RE =
  /\b(?:welcome|encourage[sd]?|particularly\s+interested|not\s+required|need\s+not|do\s+not\s+need|does\s+not\s+need|not\s+necessary|regardless|or\s+(?:be\s+able\s+to|able\s+to|can)\s+(?:attend|respond|reach)|data)\b/i;

const FINANCIAL_RES: readonly RegExp[] = [
  /\b(?:credit\s+(?:score|rating)|Dun\s*(?:&|and)\s*Bradstreet|D&B|Creditsafe|Experian)\b[^.;]{0,50}?(?:\b\d+\b|\b[A-D]{1,3}[+-]?(?=[\s,.;]|$)|\b(?:low|very\s+low|minimum)\s+risk\b|\bor\s+(?:above|higher|better)\b)/gi,
  /\b(?:minimum|at\s+least\s+a)\s+credit\s+(?:score|rating)\b/gi,
  /\b(?:net\s+(?:current\s+)?assets|net\s+worth|current\s+ratio|quick\s+ratio|acid[- ]test\s+ratio|gearing(?:\s+ratio)?|(?:pre-?tax\s+|net\s+|operating\s+)?profit(?:ability)?|positive\s+(?:net\s+)?(?:balance|equity|cash\s*flow)|balance\s+sheet)\b[^.;]{0,60}?(?:\b\d|\bpositive\b|\beach\s+of\s+the\s+(?:last|past|previous)\b|\bevery\s+year\b|\bin\s+each\b|\bexceed)/gi,
  /\b(?:made|make|shown?|show|report(?:ed)?)\s+(?:a\s+)?(?:pre-?tax\s+|net\s+|operating\s+)?profit\s+in\s+(?:each\s+of\s+)?(?:the\s+)?(?:last|past|previous)\s+\w+\s+years?\b/gi,
];
const FINANCIAL_OK_RE =
  /\b(?:or\s+(?:other|alternative|equivalent)\s+evidence|may\s+(?:provide|submit|offer)|will\s+(?:also\s+)?(?:accept|consider)|alternative\s+evidence|parent\s+company\s+guarantee|proportionate|equivalent)\b/i;

const moneyScratch: Money[] = [];

function mult(word: string): number {
  const w = word.toLowerCase();
  if (/^\d/.test(w)) return parseFloat(w);
  return NUM_WORDS[w] ?? NaN;
}

export function checkThreshold(doc: Doc): void {
  const lower = doc.lower;
  if (
    lower.indexOf('turnover') >= 0 ||
    lower.indexOf('revenue') >= 0 ||
    lower.indexOf('annual sales') >= 0 ||
    lower.indexOf('annual income') >= 0
  )
    turnover(doc);
  if (lower.indexOf('year') >= 0 || lower.indexOf('decade') >= 0 || lower.indexOf('start') >= 0 || lower.indexOf('new') >= 0)
    scanSimple(
      doc,
      YEARS_RES,
      'threshold.years-trading',
      (t) =>
        `"${t}" sets a minimum trading history or length of experience for the organisation. New and small businesses that could do the work are shut out.`,
      'Ask for evidence of capability instead (for example "describe two comparable pieces of work and the results achieved"), from any period, and accept evidence from key staff, subcontractors or parent companies.',
      true,
    );
  if (HEADCOUNT_TRIGGER.test(lower))
    scanSimple(
      doc,
      HEADCOUNT_RES,
      'threshold.headcount',
      (t) => `"${t}" sets a minimum company size, which excludes small firms that could resource this contract.`,
      'Ask bidders to show how they will resource the contract (a staffing plan, subcontractors or partners) rather than how many people they employ.',
    );
  if (EXPERIENCE_TRIGGER.test(lower)) {
    scanSimple(
      doc,
      PREVIOUS_PARTICULAR_RES,
      'threshold.previous-authority',
      (t) =>
        `"${t}" requires past work for a particular authority. The law does not allow you to make that a condition: it favours incumbents and shuts out new suppliers.`,
      'Ask for experience of comparable work for any client (public, private or voluntary sector), described by its scale and complexity.',
    );
    scanSimple(
      doc,
      SECTOR_RES,
      'threshold.sector-experience',
      (t) =>
        `"${t}" limits the experience or references you will accept to one sector or type of buyer. That shuts out suppliers who have done the same work elsewhere.`,
      'Ask for experience of work of comparable scope and complexity in any sector (public, private or voluntary), and judge it on its relevance and results.',
    );
  }
  if (lower.indexOf('insur') >= 0 || lower.indexOf('indemnity') >= 0 || lower.indexOf('liability') >= 0) insurance(doc);
  if (lower.indexOf('audited') >= 0) {
    scanSimple(
      doc,
      [AUDITED_RE],
      'threshold.audited-accounts',
      (t) => `"${t}" are demanded from every supplier, but most small companies are not required to have their accounts audited.`,
      'Ask for audited accounts only "where the supplier is required by law to have them audited", and accept filed, management or other accounts and financial information from everyone else.',
      false,
      AUDITED_OK_RE,
    );
  }
  if (LOCAL_TRIGGER.test(lower)) {
    scanSimple(
      doc,
      LOCAL_RES,
      'threshold.local-presence',
      (t) => `"${t}" requires a presence in a particular place. That excludes suppliers based elsewhere who could deliver the service.`,
      'Specify the outcome that location was meant to secure (for example "attend site within 4 hours of a call, 95% of the time"), not where the supplier is based.',
      false,
      LOCAL_SOFT_RE,
    );
  }
  if (FINANCIAL_TRIGGER.test(lower)) {
    scanSimple(
      doc,
      FINANCIAL_RES,
      'threshold.financial-ratio',
      (t) => `"${t}" sets a fixed financial test that can exclude sound small businesses.`,
      'Use a proportionate financial check, say how you will interpret the results, and accept other evidence of financial capacity (for example a parent company guarantee, bank reference or management accounts).',
      false,
      FINANCIAL_OK_RE,
    );
  }
}

const NEG_BEFORE_RE = /\b(?:not|no|never|need\s+not|does\s+not|do\s+not|without|regardless\s+of)\b[^.;]{0,30}$/i;

function scanSimple(
  doc: Doc,
  res: readonly RegExp[],
  rule: Parameters<typeof add>[1],
  message: (t: string) => string,
  suggestion: string,
  skipMethodCovered = false,
  okInSentence?: RegExp,
): void {
  const text = doc.text;
  for (const re of res) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      const s = m.index + (m[0].length - m[0].trimStart().length);
      const e = m.index + m[0].replace(/[\s,;:.]+$/, '').length;
      if (e <= s) continue;
      const [ss, se] = sentenceAt(doc, s);
      if (testSlice(NEG_BEFORE_RE, text, Math.max(ss, s - 30), s)) continue;
      if (okInSentence && okInSentence.test(text.slice(ss, se))) continue;
      if (rule === 'threshold.sector-experience' || rule === 'threshold.previous-authority') {
        if (
          NOT_REQUIRED_RE.test(text.slice(e, Math.min(se, e + 40))) ||
          /\b(?:not|no)\s+(?:essential|required|necessary|mandatory)\b/i.test(text.slice(ss, se))
        )
          continue;
        if (covered(doc, s, e, 'threshold')) continue;
        if (testSlice(EXAMPLE_BEFORE_RE, text, Math.max(ss, s - 60), s)) continue;
      }
      if (skipMethodCovered && covered(doc, s, e, 'method')) continue;
      add(doc, rule, s, e, message(text.slice(s, e)), suggestion);
    }
  }
}

function turnover(doc: Doc): void {
  const text = doc.text;
  const currency = doc.ctx.currency ?? 'GBP';
  TURNOVER_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TURNOVER_RE.exec(text)) !== null) {
    const ts = m.index;
    const te = ts + m[0].length;
    const [ss, se] = sentenceAt(doc, ts);
    if (testSlice(NEG_BEFORE_RE, text, Math.max(ss, ts - 30), ts)) continue;
    const spanStart = ts;
    // multiplier of the contract value
    MULTIPLIER_RE.lastIndex = ss;
    let mm: RegExpExecArray | null;
    let handled = false;
    while ((mm = MULTIPLIER_RE.exec(text)) !== null && mm.index < se) {
      const k = mult(mm[1]);
      if (!isFinite(k)) continue;
      handled = true;
      if (k > 2) {
        const s = Math.min(spanStart, mm.index);
        const e = Math.max(te, mm.index + mm[0].length);
        add(
          doc,
          'threshold.turnover-excessive',
          s,
          e,
          `The minimum turnover is ${k} times the contract value. More than twice the contract value is disproportionate and shuts out SMEs.`,
          'Set the minimum yearly turnover at no more than twice the estimated contract value, or drop it and assess financial capacity proportionately.',
        );
      }
    }
    if (handled) continue;
    const amounts = findMoney(text, ss, se, moneyScratch);
    if (amounts.length === 0) continue;
    let contractValue: number | undefined;
    let contractIdx = -1;
    for (let i = 0; i < amounts.length; i++) {
      const a = amounts[i];
      const before = text.slice(Math.max(ss, a.start - 45), a.start);
      const after = text.slice(a.end, Math.min(se, a.end + 30));
      if (
        VALUE_BEFORE_RE.test(before) ||
        (VALUE_AFTER_RE.test(after) && !/turnover/i.test(after)) ||
        (VALUE_FOR_BEFORE_RE.test(before) && VALUE_AFTER_RE.test(after))
      ) {
        contractValue = a.value;
        contractIdx = i;
        break;
      }
    }
    // the turnover amount: nearest non-contract amount to the word "turnover"
    let best: Money | undefined;
    let bestDist = Infinity;
    for (let i = 0; i < amounts.length; i++) {
      if (i === contractIdx) continue;
      const a = amounts[i];
      const d = a.start >= te ? a.start - te : ts - a.end;
      if (d < bestDist) {
        bestDist = d;
        best = a;
      }
    }
    if (!best || bestDist > 80) continue;
    const value = contractValue ?? doc.ctx.estimatedValue;
    const s = Math.min(ts, best.start);
    const e = Math.max(te, best.end);
    if (value !== undefined && value > 0) {
      const ratio = best.value / value;
      if (ratio > 2.0001) {
        add(
          doc,
          'threshold.turnover-excessive',
          s,
          e,
          `The minimum turnover (${formatMoney(best.value, currency)}) is ${+ratio.toFixed(1)} times the contract value (${formatMoney(value, currency)}). More than twice the contract value is disproportionate and shuts out SMEs.`,
          `Lower the minimum yearly turnover to no more than ${formatMoney(2 * value, currency)} (twice the contract value), or drop it and assess financial capacity proportionately.`,
        );
      }
    } else {
      add(
        doc,
        'threshold.turnover-unverified',
        s,
        e,
        `A minimum turnover of ${formatMoney(best.value, currency)} is required, but the contract value is not stated, so it cannot be checked against the limit of twice the contract value.`,
        `Make sure the minimum turnover is no more than twice the estimated contract value (for a ${formatMoney(best.value / 2, currency)} contract at most ${formatMoney(best.value, currency)}). State the contract value in the tender.`,
      );
    }
  }
}

function insurance(doc: Doc): void {
  const text = doc.text;
  INSURANCE_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = INSURANCE_RE.exec(text)) !== null) {
    const s = m.index;
    const e = s + m[0].length;
    const [ss, se] = sentenceAt(doc, s);
    const sentence = text.slice(ss, se);
    if (covered(doc, s, e, 'threshold')) continue;
    if (LAW_RE.test(sentence)) continue;
    const kind = (m[1] ?? '').toLowerCase();
    if (kind.startsWith('motor')) continue;
    const amounts = findMoney(text, ss, se, moneyScratch);
    const amount = amounts.length ? Math.max(...amounts.map((a) => a.value)) : undefined;
    if ((kind.startsWith('employer') || kind === 'el') && (amount === undefined || amount <= 5e6)) continue;
    if (AWARD_STAGE_RE.test(sentence)) continue;
    if (!BID_STAGE_RE.test(sentence)) continue;
    if (testSlice(NEG_BEFORE_RE, text, Math.max(ss, s - 30), s)) continue;
    let end = e;
    for (const a of amounts) if (a.start > e && a.start - e < 30) end = a.end;
    add(
      doc,
      'threshold.insurance-at-bid',
      s,
      end,
      `"${text.slice(s, end)}" is demanded from bidders before award. Apart from insurance the law already requires, you may not make contract insurance a condition of taking part.`,
      'Ask bidders to confirm they will have the insurance in place from the start of the contract (for example "the successful supplier must hold £Xm professional indemnity insurance from contract start"), and set the level in proportion to the risk.',
    );
  }
}
