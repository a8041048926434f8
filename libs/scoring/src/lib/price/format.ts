/** en-GB figures for the sentences this library writes (reasons, tie-breaks, worked examples). */

const money = new Map<string, Intl.NumberFormat>();

/** "£8,000" for whole amounts, "£8,000.50" otherwise. */
export function formatMoney(amount: number, currency = 'GBP'): string {
  const whole = Number.isInteger(Math.round(amount * 100) / 100);
  const key = `${currency}:${whole}`;
  let f = money.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    });
    money.set(key, f);
  }
  return f.format(amount);
}

/** Points to two decimal places, as totals are shown and compared: "78.50". */
const points2 = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent1 = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

export function formatPoints(points: number): string {
  return points2.format(points);
}

/** A percentage truncated (not rounded) to one decimal place, so a figure below a limit never reads as the limit. */
export function formatPercentDown(percent: number): string {
  const truncated = Math.floor(percent * 10 + 1e-9) / 10;
  return `${percent1.format(truncated)}%`;
}

/** Rounds to 2 decimal places, half away from zero, with a nudge against binary fractions (78.495 → 78.50). */
export function round2(value: number): number {
  return (Math.sign(value) * Math.round(Math.abs(value) * 100 + 1e-7)) / 100;
}
