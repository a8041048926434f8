import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { responseView, score, workspace } from '../data-access/testing/evaluation.fixture';
import { ScoringPage } from './scoring-page.component';

const SCORE = '/api/v1/panels/p-1/scores/r-1/c-1';

describe('ScoringPage', () => {
  let fixture: ComponentFixture<ScoringPage>;
  let http: HttpTestingController;
  let host: HTMLElement;

  async function open(view = responseView()): Promise<void> {
    http.expectOne('/api/v1/panels/p-1/workspace').flush(workspace());
    http.expectOne('/api/v1/panels/p-1/responses/r-1').flush(view);
    await fixture.whenStable();
  }

  beforeEach(async () => {
    Element.prototype.scrollIntoView = () => undefined;
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ScoringPage);
    fixture.componentRef.setInput('panelId', 'p-1');
    fixture.componentRef.setInput('responseId', 'r-1');
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const text = () => host.textContent?.replace(/\s+/g, ' ') ?? '';
  const justification = () => host.querySelector<HTMLTextAreaElement>('#score-c-1-justification') as HTMLTextAreaElement;
  const save = () => host.querySelector<HTMLButtonElement>('button[type=submit]') as HTMLButtonElement;
  async function type(value: string): Promise<void> {
    justification().value = value;
    justification().dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('shows the words past the limit in words, not only by style, and hides the price', async () => {
    await open();
    expect(host.querySelector('h1')?.textContent).toBe('Score Response A');
    const excess = host.querySelector('.answer__excess') as HTMLElement;
    expect(excess.textContent).toContain('Not considered: these words are beyond the 5-word limit');
    expect(excess.textContent).toContain('And we also wash the vans.');
    expect(text()).toContain('The price is hidden from evaluators until every quality score is moderated');
  });

  it('offers the scale as labelled radio buttons with their descriptions', async () => {
    await open();
    const legend = host.querySelector('fieldset legend')?.textContent?.trim();
    expect(legend).toBe('Your score for Approach');
    const good = host.querySelector<HTMLInputElement>('#score-c-1-3') as HTMLInputElement;
    expect(host.querySelector('label[for=score-c-1-3]')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('3 Good');
    expect(host.querySelector(`#${good.getAttribute('aria-describedby')}`)?.textContent).toBe('A full answer with evidence.');
  });

  it('asks for a score and a long enough justification, counting as the evaluator types', async () => {
    await open();
    await type('Too short');
    expect(text()).toContain('9 characters of at least 20');
    save().click();
    await fixture.whenStable();
    const links = [...host.querySelectorAll('.error-summary a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['#score-c-1', '#score-c-1-justification']);
    expect(text()).toContain('must be at least 20 characters: add 11 more');
    http.expectNone(SCORE);
  });

  it('saves a new score with If-Match 0, then the next save carries the new revision', async () => {
    await open();
    (host.querySelector('#score-c-1-3') as HTMLInputElement).click();
    await type('They plan journeys a week ahead, as page 2 shows.');
    save().click();
    const first = http.expectOne(SCORE);
    expect(first.request.method).toBe('PUT');
    expect(first.request.headers.get('If-Match')).toBe('0');
    expect(first.request.body).toEqual({ score: 3, justification: 'They plan journeys a week ahead, as page 2 shows.' });
    first.flush(score({ revision: 1, justification: 'They plan journeys a week ahead, as page 2 shows.' }));
    await fixture.whenStable();
    expect(text()).toContain('You can change it until you submit this criterion.');
    expect(host.querySelector('.error-summary')).toBeNull();

    (host.querySelector('#score-c-1-4') as HTMLInputElement).click();
    await fixture.whenStable();
    save().click();
    const second = http.expectOne(SCORE);
    expect(second.request.headers.get('If-Match')).toBe('1');
    expect(second.request.body.score).toBe(4);
    second.flush(score({ revision: 2, score: 4 }));
    await fixture.whenStable();
  });

  it('on a conflict, loads the saved score, says so, and keeps the evaluator’s text to copy', async () => {
    await open(responseView({ scores: [score({ revision: 2 })] }));
    expect(justification().value).toBe('The response sets out a clear weekly plan.');
    await type('My newer justification, written in another tab.');
    save().click();
    const put = http.expectOne(SCORE);
    expect(put.request.headers.get('If-Match')).toBe('2');
    put.flush({ statusCode: 409, message: 'Changed meanwhile.' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    http
      .expectOne('/api/v1/panels/p-1/responses/r-1')
      .flush(responseView({ scores: [score({ revision: 3, score: 1, justification: 'Saved from the other tab, a full reason.' })] }));
    await fixture.whenStable();
    expect(host.querySelector('.error-summary')?.textContent).toContain('was changed elsewhere since you opened this page');
    expect(justification().value).toBe('Saved from the other tab, a full reason.');
    expect((host.querySelector('#score-c-1-1') as HTMLInputElement).checked).toBe(true);
    expect(text()).toContain('My newer justification, written in another tab.');

    save().click();
    expect(http.expectOne(SCORE).request.headers.get('If-Match')).toBe('3');
  });

  it('shows a submitted score without a form: it changes only in moderation', async () => {
    await open(responseView({ scores: [score({ submittedAt: '2026-12-07T10:00:00Z' })] }));
    expect(host.querySelector('form')).toBeNull();
    expect(text()).toContain('Your score: 3 (Good)');
    expect(text()).toContain('Submitted scores can change only in moderation.');
  });
});
