import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { type TenderDetail, TenderStatus } from '@openbrief/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { REQUIREMENT_ID, aFeedback, aNotice } from '../../engagement/testing/engagement-fixtures';
import { MarketEngagementPage } from './market-engagement-page.component';

const TENDER = '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6';
const TENDER_URL = `/api/v1/tenders/${TENDER}`;
const VIEW_URL = `${TENDER_URL}/engagement`;

Element.prototype.scrollIntoView ??= () => undefined;

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
}

/** Only what the page reads of a tender. */
function aTender(revision = 4): TenderDetail {
  return {
    id: TENDER,
    title: 'School transport booking',
    reference: 'OB-2026-0042',
    status: TenderStatus.Draft,
    revision,
    lots: [{ id: 'lot-1', title: 'Lot 1', requirements: [{ id: REQUIREMENT_ID, order: 0, outcome: 'Parents can apply online.' }] }],
  } as unknown as TenderDetail;
}

describe('MarketEngagementPage', () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<MarketEngagementPage>;
  let host: HTMLElement;

  async function open(view: unknown | null): Promise<void> {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(MarketEngagementPage);
    fixture.componentRef.setInput('id', TENDER);
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(TENDER_URL).flush(aTender());
    await settle(fixture);
    const request = http.expectOne(VIEW_URL);
    if (view) request.flush(view);
    else request.flush({ statusCode: 404, message: 'That engagement was not found.' }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);
  }

  afterEach(() => http.verify());

  async function type(id: string, value: string): Promise<void> {
    const control = host.querySelector(`#${id}`) as HTMLInputElement;
    control.value = value;
    control.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  const publishButton = () =>
    Array.from(host.querySelectorAll('button')).find((b) => b.textContent?.includes('Publish for market engagement')) as HTMLButtonElement;

  it('lists the outcomes to be published and refuses an incomplete form with a linked summary', async () => {
    await open(null);
    expect(host.textContent).toContain('1.1 Parents can apply online.');
    publishButton().click();
    await settle(fixture);
    const links = Array.from(host.querySelectorAll('.error-summary a')).map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#engagement-questions', '#engagement-closes']);
    http.expectNone({ method: 'POST', url: VIEW_URL });
  });

  it('publishes with the revision it read, then shows the engagement', async () => {
    await open(null);
    await type('engagement-questions', 'Is a year long enough?');
    await type('engagement-closes', '2099-03-15T17:00');
    (host.querySelector('#engagement-closes') as HTMLInputElement).dispatchEvent(new Event('change'));
    await fixture.whenStable();
    publishButton().click();
    await settle(fixture);
    const request = http.expectOne({ method: 'POST', url: VIEW_URL });
    expect(request.request.body).toEqual({
      revision: 4,
      questions: 'Is a year long enough?',
      feedbackCloses: '2099-03-15T17:00:00.000Z',
      event: null,
    });
    request.flush({ notice: aNotice({ event: null }), feedback: [], registrations: [] }, { status: 201, statusText: 'Created' });
    await settle(fixture);
    expect(host.textContent).toContain('Published for market engagement');
    expect(host.textContent).toContain('Read the notice as suppliers see it');
  });

  it('on a stale draft (409) reads the tender again and says why', async () => {
    await open(null);
    await type('engagement-questions', 'Is a year long enough?');
    await type('engagement-closes', '2099-03-15T17:00');
    publishButton().click();
    await settle(fixture);
    http
      .expectOne({ method: 'POST', url: VIEW_URL })
      .flush({ statusCode: 409, message: 'The draft has changed since you opened it.' }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    http.expectOne(TENDER_URL).flush(aTender(5));
    await settle(fixture);
    expect(host.querySelector('.error-summary')?.textContent).toContain('The draft has changed since you opened it.');
  });

  it('shows who registered and the feedback on each outcome with names', async () => {
    await open({
      notice: aNotice(),
      feedback: [aFeedback()],
      registrations: [
        {
          supplierName: 'Shah Transport Ltd',
          contactName: 'Asha Shah',
          contactEmail: 'asha@shah.test',
          attendees: 2,
          accessNeeds: 'Step-free access',
          registeredAt: '2026-12-01T10:00:00.000Z',
        },
      ],
    });
    expect(host.querySelector('table')?.textContent).toContain('Shah Transport Ltd');
    expect(host.textContent).toContain('1 organisation, 2 people of 30 places.');
    expect(host.textContent).toContain('Every eligible child has transport arranged before term starts.');
  });
});
