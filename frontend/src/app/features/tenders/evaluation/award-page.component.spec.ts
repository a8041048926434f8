import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AwardState, EvaluationResults } from '@openbrief/contracts';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AwardPage } from './award-page.component';
import { DECISION, awardStateFixture, summaryFixture } from './award/award-state.fixture';
import { resultsFixture } from './results/results.fixture';

const BASE = '/api/v1/panels/panel-1';

describe('AwardPage', () => {
  let fixture: ComponentFixture<AwardPage>;
  let http: HttpTestingController;
  let host: HTMLElement;

  beforeAll(() => {
    // jsdom has <dialog> without its modal methods.
    HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
      this.open = true;
    };
    HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
      this.open = false;
      this.dispatchEvent(new Event('close'));
    };
  });

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AwardPage);
    fixture.componentRef.setInput('id', 't-1');
    fixture.componentRef.setInput('panelId', 'panel-1');
    host = fixture.nativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  async function serve(state: AwardState, results: EvaluationResults = resultsFixture()): Promise<void> {
    await fixture.whenStable();
    http.expectOne(`${BASE}/award`).flush(state);
    http.expectOne(`${BASE}/results`).flush(results);
    await fixture.whenStable();
  }

  async function load(state: AwardState, results?: EvaluationResults): Promise<void> {
    await fixture.whenStable();
    http.expectOne('/api/v1/tenders/t-1').flush({ message: 'Not found' }, { status: 404, statusText: 'Not Found' });
    await serve(state, results);
  }

  const text = () => host.textContent?.replace(/\s+/g, ' ') ?? '';
  const button = (name: string) =>
    [...host.querySelectorAll<HTMLButtonElement>('button')].find(
      (b) => b.textContent?.replace(/\s+/g, ' ').trim() === name,
    ) as HTMLButtonElement;
  async function type(selector: string, value: string): Promise<void> {
    const box = host.querySelector(selector) as HTMLTextAreaElement;
    box.value = value;
    box.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('preselects the leader and asks for a fuller reason when another response is chosen', async () => {
    await load(awardStateFixture({ decision: null, summaries: [], noticeBlockedBy: 'No award decision yet.' }));
    expect((host.querySelector('#award-response-a') as HTMLInputElement).checked).toBe(true);
    expect(host.querySelector('#award-response-c')).toBeNull();

    (host.querySelector('#award-response-b') as HTMLInputElement).click();
    await fixture.whenStable();
    expect(text()).toContain('Supplier B is not the highest-ranked response.');
    await type('#award-reasons', 'Supplier B offers better value in our view.');
    button('Record the award decision').click();
    await fixture.whenStable();
    expect(text()).toContain('Explain why you are not awarding to the highest-ranked response, in at least 100 characters');
    http.expectNone(`${BASE}/award`);

    (host.querySelector('#award-response-a') as HTMLInputElement).click();
    await fixture.whenStable();
    button('Record the award decision').click();
    const request = http.expectOne({ method: 'POST', url: `${BASE}/award` });
    expect(request.request.body).toEqual({ responseId: 'a', reasons: 'Supplier B offers better value in our view.' });
    request.flush(DECISION);
    await serve(awardStateFixture());
    expect(host.querySelector('#awarded-to')?.textContent).toBe('Supplier A');
    expect(text()).toContain('0 of 1 issued.');
  });

  it('edits a summary with the revision it was read at, then issues it after confirming', async () => {
    await load(awardStateFixture());
    button('Edit Supplier B’s summary').click();
    await fixture.whenStable();
    await type('#summary-b-explanation-tech', 'Named staff and a week-by-week plan (section 2.1).');
    button('Save the summary').click();
    const edit = http.expectOne(`${BASE}/summaries/b`);
    expect(edit.request.method).toBe('PUT');
    expect(edit.request.headers.get('If-Match')).toBe('4');
    expect(edit.request.body).toEqual({
      explanations: [{ criterionId: 'tech', explanation: 'Named staff and a week-by-week plan (section 2.1).' }],
      whyNotSuccessful: 'Supplier A scored higher on technical approach.',
    });
    edit.flush(summaryFixture({ revision: 5 }));
    await serve(awardStateFixture({ summaries: [summaryFixture({ revision: 5 })] }));

    button('Issue to Supplier B').click();
    await fixture.whenStable();
    expect((host.querySelector('dialog') as HTMLDialogElement).open).toBe(true);
    button('Yes, issue it').click();
    http.expectOne({ method: 'POST', url: `${BASE}/summaries/b/issue` }).flush(summaryFixture({ status: 'issued' }));
    const issued = summaryFixture({ status: 'issued', issuedAt: '2026-12-07T10:00:00.000Z', revision: 6 });
    await serve(awardStateFixture({ summaries: [issued], noticeBlockedBy: null }));
    expect(text()).toContain('Issued on 7 December 2026');
    expect(host.querySelector('a[download]')?.getAttribute('href')).toBe(`${BASE}/summaries/b/pdf`);
    expect(button('Publish the contract award notice').disabled).toBe(false);
  });

  it('keeps the buyer’s text when a colleague saved the summary first', async () => {
    await load(awardStateFixture());
    button('Edit Supplier B’s summary').click();
    await fixture.whenStable();
    await type('#summary-b-why', 'My version of why.');
    button('Save the summary').click();
    http
      .expectOne(`${BASE}/summaries/b`)
      .flush({ statusCode: 409, message: 'Someone else saved this summary since you opened it.' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(text()).toContain('Someone else saved this summary since you opened it.');
    expect((host.querySelector('#summary-b-why') as HTMLTextAreaElement).value).toBe('My version of why.');
  });

  it('will not publish the notice while summaries are unissued, saying why', async () => {
    await load(awardStateFixture());
    const publish = button('Publish the contract award notice');
    expect(publish.disabled).toBe(true);
    expect(publish.getAttribute('aria-describedby')).toBe('notice-blocked');
    expect(host.querySelector('#notice-blocked')?.textContent).toBe('1 assessment summary is not issued yet.');
  });

  it('shows the standstill end in UK time and offers the contract only after it', async () => {
    const published = {
      ...DECISION,
      noticePublishedAt: '2026-12-03T10:00:00.000Z',
      standstillLastDay: '2099-12-15',
      standstillEndsAt: '2099-12-16T00:00:00.000Z',
    };
    await load(
      awardStateFixture({
        decision: published,
        summaries: [summaryFixture({ status: 'issued', issuedAt: '2026-12-02T10:00:00.000Z' })],
        noticeBlockedBy: null,
      }),
    );
    expect(host.querySelector('#standstill-last-day')?.textContent).toBe('Tuesday 15 December 2099');
    expect(host.querySelector('#standstill-ends')?.textContent).toBe('midnight at the end of Tuesday 15 December 2099 (UK time)');
    expect(button('Mark the contract as entered into').disabled).toBe(true);
    expect(text()).toContain('bank holidays in England and Wales');
  });
});
