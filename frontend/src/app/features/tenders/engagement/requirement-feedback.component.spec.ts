import { LiveAnnouncer } from '@angular/cdk/a11y';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideZonelessChangeDetection, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { type BuyerEngagementView, TenderStatus } from '@openbrief/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REQUIREMENT_ID, aFeedback, aNotice } from '../../engagement/testing/engagement-fixtures';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { RequirementFeedback } from './requirement-feedback.component';

const TENDER = '1e2d3c4b-5a69-4788-9a0b-c1d2e3f4a5b6';
const LOT = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';
const VIEW_URL = `/api/v1/tenders/${TENDER}/engagement`;

/** The parts of the editor's store the feedback uses: what the tender is, its content, and the edit path. */
function fakeEditor(saves: boolean) {
  const content = signal({ lots: [{ id: LOT, requirements: [{ id: REQUIREMENT_ID, outcome: 'Parents can apply online.' }] }] });
  const calls: string[] = [];
  return {
    calls,
    tender: signal({ id: TENDER, status: TenderStatus.Draft }),
    content,
    setRequirement: vi.fn((lotId: string, requirementId: string, patch: { outcome: string }) => {
      calls.push(`edit ${lotId} ${requirementId}`);
      content.set({ lots: [{ id: LOT, requirements: [{ id: REQUIREMENT_ID, outcome: patch.outcome }] }] });
    }),
    flush: vi.fn(() => {
      calls.push('flush');
      return Promise.resolve(saves);
    }),
  };
}

/** Lets promise callbacks (the store's load, the adopt chain) run, then the view catch up. */
async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }
}

// jsdom has no layout: focusing scrolls nothing.
Element.prototype.scrollIntoView ??= () => undefined;

describe('RequirementFeedback', () => {
  let fixture: ComponentFixture<RequirementFeedback>;
  let http: HttpTestingController;
  let host: HTMLElement;
  let editor: ReturnType<typeof fakeEditor>;

  async function create(saves = true, view: BuyerEngagementView | null = null): Promise<void> {
    editor = fakeEditor(saves);
    TestBed.configureTestingModule({
      providers: [
        provideZonelessChangeDetection(),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: TenderEditorStore, useValue: editor },
        { provide: LiveAnnouncer, useValue: { announce: vi.fn(() => Promise.resolve()) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(RequirementFeedback);
    fixture.componentRef.setInput('lotId', LOT);
    fixture.componentRef.setInput('requirementId', REQUIREMENT_ID);
    fixture.componentRef.setInput('number', '1.1');
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
    const request = http.expectOne(VIEW_URL);
    if (view) request.flush(view);
    else request.flush({ statusCode: 404, message: 'That engagement was not found.' }, { status: 404, statusText: 'Not Found' });
    await settle(fixture);
  }

  afterEach(() => http.verify());

  const adoptButton = () => host.querySelector('button') as HTMLButtonElement | null;

  it('shows nothing for a tender with no engagement', async () => {
    await create(true, null);
    expect(host.textContent?.trim()).toBe('');
  });

  it('shows each supplier’s feedback with its name, and Adopt only for a proposed outcome', async () => {
    const comment = aFeedback({ id: 'c1', kind: 'comment', proposedOutcome: null, text: 'Say which parents.' });
    await create(true, { notice: aNotice(), feedback: [aFeedback(), comment], registrations: [] });
    expect(host.querySelector('h4')?.textContent).toContain('Market engagement feedback on requirement 1.1 (2)');
    expect(host.textContent).toContain('Shah Transport Ltd');
    expect(host.textContent).toContain('Every eligible child has transport arranged before term starts.');
    expect(host.textContent).toContain('Say which parents.');
    expect(host.querySelectorAll('button').length).toBe(1);
    expect(adoptButton()?.textContent).toContain('Adopt this wording');
    expect(adoptButton()?.textContent).toContain('from Shah Transport Ltd as the outcome of requirement 1.1');
  });

  it('adopts: edits the outcome the way typing does, waits for the save, then credits it', async () => {
    const feedback = aFeedback();
    await create(true, { notice: aNotice(), feedback: [feedback], registrations: [] });
    adoptButton()!.click();
    await settle(fixture);
    expect(editor.setRequirement).toHaveBeenCalledWith(LOT, REQUIREMENT_ID, { outcome: feedback.proposedOutcome });
    const adopt = http.expectOne(`/api/v1/engagement-feedback/${feedback.id}/adopt`);
    expect(adopt.request.method).toBe('POST');
    expect(editor.calls).toEqual([`edit ${LOT} ${REQUIREMENT_ID}`, 'flush']);
    adopt.flush({ ...feedback, adoptedAt: '2026-12-07T10:00:00.000Z', adoptedBy: 'Priya Shah' });
    await settle(fixture);
    expect(host.textContent).toContain('Adopted by Priya Shah on 7 December 2026');
    expect(adoptButton()).toBeNull();
  });

  it('does not credit an adoption the draft has not saved', async () => {
    await create(false, { notice: aNotice(), feedback: [aFeedback()], registrations: [] });
    adoptButton()!.click();
    await settle(fixture);
    http.expectNone(`/api/v1/engagement-feedback/${aFeedback().id}/adopt`);
    expect(host.querySelector('[role=alert]')?.textContent).toContain('is not saved yet, so the adoption has not been recorded');
  });
});
