import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { type EvaluationPanel, PanelStage, RequirementKind, type TenderEvaluation } from '@openbrief/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lot, requirement, tenderContent, tenderDetail } from '../data-access/testing/tender-content.fixture';
import { EvaluationPage } from './evaluation-page.component';

const OVERVIEW = '/api/v1/tenders/tender-1/evaluation';
const TENDER = tenderDetail(
  tenderContent({
    lots: [
      lot('L1', {
        requirements: [requirement('r1'), requirement('r2', { kind: RequirementKind.Mandatory, outcome: 'Drivers hold a DBS check' })],
      }),
    ],
  }),
);
const MEMBERS: TenderEvaluation['members'] = [
  { userId: 'u-priya', name: 'Priya Shah', role: 'buyer' },
  { userId: 'u-tom', name: 'Dr Tom Evans', role: 'evaluator' },
  { userId: 'u-sam', name: 'Sam Okoro', role: 'evaluator' },
];

function panel(change: Partial<EvaluationPanel> = {}): EvaluationPanel {
  return {
    id: 'p-1',
    tenderId: 'tender-1',
    lotId: 'L1',
    lotNumber: 1,
    lotTitle: 'Lot L1',
    stage: PanelStage.Declaring,
    moderator: { userId: 'u-priya', name: 'Priya Shah' },
    evaluators: [
      { userId: 'u-tom', name: 'Dr Tom Evans', criterionIds: ['delivery', 'support'] },
      { userId: 'u-sam', name: 'Sam Okoro', criterionIds: ['delivery'] },
    ],
    bidders: [{ responseId: 'r-a', supplierName: 'Swift Wheels Ltd', label: 'Response A' }],
    declarations: [
      {
        id: 'd-1',
        evaluatorId: 'u-tom',
        evaluatorName: 'Dr Tom Evans',
        responseId: 'r-a',
        supplierName: 'Swift Wheels Ltd',
        conflict: true,
        details: 'I advised them last year.',
        declaredAt: '2026-12-07T10:00:00Z',
        handling: null,
        handledBy: null,
        handledAt: null,
      },
    ],
    gates: [],
    progress: { submitted: 0, assigned: 3, moderated: 0, toModerate: 2 },
    revision: 1,
    createdAt: '2026-12-07T09:00:00Z',
    ...change,
  };
}

const overview = (p: EvaluationPanel | null, opened = true): TenderEvaluation => ({
  tenderId: 'tender-1',
  tenderReference: 'OB-0001',
  tenderTitle: 'Faster housing repairs',
  opened,
  lots: [{ lotId: 'L1', lotNumber: 1, lotTitle: 'Lot L1', responses: 3, panel: p }],
  members: MEMBERS,
});

