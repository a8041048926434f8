/**
 * Geometry for the hand-drawn SVG charts. Positions are percentages of the chart's width, so a chart drawn as
 * `<rect x="12%" width="40%">` keeps its text at a readable size at any width (a viewBox would shrink it at 375 px).
 */

/** A domain [low, high] that always includes 0 and never has zero width. */
export interface Domain {
  readonly low: number;
  readonly high: number;
}

/** A round upper bound at or above `value`: 1, 2, 2.5, 5 or 10 times a power of ten. */
export function niceCeiling(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value * (1 - 1e-9)) ?? 10;
  return step * power;
}

/** The domain for values that may be negative (gains) as well as positive (losses), rounded outwards. */
export function domainOf(values: readonly number[]): Domain {
  const high = Math.max(0, ...values);
  const low = Math.min(0, ...values);
  return { low: low < 0 ? -niceCeiling(-low) : 0, high: high > 0 || low === 0 ? niceCeiling(high) : 0 };
}

/** Where a value sits across the chart, in percent of its width (0–100, clamped). */
export function positionOf(value: number, domain: Domain): number {
  const span = domain.high - domain.low || 1;
  const ratio = (value - domain.low) / span;
  return round(Math.min(1, Math.max(0, ratio)) * 100);
}

/** About `count` evenly spaced round tick values across the domain, 0 always among them. */
export function ticksOf(domain: Domain, count = 4): number[] {
  const span = domain.high - domain.low || 1;
  const step = niceStep(span / count);
  const ticks: number[] = [];
  for (let t = Math.ceil(domain.low / step - 1e-9) * step; t <= domain.high + step * 1e-9; t += step) {
    ticks.push(round(t, 6));
  }
  return ticks;
}

/** The round step (1, 2, 2.5 or 5 times a power of ten) nearest to `rough`, on a log scale. */
function niceStep(rough: number): number {
  const power = 10 ** Math.floor(Math.log10(rough));
  const steps = [1, 2, 2.5, 5, 10].map((m) => m * power);
  return steps.reduce((best, step) => (Math.abs(Math.log(step / rough)) < Math.abs(Math.log(best / rough)) ? step : best));
}

function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f + 0;
}

/** The domain for stacked rows: the largest sum of positives and of negatives on any row. */
export function stackedDomain(rows: readonly (readonly number[])[]): Domain {
  const sum = (values: readonly number[], sign: 1 | -1) => values.filter((v) => v * sign > 0).reduce((a, v) => a + v, 0);
  return domainOf(rows.flatMap((values) => [sum(values, 1), sum(values, -1)]));
}

/** A segment of a stacked bar, from `start` to `end` in percent of the width. */
export interface Segment {
  readonly series: number;
  readonly start: number;
  readonly width: number;
}

/**
 * Stacks one row's values outwards from zero: positive values to the right, negative ones to the left, each in
 * series order, so a response's losses and gains against the leader read in the same order on every row.
 */
export function stackRow(values: readonly number[], domain: Domain): Segment[] {
  const zero = positionOf(0, domain);
  let right = zero;
  let left = zero;
  const segments: Segment[] = [];
  values.forEach((value, series) => {
    if (value === 0 || !Number.isFinite(value)) return;
    const size = round((Math.abs(value) / (domain.high - domain.low || 1)) * 100);
    if (value > 0) {
      segments.push({ series, start: right, width: size });
      right = round(right + size);
    } else {
      left = round(left - size);
      segments.push({ series, start: left, width: size });
    }
  });
  return segments;
}
