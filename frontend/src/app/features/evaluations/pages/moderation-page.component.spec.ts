import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { moderationView } from '../data-access/testing/evaluation.fixture';
import { ModerationPage } from './moderation-page.component';

const MODERATION = '/api/v1/panels/p-1/moderation';

describe('ModerationPage', () => {
  let fixture: ComponentFixture<ModerationPage>;
  let http: HttpTestingController;
  let host: HTMLElement;

  beforeEach(async () => {
    Element.prototype.scrollIntoView = () => undefined;
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ModerationPage);
    fixture.componentRef.setInput('panelId', 'p-1');
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne(MODERATION).flush(moderationView());
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const items = () => [...host.querySelectorAll('article')];
  const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

  it('shows every score and justification, the spread, and the flag in words', () => {
    expect(items().map((a) => text(a.querySelector('h3')))).toEqual(['Response A: Approach', 'Response B: Approach']);
    const flagged = items()[0]!;
    expect(text(flagged)).toContain('Flagged: the scores are 3 points apart (the threshold is 2).');
    expect(text(flagged)).toContain('4 (Excellent)');
    expect(text(flagged)).toContain('1 (Poor)');
    expect(text(flagged)).toContain('The response sets out a clear weekly plan.');
    expect(text(items()[1]!)).toContain('Spread: 0 points (below the threshold of 2).');
  });

  it('shows agreement with its reading and each evaluator’s offset in words', () => {
    const page = text(host);
    expect(page).toContain('0.12');
    expect(page).toContain('The evaluators barely agree: discuss every score.');
    expect(page).toContain('1.50 points above the others on average');
    expect(page).toContain('1.50 points below the others on average');
    expect(page).toContain('Out of line');
  });

  it('filters to flagged items only', async () => {
    const filter = host.querySelector<HTMLInputElement>('#flagged-only') as HTMLInputElement;
    expect(text(host.querySelector('label[for=flagged-only]'))).toBe('Show flagged items only (1)');
    filter.click();
    await fixture.whenStable();
    expect(items()).toHaveLength(1);
    expect(text(host.querySelector('[role=status]'))).toBe('Showing 1 of 2 items.');
  });

  it('records a consensus score and note, then shows it from the reloaded view', async () => {
    const first = items()[0]!;
    first.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    await fixture.whenStable();
    expect([...host.querySelectorAll('.error-summary a')].map((a) => a.getAttribute('href'))).toEqual([
      '#moderate-r-1-c-1-score',
      '#moderate-r-1-c-1-note',
    ]);

    (first.querySelector('#moderate-r-1-c-1-score-3') as HTMLInputElement).click();
    const note = first.querySelector<HTMLTextAreaElement>('#moderate-r-1-c-1-note') as HTMLTextAreaElement;
    note.value = 'Agreed 3: the plan is clear but names no backup vehicles.';
    note.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    first.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
    const put = http.expectOne('/api/v1/panels/p-1/moderation/r-1/c-1');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ score: 3, note: 'Agreed 3: the plan is clear but names no backup vehicles.' });
    put.flush({});
    await fixture.whenStable();
    const after = moderationView();
    after.items[0]!.consensus = { score: 3, note: 'Agreed 3.', moderatedBy: 'Priya Shah', moderatedAt: '2026-12-07T11:00:00Z' };
    http.expectOne(MODERATION).flush(after);
    await fixture.whenStable();
    expect(text(items()[0]!)).toContain('Consensus 3 (Good), recorded by Priya Shah');
    expect(text(host)).toContain('1 of 2 items moderated.');
    expect(host.querySelector('.error-summary')).toBeNull();
  });
});
