import { EvaluationRules, PriceParameters, RESPONSE_RULES_HEADING, ResponseRules, TenderContent, Timetable } from '@openbrief/contracts';

/**
 * DOM ids of the editor's fields. Error summaries, publication blockers and the checker's
 * findings panel all link to fields by these ids (the outcome field is `outcome-<requirementId>`).
 */
export type RequirementPart =
  'outcome' | 'heading' | 'why' | 'measure' | 'baseline' | 'target' | 'unit' | 'room' | 'kind' | 'priority' | 'justification';

export const requirementField = (id: string, part: RequirementPart): string => (part === 'outcome' ? `outcome-${id}` : `req-${id}-${part}`);

export type CriterionPart = 'name' | 'type' | 'weight' | 'description' | 'word-limit';
export const criterionField = (id: string, part: CriterionPart): string => `criterion-${id}-${part}`;

export type LotPart = 'title' | 'description' | 'value' | 'add-requirement' | 'criteria' | 'scale' | 'min-quality' | 'price-method';
export const lotField = (id: string, part: LotPart): string => `lot-${id}-${part}`;

export const descriptorField = (lotId: string, index: number, part: 'label' | 'description'): string =>
  `lot-${lotId}-descriptor-${index}-${part}`;

/** A lot's panel and result rules (`rules.<key>` in the API). */
export type RulesPart = Exclude<keyof EvaluationRules, 'price'>;
export const rulesField = (lotId: string, key: RulesPart): string => `lot-${lotId}-rules-${key}`;

/** A parameter of the lot's price method (`rules.price.<key>` in the API). */
export const priceParameterField = (lotId: string, key: keyof PriceParameters): string => `lot-${lotId}-price-${key}`;

export const timetableField = (key: keyof Timetable): string => `timetable-${key}`;

export const responseRuleField = (key: keyof ResponseRules): string => `response-rules-${key}`;

/** The editor's sections, in page order. */
export type SectionId = 'summary' | 'problem' | 'lots' | 'requirements' | 'evaluation' | 'timetable' | 'responding' | 'budget' | 'contact';

export const SECTIONS: readonly { id: SectionId; label: string }[] = [
  { id: 'summary', label: 'Title and summary' },
  { id: 'problem', label: 'The problem' },
  { id: 'lots', label: 'Lots' },
  { id: 'requirements', label: 'Requirements' },
  { id: 'evaluation', label: 'How bids are scored' },
  { id: 'timetable', label: 'Timetable' },
  { id: 'responding', label: RESPONSE_RULES_HEADING },
  { id: 'budget', label: 'Budget and contract' },
  { id: 'contact', label: 'Contact' },
];

const TOP_LEVEL: Record<string, { id: string; section: SectionId }> = {
  title: { id: 'title', section: 'summary' },
  summary: { id: 'summary', section: 'summary' },
  problem: { id: 'problem', section: 'problem' },
  users: { id: 'users', section: 'problem' },
  workDone: { id: 'work-done', section: 'problem' },
  constraints: { id: 'constraints', section: 'problem' },
  engagementSummary: { id: 'engagement-summary', section: 'problem' },
  noEngagementReason: { id: 'no-engagement-reason', section: 'problem' },
  estimatedValue: { id: 'estimated-value', section: 'budget' },
  'budget.min': { id: 'budget-min', section: 'budget' },
  'budget.max': { id: 'budget-max', section: 'budget' },
  'budget.vatBasis': { id: 'vat-basis', section: 'budget' },
  'contract.lengthMonths': { id: 'contract-length', section: 'budget' },
  'contract.extensionOptions': { id: 'extension-options', section: 'budget' },
  'contract.jurisdiction': { id: 'jurisdiction', section: 'budget' },
  location: { id: 'location', section: 'budget' },
  mainCategory: { id: 'main-category', section: 'budget' },
  regions: { id: 'regions', section: 'budget' },
  procedure: { id: 'procedure', section: 'budget' },
  singleLotReason: { id: 'single-lot-reason', section: 'lots' },
  'contact.name': { id: 'contact-name', section: 'contact' },
  'contact.email': { id: 'contact-email', section: 'contact' },
  'contact.phone': { id: 'contact-phone', section: 'contact' },
};

