import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { type OwnQuestion, QuestionStatus } from '@openbrief/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AskQuestion } from './ask-question.component';

const TENDER = '7d4f8a42-1b2c-4d5e-8f90-123456789abc';
const URL = `/api/v1/tenders/${TENDER}/questions`;

describe('AskQuestion', () => {
  let fixture: ComponentFixture<AskQuestion>;
  let http: HttpTestingController;
  let host: HTMLElement;
  const asked: OwnQuestion[] = [];
  const closed: string[] = [];

  beforeEach(async () => {
    asked.length = 0;
    closed.length = 0;
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()] });
    fixture = TestBed.createComponent(AskQuestion);
    fixture.componentRef.setInput('tenderId', TENDER);
    fixture.componentInstance.asked.subscribe((q) => asked.push(q));
    fixture.componentInstance.closed.subscribe((m) => closed.push(m));
    http = TestBed.inject(HttpTestingController);
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function type(text: string): Promise<void> {
    const box = host.querySelector('textarea') as HTMLTextAreaElement;
    box.value = text;
    box.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  async function send(): Promise<void> {
    (host.querySelector('button[type=submit]') as HTMLButtonElement).click();
    await fixture.whenStable();
  }

  it('counts words as they are typed', async () => {
    expect(host.textContent).toContain('You have 500 words remaining');
    await type('Is TUPE likely to apply?');
    expect(host.textContent).toContain('You have 495 words remaining');
  });

  it('refuses an empty question or one over 500 words without sending anything', async () => {
    await send();
    expect(host.textContent).toContain('Enter your question');
    await type('word '.repeat(501));
    expect(host.textContent).toContain('You have 1 word too many');
    await send();
    expect(host.textContent).toContain('Your question must be 500 words or fewer. It has 501 words.');
    expect(host.querySelector('textarea')?.getAttribute('aria-invalid')).toBe('true');
    http.expectNone(URL);
    expect(asked).toEqual([]);
  });

  it('sends the question, empties the box and says it was sent', async () => {
    await type('  Is TUPE likely to apply?  ');
    await send();
    const request = http.expectOne(URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ text: 'Is TUPE likely to apply?' });
    const question: OwnQuestion = {
      id: 'q1',
      tenderId: TENDER,
      text: 'Is TUPE likely to apply?',
      askedAt: '2026-12-07T10:00:00.000Z',
      status: QuestionStatus.New,
      answer: null,
      answeredAt: null,
    };
    request.flush(question, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect(asked).toEqual([question]);
    expect((host.querySelector('textarea') as HTMLTextAreaElement).value).toBe('');
    expect(host.querySelector('[role=status]')?.textContent).toContain('Your question has been sent.');
  });

  it('hands the server’s words to the page when questions have closed', async () => {
    await type('Can we still ask?');
    await send();
    const message = 'Questions closed on 1 December 2026. You can no longer ask a question.';
    http.expectOne(URL).flush({ statusCode: 409, message }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(closed).toEqual([message]);
    expect(asked).toEqual([]);
  });

  it('shows any other refusal plainly, next to the box', async () => {
    await type('A question');
    await send();
    http
      .expectOne(URL)
      .flush(
        { statusCode: 422, message: 'Your organisation has asked 50 questions about this tender, the most allowed.' },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await fixture.whenStable();
    expect(host.textContent).toContain('Your organisation has asked 50 questions about this tender, the most allowed.');
  });
});
