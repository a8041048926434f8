import { TEXT_LIMITS } from './limits';
import {
  EVALUATION_RULE_LIMITS,
  type EvaluationRules,
  Jurisdiction,
  type PriceParameters,
  RESPONSE_RULE_LIMITS,
  type ResponseRules,
  TieBreakRule,
} from './tenders';

/** How a buyer meets one text field of a tender, wherever it is edited. */
export interface TenderFieldSpec {
  readonly label: string;
  /** Where the field is a page of its own (the guided questions), the question that heads the page, if not the label. */
  readonly question?: string;
  readonly hint?: string;
  /** Textarea rows; 0 for a single line. */
  readonly rows: number;
  /** The most characters the API accepts (TEXT_LIMITS). */
  readonly limit: number;
  readonly optional: boolean;
  /** Checked for over-prescription as the buyer types. */
  readonly checked: boolean;
}

/**
 * The one description of each text field that both the guided questions and the full editor show,
 * so the two cannot drift apart (they once had different labels and sizes for the same field).
 */
export const TENDER_FIELDS = {
  title: {
    label: 'Title',
    hint: 'Say what the work is for, in words a supplier would search for.',
    rows: 0,
    limit: TEXT_LIMITS.tender.title,
    optional: false,
    checked: false,
  },
  summary: {
    label: 'Summary',
    question: 'Summarise the tender for suppliers',
    hint: 'Two or three sentences suppliers read first, in search results and lists: the result you want and who it is for, without jargon or abbreviations. Needed to publish.',
    rows: 4,
    limit: TEXT_LIMITS.tender.summary,
    optional: false,
    checked: true,
  },
  problem: {
    label: 'What problem are you trying to solve?',
    hint: 'What goes wrong today, for whom, and how you know. Figures help suppliers judge the size of the problem. Do not describe a solution yet. Needed to publish.',
    rows: 6,
    limit: TEXT_LIMITS.tender.problem,
    optional: false,
    checked: true,
  },
  users: {
    label: 'Who are the users, and what do they need?',
    hint: 'Include everyone the work affects: the public, staff, partners. Mention people who find services hard to use, such as disabled people, people with little confidence online or people who do not speak English as a first language.',
    rows: 5,
    limit: TEXT_LIMITS.tender.users,
    optional: false,
    checked: true,
  },
  workDone: {
    label: 'What has been tried already?',
    hint: 'What you learnt: it saves suppliers proposing what has failed before.',
    rows: 4,
    limit: TEXT_LIMITS.tender.workDone,
    optional: true,
    checked: true,
  },
  constraints: {
    label: 'Constraints',
    hint: 'Limits any solution must respect, such as systems it must work with. Keep them few: each one narrows the field.',
    rows: 3,
    limit: TEXT_LIMITS.tender.constraints,
    optional: true,
    checked: true,
  },
  engagementSummary: {
    label: 'What changed because of market engagement',
    hint: 'If you talked to suppliers before this tender, say what you changed because of what they told you. Suppliers read it. Leave empty if nothing changed.',
    rows: 4,
    limit: TEXT_LIMITS.tender.engagementSummary,
    optional: true,
    checked: true,
  },
  noEngagementReason: {
    label: 'Why there was no market engagement',
    hint: 'If you did not talk to suppliers before this tender, say why. Suppliers read it, and it is published in the open data.',
    rows: 3,
    limit: TEXT_LIMITS.tender.noEngagementReason,
    optional: true,
    checked: true,
  },
  outcome: {
    label: 'What must be true?',
    hint: 'Describe a result for people, not a product or a task. For example: “Patients can book an appointment online without help.”',
    rows: 3,
    limit: TEXT_LIMITS.requirement.outcome,
    optional: false,
    checked: true,
  },
  whyItMatters: {
    label: 'Why it matters',
    hint: 'Who is affected, and what happens if this is not achieved.',
    rows: 2,
    limit: TEXT_LIMITS.requirement.whyItMatters,
    optional: true,
    checked: false,
  },
  measure: {
    label: 'Measure',
    hint: 'What you will count or check. For example: “Share of bookings made online”.',
    rows: 0,
    limit: TEXT_LIMITS.measure.description,
    optional: false,
    checked: true,
  },
  baseline: { label: 'Now (baseline)', rows: 0, limit: TEXT_LIMITS.measure.baseline, optional: true, checked: false },
  target: { label: 'Target', rows: 0, limit: TEXT_LIMITS.measure.target, optional: true, checked: false },
  unit: { label: 'Unit', rows: 0, limit: TEXT_LIMITS.measure.unit, optional: true, checked: false },
  roomForProposals: {
    label: 'What suppliers are free to propose',
    hint: 'Say what is open: the approach, technology, staffing, channel. The more room, the more ideas you will get.',
    rows: 3,
    limit: TEXT_LIMITS.requirement.roomForProposals,
    optional: false,
    checked: true,
  },
  justification: {
    label: 'Why must this be specific?',
    hint: 'Suppliers will see this. For example: “It must exchange data with our existing patient record, which uses HL7 FHIR.”',
    rows: 2,
    limit: TEXT_LIMITS.requirement.justification,
    optional: false,
    checked: false,
  },
  lotDescription: {
    label: 'What this lot covers',
    rows: 3,
    limit: TEXT_LIMITS.lot.description,
    optional: true,
    checked: true,
  },
  criterionDescription: {
    label: 'Description',
    hint: 'What suppliers should cover in their answer.',
    rows: 2,
    limit: TEXT_LIMITS.criterion.description,
    optional: true,
    checked: true,
  },
  heading: {
    label: 'Group under heading',
    hint: 'Requirements next to each other with the same heading are shown together.',
    rows: 0,
    limit: TEXT_LIMITS.requirement.heading,
    optional: true,
    checked: false,
  },
} as const satisfies Record<string, TenderFieldSpec>;

