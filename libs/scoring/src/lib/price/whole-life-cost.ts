import type { YearCost } from './price-scoring';
import { PriceScoringError } from './price-scoring.error';

/** A price line as a response holds it. */
export interface CostLine {
  description: string;
  quantity: number;
  unit: string;
  unitPrice: number;
  total: number;
}

// A unit that names a period ("month", "per month", "licence / month", "pcm") makes the line a charge per period.
// "12-month licence" names a length, not a period, so it stays one-off.
const MONTHLY =
  /^(?:(?:per|a|an|each|every)\s+|\/\s*)?(?:calendar\s+)?(?:months?|monthly|mths?|pcm)$|(?:\bper|\ba|\beach|\bevery|\/)\s*(?:calendar\s+)?month\b|\bmonthly\b/;
const YEARLY =
  /^(?:(?:per|a|an|each|every)\s+|\/\s*)?(?:years?|yearly|annual|annually|annum|yrs?|pa|p\.a\.)$|(?:\bper|\ba|\beach|\bevery|\/)\s*(?:year|annum|yr)\b|\b(?:yearly|annual|annually|per annum)\b/;

/** How often a price line’s total is charged: once, every month or every year of the contract. */
export function lineRecurrence(unit: string): 'once' | 'monthly' | 'yearly' {
  const u = unit.trim().toLowerCase().replace(/\s+/g, ' ');
  if (MONTHLY.test(u)) return 'monthly';
  if (YEARLY.test(u)) return 'yearly';
  return 'once';
}

/**
 * Price lines as costs by contract year (year 0 is the first 12 months). A line charged per month or per year recurs
 * over the whole term: its total is paid every month (or year) of `lengthMonths`, a part year pro rata; any other
 * line is a one-off cost in year 0. See docs/scoring.md.
 */
export function wholeLifeCosts(lines: readonly CostLine[], lengthMonths: number | null): YearCost[] {
  const byYear = new Map<number, number>();
  const add = (year: number, amount: number) => byYear.set(year, (byYear.get(year) ?? 0) + amount);
  for (const line of lines) {
    if (!Number.isFinite(line.total)) throw new PriceScoringError(`A price line’s total must be a number (got ${line.total}).`);
    const recurrence = lineRecurrence(line.unit);
    if (recurrence === 'once') {
      add(0, line.total);
      continue;
    }
    if (lengthMonths === null || !(Number.isFinite(lengthMonths) && lengthMonths > 0)) {
      throw new PriceScoringError('Whole-life cost needs the contract’s length in months to spread recurring charges over it.');
    }
    for (let year = 0; year * 12 < lengthMonths; year++) {
      const months = Math.min(12, lengthMonths - year * 12);
      add(year, recurrence === 'monthly' ? line.total * months : (line.total * months) / 12);
    }
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, amount]) => ({ year, amount }));
}

/** Σ amount ÷ (1 + r)^year: the costs discounted to the start of the contract (r = the yearly rate). */
export function discountedCost(costs: readonly YearCost[], discountRatePercent: number): number {
  if (!(Number.isFinite(discountRatePercent) && discountRatePercent >= 0)) {
    throw new PriceScoringError(`The discount rate must be 0% or more (got ${discountRatePercent}).`);
  }
  const r = discountRatePercent / 100;
  // Summed in year order so the figure never depends on the order the costs were given in.
  const sorted = [...costs].sort((a, b) => a.year - b.year || a.amount - b.amount);
  return sorted.reduce((sum, c) => {
    if (!(Number.isInteger(c.year) && c.year >= 0))
      throw new PriceScoringError(`A cost’s year must be a whole number from 0 (got ${c.year}).`);
    return sum + c.amount / Math.pow(1 + r, c.year);
  }, 0);
}
