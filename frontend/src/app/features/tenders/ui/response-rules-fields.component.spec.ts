import { provideZonelessChangeDetection, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { RESPONSE_RULE_FIELDS, ResponseRules, TenderContent } from '@openbrief/contracts';
import { beforeEach, describe, expect, it } from 'vitest';
import { validateContent } from '../data-access/content-validation';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { tenderContent } from '../data-access/testing/tender-content.fixture';
import { ResponseRulesFields } from './response-rules-fields.component';

/** The parts of the editor's store the group uses, over a plain working copy (the real store needs the API). */
class StoreStub {
  readonly content = signal<TenderContent>(tenderContent());
  errorFor(fieldId: string): string {
    return validateContent(this.content()).find((p) => p.fieldId === fieldId)?.message ?? '';
  }
  setResponseRules(patch: Partial<ResponseRules>): void {
    this.content.update((c) => ({ ...c, responseRules: { ...c.responseRules, ...patch } }));
  }
}

describe('ResponseRulesFields', () => {
  let fixture: ComponentFixture<ResponseRulesFields>;
  let store: StoreStub;
  let host: HTMLElement;

  beforeEach(async () => {
    store = new StoreStub();
    TestBed.configureTestingModule({
      providers: [provideZonelessChangeDetection(), { provide: TenderEditorStore, useValue: store }],
    });
    fixture = TestBed.createComponent(ResponseRulesFields);
    host = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  const input = (key: keyof ResponseRules) => host.querySelector<HTMLInputElement>(`#response-rules-${key}`);
  const labelOf = (key: keyof ResponseRules) => host.querySelector(`label[for="response-rules-${key}"]`)?.textContent?.trim();

  it('shows each rule with the shared words, its hint read with it', () => {
    for (const key of Object.keys(RESPONSE_RULE_FIELDS) as (keyof ResponseRules)[]) {
      expect(labelOf(key)).toContain(RESPONSE_RULE_FIELDS[key].label);
      const hint = host.querySelector(`#response-rules-${key}-hint`);
      expect(hint?.textContent?.trim()).toBe(RESPONSE_RULE_FIELDS[key].hint);
      expect(input(key)?.getAttribute('aria-describedby')).toContain(`response-rules-${key}-hint`);
    }
    expect(input('attachmentsAllowed')?.checked).toBe(true);
    expect(input('maxAttachments')?.value).toBe('5');
    expect(input('twoPersonOpening')?.checked).toBe(false);
  });

  it('writes a ticked box and a typed number to the working copy', async () => {
    input('twoPersonOpening')!.click();
    const count = input('maxAttachments')!;
    count.value = '3';
    count.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(store.content().responseRules).toEqual({
      attachmentsAllowed: true,
      maxAttachments: 3,
      maxAttachmentMb: 10,
      twoPersonOpening: true,
    });
  });

  it('says what is wrong with a number out of range, at the field', async () => {
    const size = input('maxAttachmentMb')!;
    size.value = '51';
    size.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(host.querySelector('#response-rules-maxAttachmentMb-error')?.textContent).toContain('must be a whole number from 1 to 50');
    expect(size.getAttribute('aria-invalid')).toBe('true');
  });

  it('does not ask about numbers and sizes when attachments are not allowed', async () => {
    input('attachmentsAllowed')!.click();
    await fixture.whenStable();
    expect(store.content().responseRules.attachmentsAllowed).toBe(false);
    expect(input('maxAttachments')).toBeNull();
    expect(input('maxAttachmentMb')).toBeNull();
    expect(input('twoPersonOpening')).not.toBeNull();
  });
});
