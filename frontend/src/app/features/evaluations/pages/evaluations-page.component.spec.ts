import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { type EvaluationTask, PanelStage } from '@openbrief/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvaluationsPage } from './evaluations-page.component';

const task = (change: Partial<EvaluationTask>): EvaluationTask => ({
  panelId: 'p-1',
  tenderId: 't-1',
  tenderReference: 'OB-2026-0042',
  tenderTitle: 'Patient transport',
  lotNumber: 1,
  lotTitle: 'Whole service',
  stage: PanelStage.Scoring,
  isModerator: false,
  isEvaluator: true,
  nextStep: 'Score 3 responses.',
  ...change,
});

describe('EvaluationsPage', () => {
  let fixture: ComponentFixture<EvaluationsPage>;
  let http: HttpTestingController;
  let host: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EvaluationsPage);
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    http.expectOne('/api/v1/comments/mentioning-me').flush([]);
  });

  afterEach(() => http.verify());

  const text = () => host.textContent?.replace(/\s+/g, ' ') ?? '';

  it('says nothing is assigned yet when the caller sits on no panel', async () => {
    http.expectOne('/api/v1/evaluations').flush([]);
    await fixture.whenStable();
    expect(host.querySelector('h2')?.textContent).toBe('No evaluations assigned yet');
    expect(text()).toContain('Comments mentioning you');
  });

  it('lists each panel with its stage in words, the next step, and links for scoring and moderating', async () => {
    http
      .expectOne('/api/v1/evaluations')
      .flush([task({}), task({ panelId: 'p-2', lotNumber: 2, isEvaluator: false, isModerator: true, stage: PanelStage.Moderation })]);
    await fixture.whenStable();
    expect(text()).not.toContain('No evaluations assigned yet');
    const items = [...host.querySelectorAll('.tasks__item')];
    expect(items[0]?.textContent).toContain('Scoring');
    expect(items[0]?.textContent).toContain('Score 3 responses.');
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe('/evaluations/p-1');
    expect(items[1]?.textContent).toContain('You moderate.');
    // A moderator declares conflicts too, on the panel's page, before moderating.
    expect(
      [...(items[1]?.querySelectorAll('a') ?? [])].map((a) => [a.getAttribute('href'), a.textContent?.replace(/\s+/g, ' ').trim()]),
    ).toEqual([
      ['/evaluations/p-2', 'Your declarations for Patient transport, lot 2'],
      ['/evaluations/p-2/moderation', 'Open moderation for Patient transport, lot 2'],
    ]);
  });
});