const REQUIREMENT_PARTS: Record<string, RequirementPart> = {
  outcome: 'outcome',
  heading: 'heading',
  whyItMatters: 'why',
  'measure.description': 'measure',
  'measure.baseline': 'baseline',
  'measure.target': 'target',
  'measure.unit': 'unit',
  roomForProposals: 'room',
  kind: 'kind',
  priority: 'priority',
  justification: 'justification',
};

export interface FieldLocation {
  readonly fieldId: string;
  readonly section: SectionId;
}

/**
 * Where an API path points in the editor: "lots[0].requirements[2].outcome",
 * "content.lots.0.title" (validation), "requirement:<id>" (checker), "timetable.submissionDeadline"…
 */
export function locateField(path: string | undefined, content: TenderContent | null): FieldLocation | null {
  if (!path) return null;
  const normal = path.replace(/^content\./, '').replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  if (normal.startsWith('requirement:')) {
    return { fieldId: requirementField(normal.slice('requirement:'.length), 'outcome'), section: 'requirements' };
  }
  const top = TOP_LEVEL[normal];
  if (top) return { fieldId: top.id, section: top.section };
  const timetable = /^timetable\.(\w+)$/.exec(normal);
  if (timetable) return { fieldId: timetableField(timetable[1] as keyof Timetable), section: 'timetable' };
  const rule = /^responseRules(?:\.(\w+))?/.exec(normal);
  if (rule) return { fieldId: responseRuleField((rule[1] ?? 'attachmentsAllowed') as keyof ResponseRules), section: 'responding' };
  if (/^contact/.test(normal)) return { fieldId: 'contact-email', section: 'contact' };
  if (/^budget/.test(normal)) return { fieldId: 'budget-min', section: 'budget' };

  // Lots by index ("lots[0].title") or, in publish blockers, by id ("lots.<lotId>.evaluationModel.rules.tieBreak").
  const lotMatch = /^lots\[(\d+)\](?:\.(.*))?$/.exec(normal) ?? /^lots\.([^.[\]]+)(?:\.(.*))?$/.exec(normal);
  const lot = !lotMatch
    ? undefined
    : /^\d+$/.test(lotMatch[1])
      ? content?.lots[Number(lotMatch[1])]
      : content?.lots.find((l) => l.id === lotMatch[1]);
  if (!lotMatch || !lot) return null;
  const rest = lotMatch[2] ?? '';

  const req = /^requirements(?:\[(\d+)\](?:\.(.*))?)?$/.exec(rest);
  if (req) {
    const requirement = req[1] !== undefined ? lot.requirements[Number(req[1])] : undefined;
    if (!requirement) return { fieldId: lotField(lot.id, 'add-requirement'), section: 'requirements' };
    return {
      fieldId: requirementField(requirement.id, REQUIREMENT_PARTS[req[2] ?? 'outcome'] ?? 'outcome'),
      section: 'requirements',
    };
  }
  const crit = /^evaluationModel\.criteria(?:\[(\d+)\](?:\.(\w+))?)?/.exec(rest);
  if (crit) {
    const criteria = lot.evaluationModel.criteria;
    const criterion = crit[1] !== undefined ? criteria[Number(crit[1])] : criteria[0];
    if (!criterion) return { fieldId: lotField(lot.id, 'criteria'), section: 'evaluation' };
    const part: CriterionPart =
      crit[2] === 'name' ? 'name' : crit[2] === 'wordLimit' ? 'word-limit' : crit[2] === 'description' ? 'description' : 'weight';
    return { fieldId: criterionField(criterion.id, part), section: 'evaluation' };
  }
  const rules = /^evaluationModel\.rules(?:\.price)?(?:\.(\w+))?/.exec(rest);
  if (rules) return { fieldId: rulesLocation(lot.id, rules[0].includes('.price') ? 'price' : 'rules', rules[1]), section: 'evaluation' };
  if (rest.startsWith('evaluationModel.priceMethod')) return { fieldId: lotField(lot.id, 'price-method'), section: 'evaluation' };
  if (rest.startsWith('evaluationModel.minimumQualityPercent')) {
    return { fieldId: lotField(lot.id, 'min-quality'), section: 'evaluation' };
  }
  if (rest.startsWith('evaluationModel')) return { fieldId: lotField(lot.id, 'criteria'), section: 'evaluation' };
  if (rest.startsWith('title')) return { fieldId: lotField(lot.id, 'title'), section: 'lots' };
  if (rest.startsWith('description')) return { fieldId: lotField(lot.id, 'description'), section: 'lots' };
  if (rest.startsWith('estimatedValue')) return { fieldId: lotField(lot.id, 'value'), section: 'lots' };
  return { fieldId: lotField(lot.id, 'title'), section: 'lots' };
}

