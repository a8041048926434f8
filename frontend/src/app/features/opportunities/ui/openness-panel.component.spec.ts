import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { TenderOpenness } from '@openbrief/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { OpennessPanel, opennessWords, readingAgeWords } from './openness-panel.component';

const openness = (extra: Partial<TenderOpenness> = {}): TenderOpenness => ({
  score: 91.6,
  readingAge: 12.4,
  suitableForSmallSuppliers: false,
  reasons: [
    { test: 'thresholds', met: true, text: 'No turnover or insurance threshold the checker finds disproportionate.' },
    { test: 'lots', met: true, text: 'The contract is small enough for one lot.' },
    { test: 'reading-age', met: true, text: 'Reading age 12, at or under 14.' },
    { test: 'procedure', met: false, text: 'A call-off from a framework: only suppliers on the framework can bid.' },
  ],
  ...extra,
});

describe('OpennessPanel', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] }));

  async function render(value: TenderOpenness): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(OpennessPanel);
    fixture.componentRef.setInput('openness', value);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const squeeze = (s: string | null | undefined) => s?.replace(/\s+/g, ' ').trim();

  it('shows the score out of 100 in figures and words, and the reading age', async () => {
    const host = await render(openness());
    expect(squeeze(host.querySelector('h2')?.textContent)).toBe('Openness');
    const facts = [...host.querySelectorAll('dl > div')].map((d) => [
      d.querySelector('dt')?.textContent,
      ...[...d.querySelectorAll('dd, dd > span')].map((e) => squeeze(e.textContent)),
    ]);
    expect(facts[0]).toEqual([
      'Openness score',
      '92 out of 100Open: few barriers to bidders',
      '92 out of 100',
      'Open: few barriers to bidders',
      '',
    ]);
    expect(facts[1]).toEqual(['Reading age', 'About 12 years: the age at which a reader could follow the text.']);
    // The bar repeats the score for sighted readers only.
    expect(host.querySelector('.openness__bar')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('lists each small-supplier test as met or not met in words, not colour alone', async () => {
    const host = await render(openness());
    const list = host.querySelector('ul')!;
    expect(host.querySelector(`#${list.getAttribute('aria-labelledby')}`)?.textContent).toBe('Suitable for small suppliers?');
    const items = [...list.querySelectorAll('li')].map((li) => [
      squeeze(li.querySelector('.test__name')?.textContent),
      squeeze(li.querySelector('.test__text')?.textContent),
    ]);
    expect(items).toEqual([
      ['Turnover and insurance: met', 'No turnover or insurance threshold the checker finds disproportionate.'],
      ['Lots: met', 'The contract is small enough for one lot.'],
      ['Reading age: met', 'Reading age 12, at or under 14.'],
      ['Procedure: not met', 'A call-off from a framework: only suppliers on the framework can bid.'],
    ]);
    // The tick and cross are decoration: the words above carry the meaning.
    for (const icon of list.querySelectorAll('.test__icon')) expect(icon.getAttribute('aria-hidden')).toBe('true');
    expect(squeeze(host.querySelector('.openness__verdict')?.textContent)).toBe(
      'Not marked as suitable. This tender does not pass every test below.',
    );
  });

  it('says so plainly when the tender passes every test', async () => {
    const host = await render(openness({ suitableForSmallSuppliers: true, reasons: openness().reasons.map((r) => ({ ...r, met: true })) }));
    expect(squeeze(host.querySelector('.openness__verdict')?.textContent)).toBe('Yes. This tender passes every test below.');
    expect(host.textContent).not.toContain('not met');
  });

  it('puts scores and reading ages into words', () => {
    expect(opennessWords(85)).toBe('Open: few barriers to bidders');
    expect(opennessWords(84)).toBe('Some barriers to bidders');
    expect(opennessWords(59)).toBe('Many barriers to bidders');
    expect(readingAgeWords(null)).toBe('Not measured: there is too little text.');
    expect(readingAgeWords(14.4)).toBe('About 14 years: the age at which a reader could follow the text.');
  });
});
