import type { Criterion, Timetable } from './tenders';

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

export const TIMETABLE_LABELS: Record<keyof Timetable, string> = {
  clarificationDeadline: 'Deadline for clarification questions',
  submissionDeadline: 'Deadline for bids',
  evaluationStart: 'Evaluation starts',
  evaluationEnd: 'Evaluation ends',
  expectedAward: 'Expected award',
  contractStart: 'Contract starts',
};

/** The order the timetable's dates must follow (each given date no earlier than the ones before it). */
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
  return problems;
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
