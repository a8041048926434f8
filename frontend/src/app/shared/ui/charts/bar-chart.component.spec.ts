import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { BarChart } from './bar-chart.component';
import { StackedBarChart } from './stacked-bar-chart.component';

const cells = (host: HTMLElement) =>
  [...host.querySelectorAll('tbody tr')].map((row) => [...row.children].map((cell) => cell.textContent?.trim()));

describe('charts', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] }));

  it('draws one bar per value, named as an image, with the same figures in a table', async () => {
    const fixture = TestBed.createComponent(BarChart);
    fixture.componentRef.setInput('bars', [
      { key: 'a', label: 'Supplier A', value: 0.75, valueText: '75%' },
      { key: 'b', label: 'Supplier B', value: 0.25, valueText: '25%' },
    ]);
    fixture.componentRef.setInput('domain', { low: 0, high: 1 });
    fixture.componentRef.setInput('summary', 'Supplier A wins 75% of draws, Supplier B 25%.');
    fixture.componentRef.setInput('caption', 'Share of draws won');
    fixture.componentRef.setInput('valueHeading', 'Share of draws won');
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;

    const svg = host.querySelector('svg') as SVGElement;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Supplier A wins 75% of draws, Supplier B 25%.');
    expect([...host.querySelectorAll('rect.chart__bar')].map((r) => r.getAttribute('width'))).toEqual(['75%', '25%']);
    expect(cells(host)).toEqual([
      ['Supplier A', '75%'],
      ['Supplier B', '25%'],
    ]);
    expect(host.querySelector('caption')?.textContent).toContain('Share of draws won');
  });

  it('stacks a segment per series with a distinct pattern, a legend and a column per series', async () => {
    const fixture = TestBed.createComponent(StackedBarChart);
    fixture.componentRef.setInput('series', [
      { key: 'q', label: 'Technical approach' },
      { key: 'p', label: 'Price' },
    ]);
    fixture.componentRef.setInput('rows', [{ key: 'b', label: 'Supplier B', values: [6, -2], totalText: '4.0 points behind' }]);
    fixture.componentRef.setInput('summary', 'Supplier B is 4.0 points behind.');
    fixture.componentRef.setInput('caption', 'Points lost to the leader');
    fixture.componentRef.setInput('valueText', (v: number) => v.toFixed(1));
    await fixture.whenStable();
    const host = fixture.nativeElement as HTMLElement;

    const fills = [...host.querySelectorAll('rect.chart__segment')].map((r) => r.getAttribute('fill'));
    expect(fills).toHaveLength(2);
    expect(new Set(fills).size).toBe(2);
    for (const fill of fills) expect(host.querySelector(`pattern[id="${/#(.+)\)/.exec(fill ?? '')?.[1]}"]`)).not.toBeNull();
    expect(host.querySelector('.chart__legend')?.textContent).toContain('Technical approach');
    expect(host.querySelector('.chart__legend')?.textContent).toContain('diagonal lines');
    expect(cells(host)).toEqual([['Supplier B', '6.0', '-2.0', '4.0 points behind']]);
  });
});
