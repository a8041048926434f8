import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { EngagementFeedback } from '@openbrief/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ENGAGEMENT_ID, REQUIREMENT_ID, aFeedback, aNotice } from '../testing/engagement-fixtures';
import { OutcomeFeedbackForm } from './outcome-feedback-form.component';

const URL = `/api/v1/engagements/${ENGAGEMENT_ID}/feedback`;

describe('OutcomeFeedbackForm', () => {
  let fixture: ComponentFixture<OutcomeFeedbackForm>;
  let http: HttpTestingController;
  let host: HTMLElement;
  const given: EngagementFeedback[] = [];

  beforeEach(async () => {
    given.length = 0;
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()] });
    fixture = TestBed.createComponent(OutcomeFeedbackForm);
    fixture.componentRef.setInput('engagementId', ENGAGEMENT_ID);
    fixture.componentRef.setInput('outcome', aNotice().outcomes[0]);
    fixture.componentInstance.given.subscribe((f) => given.push(f));
    http = TestBed.inject(HttpTestingController);
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const byId = <T extends HTMLElement>(suffix: string) => host.querySelector(`#feedback-${REQUIREMENT_ID}-${suffix}`) as T;

  async function type(suffix: string, text: string): Promise<void> {
    const box = byId<HTMLTextAreaElement>(suffix);
    box.value = text;
    box.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function choose(kind: 'comment' | 'alternative'): Promise<void> {
    byId<HTMLInputElement>(`kind-${kind}`).click();
    await fixture.whenStable();
  }

  async function send(): Promise<void> {
    (host.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await fixture.whenStable();
  }

  it('counts words and characters against the limit as they are typed', async () => {
    expect(host.textContent).toContain('0 words. You have 4,000 characters remaining');
    await type('text', 'Too prescriptive');
    expect(host.textContent).toContain('2 words. You have 3,984 characters remaining');
    await type('text', 'x'.repeat(4001));
    expect(host.textContent).toContain('You have 1 character too many');
    expect(byId('text').getAttribute('aria-invalid')).toBe('true');
  });

  it('lists every problem in a summary linked to its field, and sends nothing', async () => {
    await choose('alternative');
    await send();
    const summary = host.querySelector('[role=alert]') as HTMLElement;
    expect(summary.textContent).toContain('There is a problem');
    const links = Array.from(summary.querySelectorAll('a')).map((a) => [a.textContent?.trim(), a.getAttribute('href')]);
    expect(links).toEqual([
      ['Enter the outcome as you would write it', `#feedback-${REQUIREMENT_ID}-proposed`],
      ['Enter why your outcome works better', `#feedback-${REQUIREMENT_ID}-text`],
    ]);
    http.expectNone(URL);
  });

  it('sends a comment with an idempotency key, empties the form and confirms in a live region', async () => {
    await type('text', '  Could this be measured termly?  ');
    await send();
    const request = http.expectOne(URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      requirementId: REQUIREMENT_ID,
      kind: 'comment',
      text: 'Could this be measured termly?',
      proposedOutcome: null,
    });
    expect(request.request.headers.get('Idempotency-Key')).toMatch(/^[A-Za-z0-9_.:-]{8,100}$/);
    const sent = aFeedback({ kind: 'comment', proposedOutcome: null, text: 'Could this be measured termly?' });
    request.flush(sent, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(given).toEqual([sent]);
    expect(byId<HTMLTextAreaElement>('text').value).toBe('');
    expect(host.querySelector('[role=status]')?.textContent).toContain('Your comment on outcome 1.1 has been sent to the buyer.');
  });

  it('sends a proposed outcome with its reason', async () => {
    await choose('alternative');
    await type('proposed', 'Every child has transport before term.');
    await type('text', 'Measures the result.');
    await send();
    const request = http.expectOne(URL);
    expect(request.request.body).toEqual({
      requirementId: REQUIREMENT_ID,
      kind: 'alternative',
      text: 'Measures the result.',
      proposedOutcome: 'Every child has transport before term.',
    });
    request.flush(aFeedback(), { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(host.querySelector('[role=status]')?.textContent).toContain('Your proposed outcome for outcome 1.1 has been sent');
  });

  it('retries a lost answer with the same key, and shows a refusal (409) in the summary', async () => {
    await type('text', 'A comment.');
    await send();
    const first = http.expectOne(URL);
    const key = first.request.headers.get('Idempotency-Key');
    first.error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await fixture.whenStable();
    expect(host.querySelector('[role=alert]')?.textContent).toContain('We could not reach Openbrief');

    await send();
    const retry = http.expectOne(URL);
    expect(retry.request.headers.get('Idempotency-Key')).toBe(key);
    retry.flush({ statusCode: 409, message: 'Feedback closed at 5pm on 1 March 2027.' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(host.querySelector('[role=alert]')?.textContent).toContain('Feedback closed at 5pm on 1 March 2027.');
    expect(given).toEqual([]);
  });

  it('puts the server’s field errors beside the field', async () => {
    await type('text', 'A comment.');
    await send();
    http
      .expectOne(URL)
      .flush(
        { statusCode: 400, message: 'Please check text', details: [{ field: 'text', message: 'text must be shorter.' }] },
        { status: 400, statusText: 'Bad Request' },
      );
    await fixture.whenStable();
    expect(byId(`text-error`).textContent).toContain('text must be shorter.');
    expect(host.querySelector('[role=alert] a')?.getAttribute('href')).toBe(`#feedback-${REQUIREMENT_ID}-text`);
  });
});
