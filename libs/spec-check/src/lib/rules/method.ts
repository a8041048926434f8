import { add, covered, type Doc, hasEquivalence, sentenceAt, testSlice } from '../text/doc';
import { AT_LEAST, NUM, oneOf, pattern } from '../text/patterns';

// Cheap tests for whether a rule has anything to look for, compiled once rather than on every check.
const ONSITE_TRIGGER = /on[- ]?site|office|premises|in[- ]person|co-?locat|remote|based|headquarters|hq\b|building/;
const HOURS_TRIGGER = /\d|hours|monday|work/;
const TOOL_TRIGGER = /\b(?:use|managed|tracked|recorded|logged|planned)\b/;

const r = String.raw;

const ROLE =
  '(?:(?:full[- ]time|part[- ]time|dedicated|named|senior|junior|lead|qualified|experienced|permanent|on[- ]site|site[- ]based|resident|directly[- ]employed|agency|mobile|specialist|additional|separate|female|male)\\s+)*' +
  '(?:software\\s+)?(?:developers?|engineers?|testers?|(?:business|data|test|security|systems?)\\s+analysts?|analysts?|consultants?|designers?|architects?|' +
  'project\\s+managers?|programme\\s+managers?|delivery\\s+managers?|product\\s+(?:owners?|managers?)|scrum\\s+masters?|account\\s+managers?|contract\\s+managers?|' +
  'service\\s+managers?|site\\s+managers?|managers?|supervisors?|team\\s+leaders?|operatives?|cleaners?|caretakers?|porters?|officers?|advisers?|advisors?|' +
  'FTEs?|full[- ]time\\s+equivalents?|personnel|carers?|care\\s+workers?|support\\s+workers?|nurses?|therapists?|clinicians?|doctors?|guards?|' +
  'security\\s+officers?|drivers?|technicians?|trainers?|coaches?|caseworkers?|social\\s+workers?|workers?|specialists?|gardeners?|' +
  'surveyors?|electricians?|plumbers?|labourers?|chefs?|cooks?|kitchen\\s+assistants?|receptionists?|administrators?|coordinators?|co-ordinators?|' +
  'staff\\s+members?|members\\s+of\\s+staff|people|resources?)';

const TEAM_RES: readonly RegExp[] = [
  // "a team of five developers", "a minimum of 3 consultants"
  new RegExp(
    `\\b(?:team|squad|crew|pool|cohort|workforce|staffing\\s+(?:level|complement)|complement)\\s+of\\s+${AT_LEAST}${NUM}(?:\\s+${ROLE})?\\b`,
    'gi',
  ),
  // "provide/deploy/allocate at least 4 cleaners"
  new RegExp(
    `\\b(?:provide|provides|supply|deploy|deploys|allocate|allocates|assign|assigns|dedicate|dedicates|field|make\\s+available|include|includes|comprise|comprises|consist\\s+of|staff(?:ed)?\\s+(?:with|by)|roster|have|has|use|uses)\\s+${AT_LEAST}(?:${NUM}|a\\s+(?:separate\\s+)?full[- ]time)\\s+${ROLE}\\b(?!\\s+(?:per\\s+(?:week|month|year)|in\\s+total))`,
    'gi',
  ),
  // "2 x senior developers", "3 FTE"
  /\b\d+(?:\.\d+)?\s*(?:x\s+)?(?:FTEs?|full[- ]time\s+equivalents?|WTEs?|whole[- ]time\s+equivalents?)\b/gi,
  // "the team must include a business analyst, a tester and a delivery manager"
  /\b(?:team|squad|resource\s+plan|staffing)\s+(?:must|shall|should|will)\s+(?:include|comprise|consist\s+of|be\s+made\s+up\s+of|contain)\b[^.;]{3,}/gi,
  // "a dedicated full-time account manager"
  /\b(?:a|one|an)\s+(?:dedicated\s+full[- ]time|full[- ]time\s+dedicated|full[- ]time|on[- ]site\s+full[- ]time|full[- ]time\s+on[- ]site)\s+(?:\w+\s+){0,2}(?:manager|lead|coordinator|co-ordinator|officer|engineer|administrator|supervisor)\b/gi,
  // "two night staff at each home", "2 waking staff per house"
  new RegExp(
    `\\b(?:provide|employ|deploy|allocate|roster|supply|have|use|staff(?:ed)?\\s+with)\\s+${AT_LEAST}${NUM}\\s+(?:[\\w-]+\\s+)?(?:staff|people|workers|members\\s+of\\s+staff)\\s+(?:at\\s+(?:each|every|all)|per|on\\s+(?:each|every)|in\\s+each|for\\s+each|on\\s+duty|on\\s+shift)\\b`,
    'gi',
  ),
  // "Two security guards must be on duty", "At least three nurses must be on each shift"
  new RegExp(
    `\\b${AT_LEAST}${NUM}\\s+(?:[\\w-]+\\s+)?(?:${ROLE}|staff)\\s+(?:must|shall|will|should)\\s+(?:be\\s+|work\\s+)?(?:on\\s+duty|on\\s+site|present|rostered|deployed|assigned|on\\s+(?:each|every)\\s+shift|on\\s+shift|in\\s+attendance)\\b`,
    'gi',
  ),
  // "N people per shift", "two carers on each visit\"
  new RegExp(
    `\\b${NUM}\\s+${ROLE}\\s+(?:per|on\\s+each|on\\s+every|for\\s+each|each)\\s+(?:shift|site|visit|floor|ward|day|night|school|building|team|call)\\b`,
    'gi',
  ),
  // "staffing ratio of 1:4"
  /\b(?:staff(?:ing)?|supervision|carer|officer)[- ](?:to[- ]\w+\s+)?ratios?\s+(?:of\s+)?\d+\s*:\s*\d+/gi,
];

