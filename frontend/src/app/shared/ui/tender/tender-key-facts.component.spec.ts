import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ProcurementCategory, type TenderDetail } from '@openbrief/contracts';
import { describe, expect, it } from 'vitest';
import { tenderDetail } from '../../../features/tenders/data-access/testing/tender-content.fixture';
import { TenderKeyFacts } from './tender-key-facts.component';

async function facts(patch: Partial<TenderDetail>): Promise<[string, string][]> {
  TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection()] });
  const fixture = TestBed.createComponent(TenderKeyFacts);
  fixture.componentRef.setInput('tender', { ...tenderDetail(), ...patch });
  await fixture.whenStable();
  const host = fixture.nativeElement as HTMLElement;
  return [...host.querySelectorAll('dt')].map((dt) => [dt.textContent!.trim(), dt.nextElementSibling!.textContent!.trim()]);
}

describe('TenderKeyFacts', () => {
  it('says what is bought and names the delivery regions in the ITL order, beside the location', async () => {
    const list = await facts({ mainCategory: ProcurementCategory.Works, regions: ['TLM', 'TLC'], location: 'Aberdeen and Newcastle' });
    expect(list).toEqual(
      expect.arrayContaining([
        ['What is bought', 'Works'],
        ['Location', 'Aberdeen and Newcastle'],
        ['Regions', 'North East (England), Scotland'],
      ]),
    );
    const terms = list.map(([term]) => term);
    expect(terms.indexOf('What is bought')).toBeLessThan(terms.indexOf('Regions'));
  });

  it('reads no regions as anywhere in the UK, and a version published before them as services anywhere', async () => {
    expect(await facts({ regions: [] })).toEqual(expect.arrayContaining([['Regions', 'Anywhere in the UK']]));
    TestBed.resetTestingModule();
    const old = await facts({ mainCategory: undefined, regions: undefined } as unknown as Partial<TenderDetail>);
    expect(old).toEqual(
      expect.arrayContaining([
        ['What is bought', 'Services'],
        ['Regions', 'Anywhere in the UK'],
      ]),
    );
  });
});