const RULE_KEYS: readonly string[] = [
  'blindMarking',
  'priceHiddenUntilModerated',
  'tieBreak',
  'nearTieMargin',
  'minJustificationChars',
  'moderationSpread',
  'abnormallyLowPercent',
] satisfies RulesPart[];
const PRICE_KEYS: readonly string[] = ['ceilingPrice', 'floorPrice', 'logRatio', 'discountRatePercent'] satisfies (keyof PriceParameters)[];

/** A rule's field, or the first field of the group when the key is missing or unknown. */
function rulesLocation(lotId: string, group: 'rules' | 'price', key: string | undefined): string {
  if (group === 'price') {
    return PRICE_KEYS.includes(key ?? '') ? priceParameterField(lotId, key as keyof PriceParameters) : lotField(lotId, 'price-method');
  }
  return rulesField(lotId, RULE_KEYS.includes(key ?? '') ? (key as RulesPart) : 'blindMarking');
}

const TENDER_TEXT_KEYS = ['title', 'summary', 'problem', 'users', 'workDone', 'constraints', 'engagementSummary'] as const;
const REQUIREMENT_TEXT_PARTS: Partial<Record<RequirementPart, 'whyItMatters' | 'measure' | 'roomForProposals'>> = {
  why: 'whyItMatters',
  measure: 'measure',
  room: 'roomForProposals',
};

/** A free-text field that is co-edited live (a Y.Text), named by where its text lives in the tender. */
export type TextFieldRef =
  | { readonly scope: 'tender'; readonly key: (typeof TENDER_TEXT_KEYS)[number] }
  | { readonly scope: 'requirement'; readonly id: string; readonly key: 'outcome' | 'whyItMatters' | 'measure' | 'roomForProposals' }
  | { readonly scope: 'lot'; readonly id: string; readonly key: 'title' | 'description' };

/**
 * The text field behind an editor field id (`summary`, `outcome-<id>`, `req-<id>-why`, `lot-<id>-title`…),
 * or null for a field that is not free text. The live document, presence and comment anchors all read ids through this.
 */
export function textFieldAt(fieldId: string): TextFieldRef | null {
  const top = TENDER_TEXT_KEYS.find((key) => TOP_LEVEL[key].id === fieldId);
  if (top) return { scope: 'tender', key: top };
  const outcome = /^outcome-(.+)$/.exec(fieldId);
  if (outcome) return { scope: 'requirement', id: outcome[1], key: 'outcome' };
  const part = /^req-(.+)-(why|measure|room)$/.exec(fieldId);
  if (part) return { scope: 'requirement', id: part[1], key: REQUIREMENT_TEXT_PARTS[part[2] as RequirementPart]! };
  const lot = /^lot-(.+)-(title|description)$/.exec(fieldId);
  if (lot) return { scope: 'lot', id: lot[1], key: lot[2] as 'title' | 'description' };
  return null;
}