const ONSITE_RES: readonly RegExp[] = [
  // "Two full-time project managers must be based on site": a count of staff and where they must sit
  new RegExp(
    `\\b${AT_LEAST}${NUM}\\s+${ROLE}\\s+(?:must|shall|will|(?:is|are)\\s+(?:required|expected)\\s+to)\\s+(?:be\\s+)?(?:based|located|stationed|work|working)\\s+(?:full[- ]time\\s+)?(?:on[- ]?site|at\\s+(?:our|the\\s+\\w+['’]?s?)\\s+(?:offices?|premises|site|building|headquarters)|in\\s+(?:our|the)\\s+offices?)\\b`,
    'gi',
  ),
  new RegExp(
    `\\b(?:on[- ]?site|in\\s+(?:the|our)\\s+(?:office|offices)|in[- ]person|in\\s+the\\s+building|at\\s+(?:our|the\\s+\\w+['’]s?)\\s+(?:offices?|premises|headquarters|HQ|site|building))\\s+(?:for\\s+)?${AT_LEAST}${NUM}\\s+(?:full\\s+)?days?\\s+(?:a|per|each|every|in\\s+(?:a|each|every))\\s+(?:week|fortnight|month)\\b`,
    'gi',
  ),
  new RegExp(
    `\\b${AT_LEAST}${NUM}\\s+days?\\s+(?:a|per|each|every)\\s+(?:week|fortnight|month)\\s+(?:on[- ]?site|in\\s+(?:the|our)\\s+offices?|in[- ]person|at\\s+(?:our|the\\s+\\w+['’]?s?)\\s+(?:offices?|premises|headquarters|HQ|site))\\b`,
    'gi',
  ),
  /\b(?:work(?:ing)?|be\s+based|be\s+located|operate|be\s+stationed)\s+(?:full[- ]time\s+)?(?:from|at|in|within)\s+(?:our|the\s+(?:council|trust|authority|department|ministry|agency|board|client|buyer|customer|school|university)['’]?s?)\s+(?:own\s+)?(?:offices?|premises|headquarters|HQ|building|site|sites|base)\b/gi,
  /\b(?:co-?locat(?:e|ed|ion)|be\s+co-?located)\b(?![^.;]{0,40}\bwhere\b)/gi,
  /\b(?:staff|team|consultants?|personnel|resources?|developers?|engineers?|the\s+supplier['’]s\s+(?:staff|team))\s+(?:must|shall|will|should)\s+(?:be\s+)?(?:on[- ]?site|based\s+on[- ]?site|work\s+on[- ]?site|attend\s+(?:our|the)\s+(?:offices?|site))\s+(?:full[- ]time|every\s+day|daily|each\s+day|at\s+all\s+times|throughout|for\s+the\s+(?:whole|full|entire)|(?:\w+\s+){0,2}days?\s+(?:a|per)\s+week)\b/gi,
  /\b(?:all\s+(?:the\s+)?|the\s+)work\s+(?:will|must|shall|is\s+to)\s+be\s+(?:done|carried\s+out|performed|undertaken|delivered|completed)\s+(?:at|in|from)\s+(?:our|the\s+\w+['’]?s?)\s+(?:own\s+)?(?:offices?|premises|headquarters|HQ|building)\b/gi,
  /\b(?:no|not|never)\s+(?:remote|home)[- ]working\b|\bremote\s+working\s+(?:is|will\s+not\s+be|shall\s+not\s+be)\s+(?:not\s+)?(?:permitted|allowed|accepted)\b|\bmust\s+not\s+work\s+(?:remotely|from\s+home)\b/gi,
];

const METHODOLOGY_NAMES =
  '(?:Agile|agile|Scrum|SCRUM|Kanban|SAFe|PRINCE2|PRINCE\\s?2|Waterfall|waterfall|DSDM|Lean\\s+Six\\s+Sigma|Six\\s+Sigma|Lean|ITIL|TOGAF|MSP|PMBOK|Design\\s+Thinking|Double\\s+Diamond|Extreme\\s+Programming|XP|V-Model|Critical\\s+Chain|Earned\\s+Value\\s+Management|MoSCoW|Gateway\\s+Review|OGC\\s+Gateway|Five\\s+Case\\s+Model|Better\\s+Business\\s+Cases|Systems\\s+Thinking|Vanguard|Signs\\s+of\\s+Safety|Motivational\\s+Interviewing|Restorative\\s+Practice|PDSA|Plan[- ]Do[- ]Study[- ]Act|Value\\s+Engineering|Last\\s+Planner|BS\\s?6079|Theory\\s+of\\s+Change)';
const METHODOLOGY_RES: readonly RegExp[] = [
  new RegExp(
    `\\b(?:use|uses|using|follow|follows|following|adopt|adopts|adopting|apply|applies|applying|work(?:ing)?\\s+(?:in|to|using|under|within)|run|managed\\s+(?:using|under|in\\s+line\\s+with|in\\s+accordance\\s+with|through)|deliver(?:ed)?\\s+(?:using|under|through|in\\s+line\\s+with|in\\s+accordance\\s+with|via)|in\\s+accordance\\s+with|in\\s+line\\s+with|based\\s+on|according\\s+to|compliant\\s+with|conform\\s+to)\\s+(?:an?\\s+|the\\s+)?(?:principles\\s+of\\s+|recognised\\s+|formal\\s+|full\\s+)?${METHODOLOGY_NAMES}(?:\\s+(?:methodology|methodologies|method|methods|approach|framework|principles|practices|ceremonies|process(?:es)?|model|techniques?|delivery|project\\s+management))?\\b`,
    'g',
  ),
  new RegExp(
    `\\b${METHODOLOGY_NAMES}\\s+(?:(?:methodology|method|approach|principles)\\s+)?(?:must|shall|will|should)\\s+be\\s+(?:used|followed|adopted|applied)\\b`,
    'g',
  ),
  new RegExp(
    `\\b${METHODOLOGY_NAMES}\\s+(?:methodology|methodologies|project\\s+management\\s+(?:methodology|method|approach)|ceremonies|sprints?|framework\\s+must)\\b`,
    'g',
  ),
  /\b(?:must|shall|will|should|is\s+required\s+to|are\s+required\s+to)\s+(?:use|follow|adopt|apply|work\s+to|comply\s+with|implement)\s+(?:our|the\s+(?:council|trust|authority|department|ministry|buyer|client|customer|board)['’]?s?)\s+(?:own\s+|existing\s+|standard\s+|approved\s+|preferred\s+|in[- ]house\s+)?(?:[\w-]+\s+){0,3}(?:methodology|methodologies|method|methods|approach|process|processes|procedures?|framework|techniques?|templates?\s+and\s+processes|ways\s+of\s+working)\b/gi,
  /\b(?:must|shall|will|should)\s+(?:use|follow|adopt|apply)\s+(?:the\s+)?(?:following|prescribed|specified|attached|mandated)\s+(?:methodology|method|methods|approach|process|procedure|steps|sequence|techniques?)\b/gi,
];

// Cleaning, grounds and care tasks, in the forms a specification uses ("mopped", "mopping", "mop").
const ROUTINE_TASK = oneOf(
  r`mopp(?:ed|ing)`,
  'mop',
  r`vacuum(?:ed|ing)?`,
  r`hoover(?:ed|ing)?`,
  'swept',
  r`sweep(?:ing)?`,
  r`dust(?:ed|ing)?`,
  r`wip(?:ed|e|ing)`,
  r`polish(?:ed|ing)?`,
  r`scrubb(?:ed|ing)`,
  'scrub',
  r`buff(?:ed|ing)?`,
  'emptied',
  r`empty(?:ing)?`,
  r`wash(?:ed|ing)?`,
  'mown',
  r`mow(?:ed|ing)?`,
  'cut',
  r`strimm(?:ed|ing)`,
  'strim',
  r`prun(?:ed|ing|e)`,
  r`weed(?:ed|ing)?`,
  r`gritt(?:ed|ing)`,
  'grit',
  r`litter[- ]pick(?:ed|ing)?`,
  r`patroll(?:ed|ing)`,
  'patrol',
  r`visit(?:ed|s|ing)?`,
  r`clean(?:ed|ing)?`,
  r`inspect(?:ed|ing)?`,
  r`disinfect(?:ed|ing)?`,
  r`contact(?:ed|ing)?`,
  r`telephon(?:e|ed|ing)`,
  r`phon(?:e|ed|ing)`,
  r`call(?:ed|ing)?`,
  r`sanitis(?:ed|ing|e)`,
  r`shampoo(?:ed|ing)?`,
  r`jet[- ]wash(?:ed|ing)?`,
);
// How often: "twice a week", "daily", "every 4 hours", "on every shift".
const FREQUENCY = oneOf(
  r`(?:at\s+least\s+|no\s+less\s+than\s+)?` +
    oneOf('once', 'twice', r`three\s+times`, r`four\s+times`, r`five\s+times`, r`six\s+times`, r`\d+\s+times`) +
    r`\s+` +
    oneOf('a', 'per', 'each', 'every') +
    r`\s+` +
    oneOf('day', 'week', 'month', 'shift', 'hour', 'fortnight', 'year', 'term'),
  r`(?:once\s+)?daily`,
  'hourly',
  'weekly',
  'fortnightly',
  'monthly',
  r`every\s+` + oneOf(r`\d+`, 'two', 'three', 'four', 'six', 'other') + r`\s+` + oneOf(r`hours?`, r`days?`, r`weeks?`, r`months?`),
  r`every\s+` + oneOf('day', 'morning', 'evening', 'night', 'hour', 'week', 'month', 'shift'),
  r`(?:on\s+)?(?:every|each)\s+shift`,
  r`per\s+shift`,
);
const ROUTINE_TASK_FREQUENCY_RE = pattern('gi', r`\b(?:be\s+|are\s+|is\s+)?`, ROUTINE_TASK, r`\s+(?:\w+\s+){0,4}?`, FREQUENCY, r`\b`);

const PROCESS_RES: readonly RegExp[] = [
  // frequency-based cleaning / grounds / care tasks
  ROUTINE_TASK_FREQUENCY_RE,
  // time-and-task care
  /\b\d{1,3}[- ]minute\s+(?:visits?|calls?|sessions?|appointments?|slots?)\b/gi,
  /\b(?:visits?|calls?|sessions?|appointments?)\s+(?:must|shall|will|should)\s+(?:last|be)\s+(?:at\s+least\s+|a\s+minimum\s+of\s+|exactly\s+|no\s+less\s+than\s+)?\d+\s+minutes?\b/gi,
  // delivery format fixed as a number of sessions
  new RegExp(
    `\\b(?:deliver(?:ed)?|run|provided?|held|taught|structured)\\s+(?:\\w+\\s+){0,3}?(?:in|as|over|through)\\s+(?:exactly\\s+)?${NUM}\\s+(?:[\\w-]+\\s+){0,2}?(?:sessions|workshops|modules|lessons|classes|seminars|webinars)\\b`,
    'gi',
  ),
  // a fixed number of workshops, interviews or meetings
  new RegExp(
    `\\b(?:run|hold|deliver|facilitate|conduct|carry\\s+out|organise|undertake|complete|attend)\\s+(?:at\\s+least\\s+|exactly\\s+|a\\s+minimum\\s+of\\s+)?${NUM}\\s+(?:[\\w-]+\\s+){0,2}?(?:workshops|focus\\s+groups|interviews|surveys|meetings|sessions|events|site\\s+visits|consultation\\s+events|roadshows|drop-in\\s+sessions|webinars)\\b`,
    'gi',
  ),
  // checks or tasks done by a named role on every shift / visit
  /\b(?:carried\s+out|done|completed|undertaken|performed|signed\s+off|checked|inspected|supervised)\s+by\s+(?:a|an|the|one|two)\s+(?:[\w-]+\s+){0,2}?(?:supervisor|manager|engineer|nurse|officer|team\s+leader|senior|qualified\s+\w+)\b[^.;]{0,40}?\b(?:on\s+)?(?:every|each)\s+(?:shift|visit|day|round|floor|ward|site)\b/gi,
  // prescribed steps and sequence
  /\b(?:must|shall|will|should)\s+first\s+\w+[^.;]{0,80}?\b(?:and\s+then|then|before|followed\s+by)\b/gi,
  /\b(?:in\s+the\s+following\s+(?:order|sequence)|the\s+following\s+steps|using\s+the\s+following\s+(?:steps|method|process)|step[- ]by[- ]step\s+(?:process|method)\s+(?:set\s+out|below|described))\b/gi,
  // agile ceremonies and fixed meetings cadence for delivery
  /\b(?:daily\s+stand[- ]?ups?|stand[- ]up\s+meetings?|(?:one|two|three|four|\d)[- ]week\s+sprints?|fortnightly\s+sprints?|sprint\s+(?:planning|reviews?|retrospectives?)|retrospectives|show\s+and\s+tells?)\b/gi,
  // by hand / using a particular technique
  /\b(?:must|shall|will|should)\s+be\s+(?:carried\s+out|done|completed|undertaken|performed|cleaned|cut|applied|removed)\s+(?:manually|by\s+hand|using\s+(?:a|an|the)\s+(?:\w+\s+){0,2}(?:method|technique|mop\s+and\s+bucket|bucket|brush|spray))\b/gi,
  /\b(?:must|shall|will|should)\s+(?:be\s+)?(?:hand[- ]washed|hand[- ]dug|hand[- ]cut|hand[- ]picked)\b/gi,
];

const HOURS_RES: readonly RegExp[] = [
  new RegExp(
    `(?<=^|[.!?;:]\\s+)\\s*(?:the\\s+|all\\s+|our\\s+)?${ROLE}\\s+(?:must|shall|will|should)\\s+(?!be\\s+able)(?:\\w+\\s+){1,4}?(?:at|from|by|before|until)\\s+\\d{1,2}(?:[:.]\\d{2})?\\s*(?:am|pm)\\b`,
    'gi',
  ),
  /\b(?:staff|team|teams|consultants?|personnel|operatives?|engineers?|developers?|contractors?|workers?|cleaners?|officers?|resources?|employees|the\s+supplier['’]s\s+(?:staff|team|personnel|employees))\s+(?:must|shall|will|should|are\s+(?:required|expected)\s+to)\s+(?:work|be\s+(?:at\s+work|on\s+duty|working|on\s+site|in\s+the\s+office|present|based)|attend|start|finish)\b[^.;]{0,50}?(?:\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)\b|\b\d{1,2}[:.]\d{2}\b|\b(?:office|working|core|standard|normal|business)\s+hours\b|\b9\s*(?:to|-|–)\s*5\b|\bMonday\s+to\s+Friday\b)/gi,
  /\b(?:must|shall|will|should)\s+work\s+(?:our|the\s+\w+['’]?s?|standard|normal|core|office|fixed)\s+(?:core\s+|office\s+|working\s+)?hours\b/gi,
  /\b(?:working|core)\s+hours\s+(?:must|shall|will)\s+be\b[^.;]{0,40}\b\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?/gi,
  /\b(?:work|working)\s+(?:pattern|rota|shift\s+pattern)\s+(?:must|shall|will)\s+(?:be|follow|match)\b/gi,
  /\b(?:must|shall|will|should)\s+(?:not\s+)?work\s+(?:\w+\s+)?(?:\d+|thirty|forty|thirty-seven|37\.5)\s+hours\s+(?:a|per)\s+week\b/gi,
];

const TOOLS =
  "(?:Gantt\\s+charts?|Kanban\\s+boards?|burn[- ]?down\\s+charts?|whiteboards?|spreadsheets?|Excel|Jira|Trello|Asana|Smartsheet|Monday\\.com|Microsoft\\s+Project|MS\\s+Project|Primavera(?:\\s+P6)?|Asta(?:\\s+Powerproject)?|Confluence|Basecamp|Wrike|paper\\s+timesheets?|Oracle(?:\\s+Fusion)?|SAP|Workday|iTrent|(?:the\\s+)?(?:council|trust|authority|department)['’]s\\s+(?:own\\s+)?(?:project|task|time|ticketing|timesheet)\\s+(?:management\\s+)?(?:tool|system|software))";
const TOOL_RES: readonly RegExp[] = [
  new RegExp(
    `\\b(?:must|shall|will|should)\\s+(?:use|manage\\s+(?:\\w+\\s+){0,3}(?:in|using|on)|track\\s+(?:\\w+\\s+){0,3}(?:in|using|on)|record\\s+(?:\\w+\\s+){0,3}(?:in|using|on)|plan\\s+(?:\\w+\\s+){0,3}(?:in|using|on))\\s+(?:a\\s+|an\\s+|the\\s+|our\\s+)?${TOOLS}(?:\\s+to\\s+(?:manage|track|plan|record|schedule|log))?`,
    'gi',
  ),
  new RegExp(
    `\\b(?:[Pp]roject|[Tt]ask|[Ww]ork|[Bb]acklog|[Ii]ssue|[Dd]efect|[Tt]imesheet|[Pp]rogress|[Ss]chedule|[Pp]rogramme)s?\\s+(?:\\w+\\s+){0,2}(?:must|shall|will|should)\\s+be\\s+(?:managed|tracked|recorded|logged|planned|scheduled|kept|maintained)\\s+(?:in|using|on|through|via)\\s+(?:a\\s+|an\\s+|the\\s+|our\\s+)?${TOOLS}`,
    'g',
  ),
];

const STAFF_EXPERIENCE_RE = new RegExp(
  `\\b(?:staff|consultants?|personnel|team\\s+members?|each\\s+member\\s+of\\s+the\\s+team|the\\s+team|members\\s+of\\s+(?:the\\s+)?team|operatives?|engineers?|developers?|carers?|care\\s+workers?|workers?|managers?|project\\s+managers?|lead|leads|trainers?|drivers?|assessors?|advisers?|advisors?|officers?|practitioners?|clinicians?|nurses?|therapists?|surveyors?|individuals|key\\s+personnel|all\\s+personnel|anyone|each\\s+\\w+)\\b[^.;]{0,60}?\\b(?:have|has|with|possess|bring|demonstrate)\\s+${AT_LEAST}${NUM}\\+?\\s+years?['’]?\\s*(?:of\\s+)?(?:post[- ]qualification\\s+|relevant\\s+|proven\\s+|direct\\s+|practical\\s+|professional\\s+|hands[- ]on\\s+|demonstrable\\s+)*(?:experience|practice)`,
  'gi',
);
const STAFF_EXPERIENCE_RE2 = new RegExp(
  `\\b${AT_LEAST}${NUM}\\+?\\s+years?['’]?\\s*(?:of\\s+)?(?:post[- ]qualification\\s+|relevant\\s+|proven\\s+|direct\\s+|practical\\s+|professional\\s+|hands[- ]on\\s+)*(?:experience|practice)\\b[^.;]{0,40}?\\b(?:as\\s+an?|in\\s+(?:a|the)\\s+(?:role|post|position))\\b`,
  'gi',
);

const TEAM_TRIGGER =
  /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|team|squad|crew|fte|wte|full[- ]time|ratio|complement|workforce|staffing)\b/;
const METHOD_TRIGGER =
  /agile|scrum|kanban|safe|prince|waterfall|dsdm|lean|sigma|itil|togaf|msp|pmbok|thinking|diamond|programming|v-model|chain|earned|moscow|gateway|five case|business cases|vanguard|signs of safety|motivational|restorative|pdsa|plan-do|value engineering|last planner|6079|theory of change|xp\b|method|approach|process|procedure|framework|technique|template|ways of working/;
const PROCESS_TRIGGER =
  /\d|daily|weekly|hourly|monthly|fortnightly|annually|yearly|once|twice|times|every|first|following|step|stand|sprint|retro|show and tell|manual|by hand|hand[- ]|sessions|workshops|modules|lessons|classes|seminars|webinars/;
const NEGATION_RE =
  /\b(?:not|no|never|nor|without|rather\s+than|instead\s+of|free\s+to|may\s+choose|(?:is|are)\s+(?:for|up\s+to)\s+(?:the\s+)?(?:supplier|provider|bidders?))\b[^.;]{0,25}$/i;

function scan(
  doc: Doc,
  res: readonly RegExp[],
  rule: Parameters<typeof add>[1],
  message: (m: string) => string,
  suggestion: string,
  allowEquivalent = false,
): void {
  const text = doc.text;
  for (const re of res) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const s = m.index;
      const e = s + m[0].replace(/[\s,;:.]+$/, '').length;
      const [ss] = sentenceAt(doc, s);
      if (testSlice(NEGATION_RE, text, Math.max(ss, s - 35), s)) continue;
      if (allowEquivalent && hasEquivalence(doc, s)) continue;
      if (covered(doc, s, e, 'method')) continue;
      add(doc, rule, s, e, message(text.slice(s, e)), suggestion);
    }
  }
}

export function checkMethod(doc: Doc): void {
  const lower = doc.lower;
  if (TEAM_TRIGGER.test(lower))
    scan(
      doc,
      TEAM_RES,
      'method.team-composition',
      (t) => `"${t}" dictates how many people, or which roles, the supplier must use.`,
      'Specify the outcomes and service levels you need (for example "all reported faults fixed within 4 hours, 95% of the time") and let suppliers decide how to staff the work. Ask for a staffing plan to be evaluated instead.',
    );
  if (ONSITE_TRIGGER.test(lower)) {
    scan(
      doc,
      ONSITE_RES,
      'method.on-site',
      (t) => `"${t}" dictates where and how often the supplier's staff must attend.`,
      'Say which activities need to happen in person and why (for example "attend the monthly service review in person"); let suppliers propose how to work the rest of the time.',
    );
  }
  if (METHOD_TRIGGER.test(lower))
    scan(
      doc,
      METHODOLOGY_RES,
      'method.named-methodology',
      (t) => `"${t}" tells the supplier which method to use rather than what to achieve.`,
      'Describe the results and controls you need (for example "show working software to users every month and act on their feedback") and let suppliers propose their method, or add "or an equivalent approach".',
      true,
    );
  if (PROCESS_TRIGGER.test(lower))
    scan(
      doc,
      PROCESS_RES,
      'method.process-steps',
      (t) => `"${t}" prescribes the task, its frequency or its steps (an input specification).`,
      'Specify the standard to be achieved and how it will be checked (for example "floors visibly clean, dry and free from litter at all times, measured by monthly audit scoring at least 95%") and let suppliers decide how often and how to do the work.',
    );
  if (HOURS_TRIGGER.test(lower)) {
    scan(
      doc,
      HOURS_RES,
      'method.working-hours',
      (t) => `"${t}" fixes when the supplier's staff must work.`,
      'Say when the service must be available or when tasks must be completed (for example "the helpdesk must answer calls from 8am to 6pm, Monday to Friday"), not when staff must work.',
    );
  }
  if (TOOL_TRIGGER.test(lower)) {
    scan(
      doc,
      TOOL_RES,
      'method.tools',
      (t) => `"${t}" dictates the tools the supplier must use to manage its own work.`,
      'Ask for the information you need (for example "a weekly progress report showing completed, planned and blocked work") and let suppliers choose their tools.',
    );
  }
  if (lower.indexOf('year') >= 0 && (lower.indexOf('experience') >= 0 || lower.indexOf('practice') >= 0)) {
    scan(
      doc,
      [STAFF_EXPERIENCE_RE, STAFF_EXPERIENCE_RE2],
      'method.staff-experience',
      (t) => `"${t}" sets a fixed number of years' experience for staff.`,
      'Describe the skills, knowledge or results the people must show (for example "has led at least two comparable projects to completion"), and assess them through CVs or interviews.',
    );
  }
}
