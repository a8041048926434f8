import { Domain, positionOf } from './chart-scale';

/** Height of one labelled bar: a line of text, then the bar beneath it. */
export const ROW_HEIGHT = 54;

export interface ChartTick {
  readonly value: number;
  readonly x: number;
  readonly text: string;
  readonly anchor: 'start' | 'middle' | 'end';
}

/** Tick labels kept inside the chart: the first starts at its line, the last ends at it. */
export function tickMarks(values: readonly number[], domain: Domain, text: (value: number) => string): ChartTick[] {
  return values.map((value, i) => ({
    value,
    x: positionOf(value, domain),
    text: text(value),
    anchor: i === 0 ? 'start' : i === values.length - 1 ? 'end' : 'middle',
  }));
}