describe('EvaluationPage', () => {
  let fixture: ComponentFixture<EvaluationPage>;
  let http: HttpTestingController;
  let host: HTMLElement;

  async function open(view: TenderEvaluation): Promise<void> {
    http.expectOne(OVERVIEW).flush(view);
    http.expectOne('/api/v1/tenders/tender-1').flush(TENDER);
    await fixture.whenStable();
  }

  beforeEach(async () => {
    Element.prototype.scrollIntoView = () => undefined;
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(EvaluationPage);
    fixture.componentRef.setInput('id', 'tender-1');
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const text = () => host.textContent?.replace(/\s+/g, ' ') ?? '';
  const button = (start: string) =>
    [...host.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.replace(/\s+/g, ' ').trim().startsWith(start));
  const check = (id: string) => (host.querySelector(`#${id}`) as HTMLInputElement).click();

  it('offers nothing to form before the responses are opened', async () => {
    await open(overview(null, false));
    expect(text()).toContain('The responses are not opened yet');
    expect(button('Form the panel')).toBeUndefined();
  });

  it('forms a panel: evaluators per scored criterion (price left to its formula), a moderator from anyone', async () => {
    await open(overview(null));
    expect([...host.querySelectorAll('legend')].map((l) => l.textContent?.trim())).toEqual([
      'Evaluators for Criterion delivery',
      'Evaluators for Criterion support',
    ]);
    const moderatorOptions = [...host.querySelectorAll('#panel-L1-moderator option')].map((o) => o.textContent?.trim());
    expect(moderatorOptions).toEqual(['Choose a moderator', 'Priya Shah', 'Dr Tom Evans', 'Sam Okoro']);
    expect(host.querySelector('#panel-L1-criterion-delivery-u-priya')).toBeNull();

    button('Form the panel')?.click();
    await fixture.whenStable();
    expect([...host.querySelectorAll('.error-summary a')].map((a) => a.getAttribute('href'))).toEqual([
      '#panel-L1-moderator',
      '#panel-L1-criterion-delivery',
      '#panel-L1-criterion-support',
    ]);

    const select = host.querySelector<HTMLSelectElement>('#panel-L1-moderator') as HTMLSelectElement;
    select.value = 'u-priya';
    select.dispatchEvent(new Event('change'));
    check('panel-L1-criterion-delivery-u-tom');
    check('panel-L1-criterion-delivery-u-sam');
    check('panel-L1-criterion-support-u-tom');
    await fixture.whenStable();
    button('Form the panel')?.click();
    const put = http.expectOne('/api/v1/tenders/tender-1/lots/L1/panel');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      moderatorId: 'u-priya',
      evaluators: [
        { userId: 'u-tom', criterionIds: ['delivery', 'support'] },
        { userId: 'u-sam', criterionIds: ['delivery'] },
      ],
    });
    put.flush({});
    http.expectOne(OVERVIEW).flush(overview(panel()));
    await fixture.whenStable();
    expect(text()).toContain('The panel for lot 1 is saved.');
    expect(text()).toContain('Scores Criterion delivery, Criterion support');
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(document.activeElement?.id).toBe('panel-L1');
  });

  it('shows declarations and records how a declared conflict was handled', async () => {
    await open(overview(panel()));
    expect(text()).toContain('Conflict declared: I advised them last year.');
    expect(text()).toContain('Waiting for declarations from: Sam Okoro.');
    button('Record handling')?.click();
    await fixture.whenStable();
    expect(host.querySelector('.error-summary')?.textContent).toContain(
      'Say how the conflict between Dr Tom Evans and Swift Wheels Ltd was handled',
    );

    const box = host.querySelector<HTMLTextAreaElement>('#handling-d-1') as HTMLTextAreaElement;
    box.value = 'Sam Okoro scores this bid instead.';
    box.dispatchEvent(new Event('input'));
    button('Record handling')?.click();
    const post = http.expectOne('/api/v1/panels/p-1/declarations/d-1/handling');
    expect(post.request.body).toEqual({ handling: 'Sam Okoro scores this bid instead.' });
    post.flush({});
    const handled = panel();
    handled.declarations[0] = {
      ...handled.declarations[0]!,
      handling: 'Sam Okoro scores this bid instead.',
      handledBy: 'Priya Shah',
      handledAt: '2026-12-07T12:00:00Z',
    };
    http.expectOne(OVERVIEW).flush(overview(handled));
    await fixture.whenStable();
    expect(text()).toContain('Sam Okoro scores this bid instead. (Priya Shah,');
    expect(host.querySelector('.error-summary')).toBeNull();
  });

  it('fails a pass or fail requirement on the evidence, with a reason, and shows the bidder disqualified', async () => {
    await open(overview(panel()));
    expect([...host.querySelectorAll('#gate-r-a-requirement option')].map((o) => o.textContent?.trim())).toEqual([
      'Choose a requirement',
      'Drivers hold a DBS check',
    ]);
    const select = host.querySelector<HTMLSelectElement>('#gate-r-a-requirement') as HTMLSelectElement;
    select.value = 'r2';
    select.dispatchEvent(new Event('change'));
    check('gate-r-a-decision-fail');
    const reason = host.querySelector<HTMLTextAreaElement>('#gate-r-a-reason') as HTMLTextAreaElement;
    reason.value = 'The DBS certificate supplied expired in 2024.';
    reason.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    button('Record the decision')?.click();
    const post = http.expectOne('/api/v1/panels/p-1/gates/r-a');
    expect(post.request.body).toEqual({ requirementId: 'r2', passed: false, reason: 'The DBS certificate supplied expired in 2024.' });
    post.flush({});
    http.expectOne(OVERVIEW).flush(
      overview(
        panel({
          gates: [
            {
              responseId: 'r-a',
              requirementId: 'r2',
              gate: 'pass-fail',
              passed: false,
              reason: 'The DBS certificate supplied expired in 2024.',
              decidedBy: 'Priya Shah',
              decidedAt: '2026-12-07T12:00:00Z',
            },
          ],
        }),
      ),
    );
    await fixture.whenStable();
    expect(text()).toContain('Disqualified');
    expect(text()).toContain('Fails: Pass or fail requirement. The DBS certificate supplied expired in 2024.');
  });

  it('offers to change the panel only until the first score is submitted', async () => {
    await open(overview(panel({ progress: { submitted: 1, assigned: 3, moderated: 0, toModerate: 2 } })));
    expect(button('Change the panel')).toBeUndefined();
    expect(text()).toContain('Scores submitted1 of 3');
  });
});
