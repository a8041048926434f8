import { describe, expect, it } from 'vitest';
import { domainOf, niceCeiling, positionOf, stackRow, stackedDomain, ticksOf } from './chart-scale';
import { tickMarks } from './chart-ticks';

describe('chart scale', () => {
  it('rounds an upper bound up to 1, 2, 2.5, 5 or 10 times a power of ten', () => {
    expect(niceCeiling(0.71)).toBe(1);
    expect(niceCeiling(12.4)).toBe(20);
    expect(niceCeiling(21)).toBe(25);
    expect(niceCeiling(40)).toBe(50);
    expect(niceCeiling(100)).toBe(100);
    expect(niceCeiling(0)).toBe(1);
  });

  it('keeps 0 in the domain and rounds both ends outwards', () => {
    expect(domainOf([3, 12.4])).toEqual({ low: 0, high: 20 });
    expect(domainOf([-3.2, 12.4])).toEqual({ low: -5, high: 20 });
    expect(domainOf([-3.2])).toEqual({ low: -5, high: 0 });
    expect(domainOf([])).toEqual({ low: 0, high: 1 });
  });

  it('places values in percent of the width, clamped to the chart', () => {
    const domain = { low: -5, high: 20 };
    expect(positionOf(0, domain)).toBe(20);
    expect(positionOf(20, domain)).toBe(100);
    expect(positionOf(7.5, domain)).toBe(50);
    expect(positionOf(99, domain)).toBe(100);
  });

  it('ticks at round steps, 0 among them, labels kept inside the chart', () => {
    expect(ticksOf({ low: 0, high: 1 })).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ticksOf({ low: -5, high: 20 })).toEqual([-5, 0, 5, 10, 15, 20]);
    const marks = tickMarks([0, 0.5, 1], { low: 0, high: 1 }, (v) => `${v * 100}%`);
    expect(marks.map((m) => [m.x, m.text, m.anchor])).toEqual([
      [0, '0%', 'start'],
      [50, '50%', 'middle'],
      [100, '100%', 'end'],
    ]);
  });

  it('stacks losses to the right of zero and gains to the left, in series order', () => {
    const values = [6, -2.5, 4, 0];
    const domain = stackedDomain([values, [1, 1]]);
    expect(domain).toEqual({ low: -2.5, high: 10 });
    expect(stackRow(values, domain)).toEqual([
      { series: 0, start: 20, width: 48 },
      { series: 1, start: 0, width: 20 },
      { series: 2, start: 68, width: 32 },
    ]);
  });
});
