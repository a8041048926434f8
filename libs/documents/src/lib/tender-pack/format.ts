import { Procedure, ScoringScale, VatBasis, type Budget, isCurrencyCode } from '@openbrief/contracts';

/**
 * Wording and number formats for the pack. Instants are stored in UTC and always shown in UK time
 * (Europe/London, so GMT or BST as the date requires), the way suppliers read deadlines.
 */

const dateParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** What a date that cannot be read prints as (the API refuses such dates; a pack must still render). */
const UNREADABLE_DATE = 'to be confirmed';
const readable = (iso: string) => !Number.isNaN(new Date(iso).getTime());

function parts(iso: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of dateParts.formatToParts(new Date(iso))) out[p.type] = p.value;
  return out;
}

/** "Friday 11 December 2026" (GOV.UK style: no comma after the weekday). */
export function formatDate(iso: string): string {
  if (!readable(iso)) return UNREADABLE_DATE;
  const p = parts(iso);
  return `${p['weekday']} ${p['day']} ${p['month']} ${p['year']}`;
}

/** "12:00 noon", "00:00 midnight", otherwise 24-hour "17:30". */
export function formatTime(iso: string): string {
  if (!readable(iso)) return UNREADABLE_DATE;
  const p = parts(iso);
  const time = `${p['hour']}:${p['minute']}`;
  if (time === '12:00') return '12:00 noon';
  if (time === '00:00') return '00:00 midnight';
  return time;
}

/** "Friday 11 December 2026, 12:00 noon (UK time)" — for deadlines, where the time matters. */
export function formatDateTime(iso: string): string {
  if (!readable(iso)) return UNREADABLE_DATE;
  return `${formatDate(iso)}, ${formatTime(iso)} (UK time)`;
}

/** Short date for annex entries: "10 November 2026". */
export function formatShortDate(iso: string): string {
  if (!readable(iso)) return UNREADABLE_DATE;
  const p = parts(iso);
  return `${p['day']} ${p['month']} ${p['year']}`;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string, decimals: number): Intl.NumberFormat {
  // Intl formatters are costly to build; a pack formats hundreds of amounts in a handful of styles.
  const key = `${currency}:${decimals}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { style: 'currency', currency, minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    moneyFormats.set(key, f);
  }
  return f;
}

export function formatMoney(value: number, currency = 'GBP'): string {
  if (!Number.isFinite(value)) return 'not stated';
  // A code Intl does not know would throw (or print as if it were money): the amount alone is safer.
  if (!isCurrencyCode(currency)) return formatNumber(value, Number.isInteger(value) ? 0 : 2);
  try {
    return moneyFormat(currency, Number.isInteger(value) ? 0 : 2).format(value);
  } catch {
    // An unknown currency code should not stop a pack from rendering.
    return `${currency} ${formatNumber(value, Number.isInteger(value) ? 0 : 2)}`;
  }
}

const numberFormats = [0, 1, 2, 3, 4].map((d) => new Intl.NumberFormat('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d }));

/** A plain number with thousands separators, for formulas ("900,000"). */
export function formatNumber(value: number, decimals = 0): string {
  return numberFormats[Math.max(0, Math.min(4, decimals))].format(value);
}

/** "24%", "13.33%": at most two decimals, no trailing zeros. */
export function formatPercent(value: number): string {
  return `${Number(value.toFixed(2))}%`;
}

export function budgetText(budget: Budget): string | null {
  const vat = budget.vatBasis === VatBasis.IncludingVat ? 'including VAT' : 'excluding VAT';
  const { min, max, currency } = budget;
  if (min != null && max != null) return `${formatMoney(min, currency)} to ${formatMoney(max, currency)}, ${vat}`;
  if (max != null) return `Up to ${formatMoney(max, currency)}, ${vat}`;
  if (min != null) return `From ${formatMoney(min, currency)}, ${vat}`;
  return null;
}

export const PROCEDURE_LABELS: Record<Procedure, string> = {
  [Procedure.Open]: 'Open procedure',
  [Procedure.CompetitiveFlexible]: 'Competitive flexible procedure',
  [Procedure.FrameworkCallOff]: 'Call-off from a framework',
  [Procedure.BelowThreshold]: 'Below-threshold procurement',
};

export function scaleMaximum(scale: ScoringScale): number {
  switch (scale) {
    case ScoringScale.ZeroToFour:
      return 4;
    case ScoringScale.ZeroToTen:
      return 10;
    case ScoringScale.ZeroToHundred:
      return 100;
  }
}

export function months(n: number): string {
  return n === 1 ? '1 month' : `${n} months`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
