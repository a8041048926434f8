import { EVALUATION_RULE_FIELDS, PRICE_PARAMETER_FIELDS } from './fields';
import {
  type Criterion,
  EVALUATION_RULE_LIMITS,
  type EvaluationModel,
  PriceMethod,
  RESPONSE_RULE_LIMITS,
  type ResponseRules,
  type Timetable,
} from './tenders';

/** Pure rules shared by the API (which enforces them) and the editor (which shows them live). */

export interface WeightProblem {
  /** null for the top level of the tree. */
  parentId: string | null;
  total: number;
  message: string;
}

type WeightedNode = Pick<Criterion, 'id' | 'parentId' | 'name' | 'weight'>;

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Every group of sibling criteria must add up to 100. */
export function weightProblems(criteria: readonly WeightedNode[]): WeightProblem[] {
  if (!criteria.length) return [];
  const groups = new Map<string | null, number>();
  for (const c of criteria) groups.set(c.parentId, round2((groups.get(c.parentId) ?? 0) + c.weight));
  const names = new Map(criteria.map((c) => [c.id, c.name]));
  const problems: WeightProblem[] = [];
  for (const [parentId, total] of groups) {
    if (Math.abs(total - 100) < 0.005) continue;
    const where = parentId === null ? 'The top-level criteria' : `The criteria under "${names.get(parentId) ?? 'an unknown criterion'}"`;
    problems.push({ parentId, total, message: `${where} add up to ${total}%, not 100%.` });
  }
  return problems;
}

/** In the order the editors and the history show them. */
export const TIMETABLE_LABELS: Record<keyof Timetable, string> = {
  clarificationDeadline: 'Deadline for clarification questions',
  answersPublishedBy: 'Answers to questions published by',
  submissionDeadline: 'Deadline for bids',
  evaluationStart: 'Evaluation starts',
  evaluationEnd: 'Evaluation ends',
  expectedAward: 'Expected award',
  contractStart: 'Contract starts',
};

/**
 * The order the timetable's dates must follow (each given date no earlier than the ones before it).
 * answersPublishedBy is checked on its own (answersProblems): it sits between two dates, strictly.
 */
const TIMETABLE_ORDER: (keyof Timetable)[] = [
  'clarificationDeadline',
  'submissionDeadline',
  'evaluationStart',
  'evaluationEnd',
  'expectedAward',
  'contractStart',
];

export function timetableProblems(t: Timetable): { field: keyof Timetable; message: string }[] {
  const problems: { field: keyof Timetable; message: string }[] = [];
  let previous: keyof Timetable | null = null;
  for (const field of TIMETABLE_ORDER) {
    const value = t[field];
    if (!value) continue;
    if (previous) {
      const strictly = previous === 'clarificationDeadline' && field === 'submissionDeadline';
      const before = Date.parse(value);
      const earlier = Date.parse(t[previous]!);
      if (strictly ? before <= earlier : before < earlier) {
        problems.push({
          field,
          message: `${TIMETABLE_LABELS[field]} must come after ${TIMETABLE_LABELS[previous].toLowerCase()}.`,
        });
      }
    }
    previous = field;
  }
  return [...problems, ...answersProblems(t)];
}

/**
 * Answers are published after questions close (or there is nothing to answer yet) and before bids are due
 * (or suppliers cannot use them): two different dates, which a supplier must not confuse.
 */
function answersProblems(t: Timetable): { field: keyof Timetable; message: string }[] {
  if (!t.answersPublishedBy) return [];
  const answers = Date.parse(t.answersPublishedBy);
  const out: { field: keyof Timetable; message: string }[] = [];
  if (t.clarificationDeadline && answers <= Date.parse(t.clarificationDeadline))
    out.push({
      field: 'answersPublishedBy',
      message: 'Answers to questions must be published after the deadline for clarification questions.',
    });
  if (t.submissionDeadline && answers >= Date.parse(t.submissionDeadline))
    out.push({
      field: 'answersPublishedBy',
      message: 'Answers to questions must be published before the deadline for bids, so suppliers can use them.',
    });
  return out;
}

/** A response rule outside its limits, with what to fix (the API refuses such a save; publication is blocked). */
export function responseRuleProblems(r: ResponseRules): { field: keyof ResponseRules; message: string }[] {
  const out: { field: keyof ResponseRules; message: string }[] = [];
  const within = (field: 'maxAttachments' | 'maxAttachmentMb', what: string) => {
    const { min, max } = RESPONSE_RULE_LIMITS[field];
    const v = r[field];
    if (!Number.isInteger(v) || v < min || v > max) out.push({ field, message: `${what} must be a whole number from ${min} to ${max}.` });
  };
  within('maxAttachments', 'The most attachments per response');
  within('maxAttachmentMb', 'The largest attachment size, in MB,');
  return out;
}

/** What the evaluation rules depend on outside the lot: the budget's maximum and the contract's length. */
export interface EvaluationTerms {
  budgetMax: number | null;
  lengthMonths: number | null;
  /** For the figures in messages. */
  currency: string;
}

