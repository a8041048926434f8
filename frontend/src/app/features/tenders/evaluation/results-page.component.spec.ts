import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { EvaluationResults } from '@openbrief/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvaluationResultsPage } from './results-page.component';
import { resultsFixture } from './results/results.fixture';

const RESULTS = '/api/v1/panels/panel-1/results';

describe('EvaluationResultsPage', () => {
  let fixture: ComponentFixture<EvaluationResultsPage>;
  let http: HttpTestingController;
  let host: HTMLElement;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EvaluationResultsPage);
    fixture.componentRef.setInput('id', 't-1');
    fixture.componentRef.setInput('panelId', 'panel-1');
    host = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  async function load(results: EvaluationResults): Promise<void> {
    await fixture.whenStable();
    http.expectOne(RESULTS).flush(results);
    // The tender and panel only add context to the heading: the page must work when they fail.
    http.expectOne('/api/v1/tenders/t-1').flush({ message: 'Not found' }, { status: 404, statusText: 'Not Found' });
    http.expectOne('/api/v1/panels/panel-1').flush({ message: 'Not found' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
  }

  const text = () => host.textContent?.replace(/\s+/g, ' ') ?? '';

  it('ranks the responses, says how ties are broken and links the report', async () => {
    await load(resultsFixture());
    const rows = [...host.querySelectorAll('ob-ranking-table tbody tr')].map((r) => [...r.children].map((c) => c.textContent?.trim()));
    expect(rows[0]?.slice(0, 5)).toEqual(['1', 'Supplier A', '50.0', '30.0', '80.0']);
    expect(rows[2]?.slice(0, 2)).toEqual(['Disqualified', 'Supplier C']);
    expect(rows[2]?.[5]).toContain('Failed the pass/fail requirement on insurance.');
    expect(rows[1]?.[5]).toContain('Near-tie');
    expect(text()).toContain('If two totals are equal, the higher quality score wins.');
    expect(text()).not.toContain('provisional');
    expect(host.querySelector('a[download]')?.getAttribute('href')).toBe('/api/v1/panels/panel-1/report.pdf');
    expect(text()).toContain('Scoring library version 1.0.0');
  });

  it('shows the sensitivity as a sentence and two charts, each an image with a table', async () => {
    await load(resultsFixture());
    expect(host.querySelector('#smallest-change')?.textContent).toBe(
      'If the weight of Technical approach fell from 40% to 31.2%, Supplier B would lead.',
    );
    const images = [...host.querySelectorAll('svg[role=img]')];
    expect(images).toHaveLength(2);
    expect(images[0]?.getAttribute('aria-label')).toContain('Supplier A 71.2%, Supplier B 28.8%');
    expect(images[1]?.getAttribute('aria-label')).toContain('Supplier B 1.8 points behind');
    expect(host.querySelectorAll('.chart table')).toHaveLength(2);
  });

  it('says the figures are provisional until every score is moderated, and offers no award yet', async () => {
    await load(resultsFixture({ complete: false }));
    expect(text()).toContain('These results are provisional');
    expect(text()).not.toContain('Record the award decision');
  });

  it('records the investigation of an abnormally low price and reloads the results', async () => {
    await load(resultsFixture());
    expect(text()).toContain('Record the investigation of Supplier B’s price');
    const submit = () => (host.querySelector('ob-price-investigation-form button[type=submit]') as HTMLButtonElement).click();
    submit();
    await fixture.whenStable();
    expect(text()).toContain('Choose whether the price was accepted or rejected');
    http.expectNone('/api/v1/panels/panel-1/prices/b/investigation');

    (host.querySelector('#investigation-b-accepted') as HTMLInputElement).click();
    const note = host.querySelector('#investigation-b-note') as HTMLTextAreaElement;
    note.value = 'Supplier B showed a signed subcontract at the quoted day rates.';
    note.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    submit();
    const request = http.expectOne('/api/v1/panels/panel-1/prices/b/investigation');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ outcome: 'accepted', note: 'Supplier B showed a signed subcontract at the quoted day rates.' });
    request.flush({});
    await fixture.whenStable();
    const investigated = resultsFixture();
    investigated.prices[1]!.abnormallyLow!.investigation = {
      outcome: 'accepted',
      note: 'Supplier B showed a signed subcontract at the quoted day rates.',
      recordedBy: 'Priya Shah',
      recordedAt: '2026-12-07T10:00:00.000Z',
    };
    http.expectOne(RESULTS).flush(investigated);
    await fixture.whenStable();
    expect(text()).toContain('Accepted after investigation');
    expect(host.querySelector('ob-price-investigation-form')).toBeNull();
    expect(host.querySelector('[role=status]:not(ob-loading)')?.textContent).toContain('Supplier B’s price was accepted');
  });
});