export type TenderFieldName = keyof typeof TENDER_FIELDS;

/** How a buyer meets one of the response rules (not text: a checkbox or a whole number). */
export interface ResponseRuleFieldSpec {
  readonly label: string;
  readonly hint: string;
  /** Whole-number fields: the range the API accepts (RESPONSE_RULE_LIMITS). */
  readonly min?: number;
  readonly max?: number;
}

/**
 * The "How suppliers respond" group, described once for the guided questions, the full editor and the
 * tender pack's words, so the three say the same thing.
 */
export const RESPONSE_RULE_FIELDS = {
  attachmentsAllowed: {
    label: 'Suppliers may attach documents',
    hint: 'Such as a case study or a plan. Each question is still answered in words on the response form.',
  },
  maxAttachments: {
    label: 'Most attachments per response',
    hint: `A whole number from ${RESPONSE_RULE_LIMITS.maxAttachments.min} to ${RESPONSE_RULE_LIMITS.maxAttachments.max}. Fewer is easier for small suppliers and for your evaluators.`,
    ...RESPONSE_RULE_LIMITS.maxAttachments,
  },
  maxAttachmentMb: {
    label: 'Largest attachment, in MB',
    hint: `A whole number from ${RESPONSE_RULE_LIMITS.maxAttachmentMb.min} to ${RESPONSE_RULE_LIMITS.maxAttachmentMb.max}.`,
    ...RESPONSE_RULE_LIMITS.maxAttachmentMb,
  },
  twoPersonOpening: {
    label: 'Two people must open the responses',
    hint: 'After the deadline, a second member of your organisation must confirm before anyone can read the responses.',
  },
} as const satisfies Record<keyof ResponseRules, ResponseRuleFieldSpec>;

/** The group's heading in both editors. */
export const RESPONSE_RULES_HEADING = 'How suppliers respond';

const E = EVALUATION_RULE_LIMITS;

/**
 * The lot's evaluation rules and price parameters (not text: checkboxes, choices and numbers), described once for
 * the editor, the history and the publication check, so they name each rule alike. Numeric fields carry the range
 * the API accepts (EVALUATION_RULE_LIMITS).
 */