/** A problem with a lot's evaluation rules; `field` is a content path (`lots[0].evaluationModel.rules.nearTieMargin`). */
export interface EvaluationRuleProblem {
  field: string;
  message: string;
}

/**
 * A lot's evaluation rules outside their limits, or a price method that cannot be applied as set: linear between
 * the budget and a floor needs a ceiling above the floor, whole-life cost needs the contract's length. The API
 * refuses values outside the limits; publication is blocked by all of them; the editor shows them as they are typed.
 */
export function evaluationRuleProblems(
  lotIndex: number,
  model: Pick<EvaluationModel, 'priceMethod' | 'rules'>,
  terms: EvaluationTerms,
): EvaluationRuleProblem[] {
  const at = `lots[${lotIndex}].evaluationModel.rules`;
  const r = model.rules;
  const out: EvaluationRuleProblem[] = [];
  const within = (value: number | null, limits: { min: number; max: number }, field: string, label: string, whole = false) => {
    if (value === null && field === 'moderationSpread') return;
    const ok = typeof value === 'number' && Number.isFinite(value) && (!whole || Number.isInteger(value));
    if (!ok || value < limits.min || value > limits.max)
      out.push({
        field: `${at}.${field}`,
        message: `${label} must be ${whole ? 'a whole number' : 'a number'} from ${limits.min} to ${limits.max}.`,
      });
  };
  const L = EVALUATION_RULE_LIMITS;
  const F = EVALUATION_RULE_FIELDS;
  within(r.nearTieMargin, L.nearTieMargin, 'nearTieMargin', F.nearTieMargin.label);
  within(r.minJustificationChars, L.minJustificationChars, 'minJustificationChars', F.minJustificationChars.label, true);
  within(r.moderationSpread, L.moderationSpread, 'moderationSpread', F.moderationSpread.label, true);
  within(r.abnormallyLowPercent, L.abnormallyLowPercent, 'abnormallyLowPercent', F.abnormallyLowPercent.label);
  const p = r.price;
  if (model.priceMethod === PriceMethod.Logarithmic)
    within(p.logRatio, L.logRatio, 'price.logRatio', PRICE_PARAMETER_FIELDS.logRatio.label);
  if (model.priceMethod === PriceMethod.WholeLifeCost) {
    within(p.discountRatePercent, L.discountRatePercent, 'price.discountRatePercent', PRICE_PARAMETER_FIELDS.discountRatePercent.label);
    if (!terms.lengthMonths)
      out.push({
        field: 'contract.lengthMonths',
        message: 'Whole-life cost counts recurring costs over the contract: set the contract length.',
      });
  }
  if (model.priceMethod === PriceMethod.LinearBudgetToFloor) {
    const money = (n: number) =>
      isCurrencyCode(terms.currency)
        ? new Intl.NumberFormat('en-GB', {
            style: 'currency',
            currency: terms.currency,
            minimumFractionDigits: Number.isInteger(n) ? 0 : 2,
          }).format(n)
        : n.toLocaleString('en-GB');
    const ceiling = p.ceilingPrice ?? terms.budgetMax;
    const floor = p.floorPrice ?? 0;
    if (ceiling === null)
      out.push({
        field: `${at}.price.ceilingPrice`,
        message: 'Linear between the budget and a floor price needs a ceiling: set a ceiling price, or the budget’s maximum.',
      });
    else if (ceiling <= floor)
      out.push({
        field: `${at}.price.${p.floorPrice !== null && p.ceilingPrice === null ? 'floorPrice' : 'ceilingPrice'}`,
        message: `The ${p.ceilingPrice === null ? 'budget’s maximum' : 'ceiling price'} (${money(ceiling)}) must be above the floor price (${money(floor)}).`,
      });
  }
  return out;
}

/**
 * A value typed in the live editor that the server did not write to the tender, because a save through
 * the API would have refused it; the tender keeps its last valid value until the field is corrected.
 */
export interface LiveRefusal {
  /** Where the value is, as in API error details: `contact.email`, `lots[0].estimatedValue`. */
  field: string;
  message: string;
}

/** The type of the stateless message with which the server lists refused live values: `{ type, refused: LiveRefusal[] }`. */
export const LIVE_REFUSED_MESSAGE = 'openbrief:live-refused';

const FALLBACK_CURRENCIES = ['GBP', 'EUR', 'USD'];
let currencies: ReadonlySet<string> | null = null;

/**
 * True for an ISO 4217 currency code that this runtime can format (`Intl.supportedValuesOf`), so a
 * formatter never throws "Invalid currency code" on it. Where that list is not available, the codes
 * Openbrief's buyers use. The API refuses other codes, and pages and packs check again before formatting.
 */
export function isCurrencyCode(code: unknown): code is string {
  if (typeof code !== 'string' || !/^[A-Z]{3}$/.test(code)) return false;
  if (!currencies) {
    const intl = Intl as typeof Intl & { supportedValuesOf?: (key: 'currency') => string[] };
    currencies = new Set(typeof intl.supportedValuesOf === 'function' ? intl.supportedValuesOf('currency') : FALLBACK_CURRENCIES);
  }
  return currencies.has(code);
}
