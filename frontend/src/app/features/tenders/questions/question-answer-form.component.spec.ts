import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { type QueuedQuestion, QuestionStatus } from '@openbrief/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QuestionAnswerForm, QuestionAnswered } from './question-answer-form.component';

const TENDER = 't-1';
const BASE = `/api/v1/tenders/${TENDER}/questions/q-1`;

const QUESTION: QueuedQuestion = {
  id: 'q-1',
  text: 'Is TUPE likely to apply?',
  askedAt: '2026-12-07T10:00:00.000Z',
  askerOrganisation: 'Brightpath Digital Ltd',
  status: QuestionStatus.Drafted,
  draftAnswer: 'We think not.',
  answer: null,
  answeredAt: null,
  privateReason: null,
  publishedNumber: null,
  revision: 3,
};

describe('QuestionAnswerForm', () => {
  let fixture: ComponentFixture<QuestionAnswerForm>;
  let http: HttpTestingController;
  let host: HTMLElement;
  const changed: QuestionAnswered[] = [];

  beforeEach(async () => {
    changed.length = 0;
    TestBed.configureTestingModule({ providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting()] });
    fixture = TestBed.createComponent(QuestionAnswerForm);
    fixture.componentRef.setInput('tenderId', TENDER);
    fixture.componentRef.setInput('question', QUESTION);
    fixture.componentInstance.changed.subscribe((c) => changed.push(c));
    http = TestBed.inject(HttpTestingController);
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const answerBox = () => host.querySelector<HTMLTextAreaElement>('#question-q-1-answer') as HTMLTextAreaElement;
  const button = (text: string) =>
    [...host.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === text) as HTMLButtonElement;

  async function type(box: HTMLTextAreaElement, text: string): Promise<void> {
    box.value = text;
    box.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('starts from the saved draft and saves with the revision it was read at', async () => {
    expect(answerBox().value).toBe('We think not.');
    await type(answerBox(), 'No: the service is new.');
    button('Save draft').click();
    const request = http.expectOne(`${BASE}/draft`);
    expect(request.request.method).toBe('PUT');
    expect(request.request.headers.get('If-Match')).toBe('3');
    expect(request.request.body).toEqual({ draftAnswer: 'No: the service is new.' });
    request.flush({ ...QUESTION, draftAnswer: 'No: the service is new.', revision: 4 });
    await fixture.whenStable();
    expect(host.textContent).toContain('Draft saved. Only your buying team can see it.');
    expect(changed).toHaveLength(1);
  });

  it('keeps the buyer’s text and offers the colleague’s version when the draft changed meanwhile', async () => {
    await type(answerBox(), 'My version');
    button('Save draft').click();
    http
      .expectOne(`${BASE}/draft`)
      .flush({ statusCode: 409, message: 'Someone else saved this answer since you opened it.' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(host.querySelector('[role=alert]')?.textContent).toContain('Someone else saved this answer since you opened it.');
    expect(answerBox().value).toBe('My version');
    button('Load the latest version').click();
    await fixture.whenStable();
    expect(changed).toHaveLength(1);
  });

  it('will not answer privately without a reason', async () => {
    const privately = host.querySelector<HTMLInputElement>('input[value=private]') as HTMLInputElement;
    privately.click();
    await fixture.whenStable();
    button('Send answer privately').click();
    await fixture.whenStable();
    expect(host.textContent).toContain('Say why this question is commercially sensitive');
    http.expectNone(`${BASE}/answer`);

    await type(host.querySelector<HTMLTextAreaElement>('#question-q-1-reason') as HTMLTextAreaElement, 'It names their own prices.');
    button('Send answer privately').click();
    const request = http.expectOne(`${BASE}/answer`);
    expect(request.request.body).toEqual({ answer: 'We think not.', visibility: 'private', privateReason: 'It names their own prices.' });
    request.flush({ ...QUESTION, status: QuestionStatus.AnsweredPrivately, answer: 'We think not.' });
    await fixture.whenStable();
    expect(changed[0]?.message).toContain('privately');
  });

  it('publishes to everyone by default', async () => {
    button('Publish answer to everyone').click();
    const request = http.expectOne(`${BASE}/answer`);
    expect(request.request.body).toEqual({ answer: 'We think not.', visibility: 'public' });
    request.flush({ ...QUESTION, status: QuestionStatus.Published, answer: 'We think not.', publishedNumber: 1 });
    await fixture.whenStable();
    expect(changed[0]?.message).toContain('without the asker’s name');
  });
});