export const EVALUATION_RULE_FIELDS = {
  blindMarking: {
    label: 'Blind marking',
    hint: 'Evaluators of quality and social value questions see “Response A”, “Response B”, not the bidder’s name.',
  },
  priceHiddenUntilModerated: {
    label: 'Hide prices until quality is moderated',
    hint: 'Evaluators see no prices until every quality score for the lot has been agreed, so price cannot sway them.',
  },
  tieBreak: {
    label: 'If two bids tie',
    hint: 'Published in the tender. Applied when two totals are equal to two decimal places.',
  },
  nearTieMargin: {
    label: 'Near-tie margin, in points',
    hint: `Totals this close to the next are flagged for the panel to check again. A number from ${E.nearTieMargin.min} to ${E.nearTieMargin.max}. Not published.`,
    ...E.nearTieMargin,
  },
  minJustificationChars: {
    label: 'Shortest justification, in characters',
    hint: `Each score must be justified with a reference to the response. A whole number from ${E.minJustificationChars.min} to ${E.minJustificationChars.max}.`,
    ...E.minJustificationChars,
  },
  moderationSpread: {
    label: 'Score spread that needs moderation, in points',
    hint: `Individual scores this far apart are flagged for discussion. Leave empty for half the scale (2 on a 0 to 4 scale), or give a whole number from ${E.moderationSpread.min} to ${E.moderationSpread.max}.`,
    ...E.moderationSpread,
  },
  abnormallyLowPercent: {
    label: 'Abnormally low price, % below the average or estimate',
    hint: `Prices this far below the average price or the lot’s estimated value are flagged for you to investigate, never excluded automatically. From ${E.abnormallyLowPercent.min} to ${E.abnormallyLowPercent.max}.`,
    ...E.abnormallyLowPercent,
  },
} as const satisfies Record<Exclude<keyof EvaluationRules, 'price'>, ResponseRuleFieldSpec>;

/** The price method's parameters (only the chosen method's are shown and checked). */
export const PRICE_PARAMETER_FIELDS = {
  ceilingPrice: {
    label: 'Ceiling price',
    hint: 'A price at or above this scores nothing. Leave empty to use the budget’s maximum.',
  },
  floorPrice: {
    label: 'Floor price',
    hint: 'A price at or below this scores full marks. Leave empty for 0.',
  },
  logRatio: {
    label: 'Ratio to the lowest price that scores nothing (A)',
    hint: `For example 2: a price twice the lowest scores nothing. A number from ${E.logRatio.min} to ${E.logRatio.max}.`,
    ...E.logRatio,
  },
  discountRatePercent: {
    label: 'Discount rate, % a year',
    hint: `Future costs are discounted to today. HM Treasury’s Green Book uses 3.5%. From ${E.discountRatePercent.min} to ${E.discountRatePercent.max}.`,
    ...E.discountRatePercent,
  },
} as const satisfies Record<keyof PriceParameters, ResponseRuleFieldSpec>;

/** The tie-break rules in the words the editor offers and the tender pack publishes. */
export const TIE_BREAK_LABELS: Record<TieBreakRule, string> = {
  [TieBreakRule.HigherQuality]: 'The bid with the higher quality score is ranked first',
  [TieBreakRule.LowerPrice]: 'The bid with the lower evaluated price is ranked first',
};

export const JURISDICTION_LABELS: Record<Jurisdiction, string> = {
  [Jurisdiction.EnglandAndWales]: 'England and Wales',
  [Jurisdiction.Scotland]: 'Scotland',
  [Jurisdiction.NorthernIreland]: 'Northern Ireland',
};

/** The contract's jurisdiction field, for the editors. */
export const JURISDICTION_FIELD = {
  label: 'Law of the contract',
  hint: 'Whose law governs the contract. The standstill after the award counts working days, skipping this jurisdiction’s bank holidays.',
} as const;

/** What is mainly bought (OCDS mainProcurementCategory), for the editors. */
export const MAIN_CATEGORY_FIELD = {
  label: 'What is mainly being bought',
  hint: 'Goods are things you buy, services are work done for you, works are building or civil engineering. If the contract mixes them, choose the largest part by value. Suppliers filter the list of tenders by it.',
} as const;

/** Where the work is delivered (ITL 1 regions), for the editors. */
export const REGIONS_FIELD = {
  label: 'Regions where the work is delivered',
  hint: 'Suppliers filter the list of tenders by region. Leave them all unticked if the work can be delivered anywhere in the UK.',
} as const;
