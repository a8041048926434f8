import { formatMoney } from './format';
import { PriceScoringError } from './price-scoring.error';

export interface AbnormallyLowOptions {
  /** Flag a price more than this percentage below the average price, or below the estimate. */
  percent: number;
  /** The lot's estimated value; null: compare with the average only. */
  estimate: number | null;
  /** ISO 4217 code for the figures in the reason (default GBP). */
  currency?: string;
}

export interface AbnormallyLowFlag {
  id: string;
  /** Plain words with the figures: "£8,000 is 38% below the average price of £12,900." */
  reason: string;
}

/** How far below: whole percent, or one decimal place where whole percent would read as the limit itself. */
function percentBelow(price: number, reference: number, limit: number): string {
  const below = ((reference - price) / reference) * 100;
  const whole = Math.round(below);
  return `${whole > limit ? whole : Math.floor(below * 10) / 10}%`;
}

/** Prices to investigate: flagged only, never excluded (the buyer records the investigation and its outcome). */
export function abnormallyLowPrices(bids: readonly { id: string; price: number }[], options: AbnormallyLowOptions): AbnormallyLowFlag[] {
  const { percent, estimate, currency = 'GBP' } = options;
  if (!(Number.isFinite(percent) && percent > 0 && percent < 100)) {
    throw new PriceScoringError(`The abnormally low percentage must be between 0 and 100 (got ${percent}).`);
  }
  if (bids.length === 0) return [];
  for (const b of bids) {
    if (!(Number.isFinite(b.price) && b.price > 0)) throw new PriceScoringError(`A price must be more than 0 (got ${b.price}).`);
  }
  const average =
    [...bids]
      .map((b) => b.price)
      .sort((a, b) => a - b)
      .reduce((s, p) => s + p, 0) / bids.length;
  const factor = 1 - percent / 100;
  const flags: AbnormallyLowFlag[] = [];
  for (const b of bids) {
    const reasons: string[] = [];
    if (b.price < average * factor) {
      reasons.push(`${percentBelow(b.price, average, percent)} below the average price of ${formatMoney(average, currency)}`);
    }
    if (estimate !== null && estimate > 0 && b.price < estimate * factor) {
      reasons.push(`${percentBelow(b.price, estimate, percent)} below the estimated value of ${formatMoney(estimate, currency)}`);
    }
    if (reasons.length > 0) flags.push({ id: b.id, reason: `${formatMoney(b.price, currency)} is ${reasons.join(' and ')}.` });
  }
  return flags;
}
