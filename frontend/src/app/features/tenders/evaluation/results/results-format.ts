import { TieBreakRule } from '@openbrief/contracts';

const POINTS = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });
const SHARE = new Intl.NumberFormat('en-GB', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Points to one decimal place: "72.5". A tiny negative from rounding reads as "0.0", not "-0.0". */
export function formatPoints(points: number): string {
  return POINTS.format(Math.abs(points) < 0.05 ? 0 : points);
}

/** A weight held in percent: "40%", "31.2%". */
export function formatWeight(percent: number): string {
  return `${PERCENT.format(percent)}%`;
}

/** A share held as 0–1: "71.2%". */
export function formatShare(share: number): string {
  return SHARE.format(share);
}

export function formatCount(count: number): string {
  return WHOLE.format(count);
}

/** "£1,234,567" or "£1,234,567.50": pence only when there are any. */
export function formatMoney(amount: number, currency: string): string {
  const pence = Math.round(amount * 100) % 100 !== 0;
  return new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency: currency || 'GBP',
    minimumFractionDigits: pence ? 2 : 0,
    maximumFractionDigits: 2,
  }).format(amount);
}

/** Price per quality point: "£1,520.40 per point". */
export function formatPerPoint(amount: number, currency: string): string {
  return `${formatMoney(Math.round(amount * 100) / 100, currency)} per point`;
}

export const TIE_BREAK_NAMES: Record<TieBreakRule, string> = {
  [TieBreakRule.HigherQuality]: 'the higher quality score wins',
  [TieBreakRule.LowerPrice]: 'the lower evaluated price wins',
};
