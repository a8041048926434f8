import { provideZonelessChangeDetection } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { ProcurementCategory, type PublishedTenderSummary } from '@openbrief/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { OpportunityCard } from './opportunity-card.component';

const tender = (extra: Partial<PublishedTenderSummary> = {}): PublishedTenderSummary => ({
  id: '00000000-0000-4000-8000-000000000001',
  reference: 'OB-2026-0001',
  title: 'Report a problem online',
  buyerName: 'Leeds City Council',
  summary: 'Residents can report a problem online.',
  estimatedValue: 80_000,
  currency: 'GBP',
  submissionDeadline: '2027-03-01T12:00:00.000Z',
  publishedAt: '2026-12-01T10:00:00.000Z',
  version: 1,
  mainCategory: ProcurementCategory.Services,
  regions: ['TLE', 'TLI'],
  state: 'open',
  suitableForSmallSuppliers: true,
  ...extra,
});

describe('OpportunityCard', () => {
  beforeEach(() => TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideRouter([])] }));

  async function render(value: PublishedTenderSummary): Promise<HTMLElement> {
    const fixture = TestBed.createComponent(OpportunityCard);
    fixture.componentRef.setInput('tender', value);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const facts = (host: HTMLElement) =>
    Object.fromEntries(
      [...host.querySelectorAll('dl > div')].map((d) => [
        d.querySelector('dt')?.textContent?.trim(),
        d.querySelector('dd')?.textContent?.trim(),
      ]),
    );

  it('shows category, regions, closing date, state and the small-supplier tag', async () => {
    const host = await render(tender());
    expect(facts(host)).toMatchObject({
      Category: 'Services',
      Regions: 'Yorkshire and The Humber, London',
      'Closing date': 'midday on 1 March 2027',
    });
    const tags = [...host.querySelectorAll('.card__tags .tag')].map((t) => t.textContent?.trim());
    expect(tags).toEqual(['Open for responses', 'Suitable for small suppliers']);
    // One link per card: the title.
    expect(host.querySelectorAll('a')).toHaveLength(1);
  });

  it('says "Anywhere in the UK" without regions, and no small-supplier tag when not suitable', async () => {
    const host = await render(tender({ regions: [], state: 'awarded', suitableForSmallSuppliers: false }));
    expect(facts(host)['Region']).toBe('Anywhere in the UK');
    expect([...host.querySelectorAll('.card__tags .tag')].map((t) => t.textContent?.trim())).toEqual(['Awarded']);
  });
});
