import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { PanelStage } from '@openbrief/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { score, workspace } from '../data-access/testing/evaluation.fixture';
import { PanelWorkspacePage } from './panel-workspace-page.component';

const WORKSPACE = '/api/v1/panels/p-1/workspace';
const toDeclare = [
  { responseId: 'r-1', supplierName: 'Swift Wheels Ltd', label: 'Response A' },
  { responseId: 'r-2', supplierName: 'Care Cabs CIC', label: 'Response B' },
];

describe('PanelWorkspacePage', () => {
  let fixture: ComponentFixture<PanelWorkspacePage>;
  let http: HttpTestingController;
  let host: HTMLElement;

  beforeEach(async () => {
    Element.prototype.scrollIntoView = () => undefined;
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(PanelWorkspacePage);
    fixture.componentRef.setInput('panelId', 'p-1');
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const text = () => host.textContent?.replace(/\s+/g, ' ') ?? '';
  const button = (start: string) =>
    [...host.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim().startsWith(start));
  const radio = (id: string) => host.querySelector<HTMLInputElement>(`#${id}`) as HTMLInputElement;

  it('asks for a declaration per bidder, in a fieldset each, and lists what is missing', async () => {
    http.expectOne(WORKSPACE).flush(workspace({ declared: false, toDeclare, stage: PanelStage.Declaring, responses: [] }));
    await fixture.whenStable();
    expect([...host.querySelectorAll('legend')].map((l) => l.textContent?.trim())).toEqual(['Swift Wheels Ltd', 'Care Cabs CIC']);
    expect(text()).not.toContain('Responses to score');

    radio('declare-r-1-conflict').click();
    await fixture.whenStable();
    button('Confirm your declarations')?.click();
    await fixture.whenStable();
    const summary = [...host.querySelectorAll('.error-summary a')].map((a) => [a.getAttribute('href'), a.textContent?.trim()]);
    expect(summary).toEqual([
      ['#declare-r-1-details', 'Describe your conflict of interest with Swift Wheels Ltd'],
      ['#declare-r-2', 'Say whether you have a conflict of interest with Care Cabs CIC'],
    ]);
    http.expectNone('/api/v1/panels/p-1/declarations');

    const details = host.querySelector<HTMLTextAreaElement>('#declare-r-1-details') as HTMLTextAreaElement;
    details.value = 'My brother is a director.';
    details.dispatchEvent(new Event('input'));
    radio('declare-r-2-none').click();
    await fixture.whenStable();
    button('Confirm your declarations')?.click();
    const put = http.expectOne('/api/v1/panels/p-1/declarations');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      declarations: [
        { responseId: 'r-1', conflict: true, details: 'My brother is a director.' },
        { responseId: 'r-2', conflict: false, details: '' },
      ],
    });
    put.flush({});
    await fixture.whenStable();
    http.expectOne(WORKSPACE).flush(workspace());
    await fixture.whenStable();
    expect(host.querySelector('h1')?.textContent).toBe('Your scoring');
    expect(text()).toContain('Your declarations are recorded.');
    http.expectOne('/api/v1/panels/p-1/criteria/c-2/scores').flush({ criterionId: 'c-2', criterionName: 'Social value', scores: [] });
  });

  it('shows progress, submits a criterion, then shows the panel’s scores for it', async () => {
    http.expectOne(WORKSPACE).flush(workspace());
    await fixture.whenStable();
    http.expectOne('/api/v1/panels/p-1/criteria/c-2/scores').flush({
      criterionId: 'c-2',
      criterionName: 'Social value',
      scores: [score({ criterionId: 'c-2', score: 4, evaluatorName: 'Sam Okoro', submittedAt: '2026-12-07T10:00:00Z' })],
    });
    await fixture.whenStable();
    expect(text()).toContain('You have scored 3 of 4 answers.');
    expect(host.querySelector('a[href="/evaluations/p-1/responses/r-1"]')?.textContent).toBe('Score Response A');
    expect(text()).toContain('4 (Excellent)');
    expect(button('Submit scores for Social value')).toBeUndefined();

    button('Submit scores for Approach')?.click();
    const post = http.expectOne('/api/v1/panels/p-1/criteria/c-1/submit');
    expect(post.request.method).toBe('POST');
    post.flush({});
    await fixture.whenStable();
    const submitted = workspace();
    submitted.criteria = submitted.criteria.map((c) => ({ ...c, submitted: true }));
    http.expectOne(WORKSPACE).flush(submitted);
    await fixture.whenStable();
    http.expectOne('/api/v1/panels/p-1/criteria/c-1/scores').flush({ criterionId: 'c-1', criterionName: 'Approach', scores: [] });
    http.expectOne('/api/v1/panels/p-1/criteria/c-2/scores').flush({ criterionId: 'c-2', criterionName: 'Social value', scores: [] });
    await fixture.whenStable();
    expect(text()).toContain('Your scores for Approach are submitted.');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(document.activeElement?.id).toBe('criterion-c-1');
  });

  it('says why a criterion cannot be submitted yet', async () => {
    http.expectOne(WORKSPACE).flush(workspace());
    await fixture.whenStable();
    http.expectOne('/api/v1/panels/p-1/criteria/c-2/scores').flush({ criterionId: 'c-2', criterionName: 'Social value', scores: [] });
    button('Submit scores for Approach')?.click();
    http
      .expectOne('/api/v1/panels/p-1/criteria/c-1/submit')
      .flush({ statusCode: 409, message: 'Score every response for Approach before you submit.' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    expect(host.querySelector('[role=alert]')?.textContent).toContain('Score every response for Approach before you submit.');
  });

  it('tells a moderator, who scores nothing, where to moderate once declared', async () => {
    http.expectOne(WORKSPACE).flush(workspace({ criteria: [], responses: [] }));
    await fixture.whenStable();
    expect(host.querySelector('h1')?.textContent).toBe('Your declarations');
    expect(host.querySelector('a[href="/evaluations/p-1/moderation"]')?.textContent).toBe('Open moderation');
    expect(text()).not.toContain('Responses to score');
  });
});
