import { TestBed } from '@angular/core/testing';
import { ResponseContentInput, ResponseStatus, SupplierResponse } from '@openbrief/contracts';
import { Observable, of, throwError } from 'rxjs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../core/http/app-error';
import { ResponseEditorStore } from './response-editor.store';
import { ResponsesApi } from './responses.api';
import { supplierResponse } from './testing/response.fixture';

/** The server: one response, saved with If-Match; a colleague can save in between. */
class FakeApi {
  current = supplierResponse();
  saves: { revision: number; content: ResponseContentInput }[] = [];

  get(): Observable<SupplierResponse> {
    return of(this.current);
  }

  save(_id: string, revision: number, content: ResponseContentInput): Observable<SupplierResponse> {
    this.saves.push({ revision, content });
    if (revision !== this.current.revision) return throwError(() => new AppError(409, 'Someone saved this response after you opened it.'));
    const lines = content.priceLines.map((l, i) => ({ ...l, id: l.id ?? `new-${i}`, total: l.quantity * l.unitPrice }));
    this.current = {
      ...this.current,
      revision: revision + 1,
      answers: this.current.answers.map((a) => ({ ...a, text: content.answers.find((x) => x.criterionId === a.criterionId)?.text ?? '' })),
      price: { ...this.current.price, lines },
    };
    return of(this.current);
  }

  /** A colleague's save. */
  colleagueWrites(text: string): void {
    this.current = { ...this.current, revision: this.current.revision + 1, answers: [{ ...this.current.answers[0]!, text }] };
  }
}

describe('ResponseEditorStore', () => {
  let api: FakeApi;
  let store: ResponseEditorStore;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(new Date('2027-03-01T12:00:00Z'));
    api = new FakeApi();
    TestBed.configureTestingModule({ providers: [ResponseEditorStore, { provide: ResponsesApi, useValue: api }] });
    store = TestBed.inject(ResponseEditorStore);
    store.load('resp-1');
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  const type = (text: string) => store.edit((d) => ({ ...d, answers: { ...d.answers, 'crit-1': text } }));

  it('saves a short while after typing, with the revision it was based on', async () => {
    type('Our plan, in detail');
    expect(store.status()).toBe('unsaved');
    await vi.advanceTimersByTimeAsync(1500);
    expect(api.saves).toHaveLength(1);
    expect(api.saves[0]?.revision).toBe(3);
    expect(store.status()).toBe('saved');
    expect(store.response()?.revision).toBe(4);
  });

  it('does not save while a price line is wrong, and says where', async () => {
    store.edit((d) => ({ ...d, priceLines: [{ ...d.priceLines[0]!, unitPrice: 'lots' }] }));
    await vi.advanceTimersByTimeAsync(1500);
    expect(api.saves).toHaveLength(0);
    expect(store.status()).toBe('blocked');
    expect(store.problems()[0]?.fieldId).toBe('price-line-1-unitPrice');
  });

  it('never overwrites a colleague: on 409 it offers their version and keeps my text to put back', async () => {
    api.colleagueWrites('Their plan');
    type('My plan');
    await vi.advanceTimersByTimeAsync(1500);
    expect(store.status()).toBe('conflict');
    expect(api.current.answers[0]?.text).toBe('Their plan');

    store.loadTheirs();
    expect(store.draft()?.answers['crit-1']).toBe('Their plan');
    expect(store.leftovers().map((l) => l.mine)).toEqual(['My plan']);

    store.applyLeftover(store.leftovers()[0]!);
    await vi.advanceTimersByTimeAsync(1500);
    expect(api.current.answers[0]?.text).toBe('My plan');
    expect(api.saves.at(-1)?.revision).toBe(4);
  });

  it('turns read-only at the deadline and when submitted', () => {
    expect(store.editable()).toBe(true);
    store.refreshMeta({ ...store.response()!, status: ResponseStatus.Submitted });
    expect(store.editable()).toBe(false);
    expect(store.open()).toBe(true);
    store.refreshMeta({ ...store.response()!, status: ResponseStatus.Draft, submissionDeadline: '2027-03-01T12:00:00.000Z' });
    // The clock ticks each minute: the deadline is now.
    vi.advanceTimersByTime(61_000);
    expect(store.open()).toBe(false);
    expect(store.status()).toBe('read-only');
  });

  it('keeps the ids the server gave new price lines, so the next save does not duplicate them', async () => {
    store.edit((d) => ({
      ...d,
      priceLines: [...d.priceLines, { key: 'new-key', description: 'Fuel', quantity: '2', unit: '', unitPrice: '5' }],
    }));
    await vi.advanceTimersByTimeAsync(1500);
    expect(store.draft()?.priceLines.map((l) => l.id)).toEqual(['line-1', 'new-1']);
    type('More');
    await vi.advanceTimersByTimeAsync(1500);
    expect(api.saves.at(-1)?.content.priceLines.map((l) => l.id)).toEqual(['line-1', 'new-1']);
  });
});
