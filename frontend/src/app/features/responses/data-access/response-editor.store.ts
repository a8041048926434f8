import { Injectable, computed, inject, signal } from '@angular/core';
import { ResponseStatus, SupplierResponse } from '@openbrief/contracts';
import { firstValueFrom } from 'rxjs';
import { AppError, toAppError } from '../../../core/http/app-error';
import { deadlinePassed } from './countdown';
import { minuteClock } from './minute-clock';
import { ResponsesApi } from './responses.api';
import {
  Leftover,
  ResponseDraft,
  draftProblems,
  leftovers,
  sameDraft,
  sentLines,
  toContentInput,
  toDraft,
  withLineIds,
} from './response-draft';

/** How long after the last keystroke the draft is saved (as the tender editor). */
const AUTOSAVE_MS = 1500;

export type ResponseSaveStatus = 'saved' | 'saving' | 'unsaved' | 'blocked' | 'failed' | 'rejected' | 'conflict' | 'read-only';

/**
 * One response being edited: the draft as typed, the last version saved, and saving it a short while
 * after each edit with the revision it is based on (If-Match). When a colleague saved first (409), the
 * supplier loads their version and gets each of their own unsaved edits listed to put back: nothing is
 * overwritten silently, nothing typed is lost.
 */
@Injectable()
export class ResponseEditorStore {
  private readonly api = inject(ResponsesApi);
  /** Refreshed each minute, so the page turns read-only at the deadline without a reload. */
  readonly now = minuteClock();

  readonly loadState = signal<'loading' | 'ready' | 'error'>('loading');
  readonly loadError = signal<AppError | null>(null);
  readonly response = signal<SupplierResponse | null>(null);
  readonly draft = signal<ResponseDraft | null>(null);
  private readonly saved = signal<ResponseDraft | null>(null);
  readonly saving = signal(false);
  readonly lastSavedAt = signal<Date | null>(null);
  readonly failure = signal<AppError | null>(null);
  /** The server refused the content (400/422): its message, shown at the save status. */
  readonly rejected = signal<string | null>(null);
  /** The version a colleague saved first. */
  readonly conflict = signal<SupplierResponse | null>(null);
  readonly leftovers = signal<Leftover[]>([]);

  readonly deadlinePassed = computed(() => deadlinePassed(this.response()?.submissionDeadline ?? null, this.now()));
  /** Until the deadline (and before opening) the supplier can still submit, withdraw or confirm changes. */
  readonly open = computed(() => {
    const response = this.response();
    return !!response && response.status !== ResponseStatus.Opened && !this.deadlinePassed() && !this.refusedAsClosed();
  });
  /** The content can change only while it is not submitted: a submission is final until withdrawn (as the server rules). */
  readonly editable = computed(() => {
    const status = this.response()?.status;
    return this.open() && (status === ResponseStatus.Draft || status === ResponseStatus.Withdrawn);
  });
  /** The server said the deadline has passed, even if this device's clock disagrees. */
  readonly refusedAsClosed = signal(false);
  readonly problems = computed(() => {
    const draft = this.draft();
    const response = this.response();
    return draft && response ? draftProblems(draft, response) : [];
  });
  readonly dirty = computed(() => this.draft() !== this.saved());
  readonly status = computed<ResponseSaveStatus>(() => {
    if (!this.editable()) return 'read-only';
    if (this.conflict()) return 'conflict';
    if (this.saving()) return 'saving';
    if (this.failure()) return 'failed';
    if (this.rejected()) return 'rejected';
    if (!this.dirty()) return 'saved';
    return this.problems().length ? 'blocked' : 'unsaved';
  });

  private id = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<boolean> | null = null;
  private retries = 0;

  load(id: string): void {
    this.id = id;
    this.loadState.set('loading');
    this.api.get(id).subscribe({
      next: (response) => {
        this.replace(response);
        this.loadState.set('ready');
      },
      error: (error: unknown) => {
        this.loadError.set(toAppError(error));
        this.loadState.set('error');
      },
    });
  }

  /** Takes the server's version as both the saved and the edited one. */
  replace(response: SupplierResponse): void {
    const draft = toDraft(response);
    this.response.set(response);
    this.draft.set(draft);
    this.saved.set(draft);
    this.failure.set(null);
    this.rejected.set(null);
  }

  /** Updates what the server says about the response (status, receipt, missing items) without touching the draft. */
  refreshMeta(response: SupplierResponse): void {
    this.response.set(response);
  }

  edit(change: (draft: ResponseDraft) => ResponseDraft): void {
    const draft = this.draft();
    if (!draft || !this.editable()) return;
    this.draft.set(change(draft));
    this.rejected.set(null);
    this.schedule();
  }

  schedule(delay = AUTOSAVE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), delay);
  }

  cancel(): void {
    clearTimeout(this.timer);
  }

  /** Saves now unless it cannot be saved yet. True when all is saved. */
  async save(): Promise<boolean> {
    this.cancel();
    if (this.inFlight) {
      await this.inFlight;
      return this.save();
    }
    const sending = this.draft();
    const response = this.response();
    if (!sending || !response || this.conflict() || !this.editable()) return false;
    if (sending === this.saved()) return true;
    if (this.problems().length) return false;
    if (sameDraft(sending, this.saved())) {
      this.saved.set(sending);
      return true;
    }
    const sentKeys = sentLines(sending).map((l) => l.key);
    this.saving.set(true);
    this.inFlight = firstValueFrom(this.api.save(this.id, response.revision, toContentInput(sending, response)))
      .then(
        (updated) => {
          const ids = updated.price.lines.map((l) => l.id);
          const savedNow = withLineIds(sending, sentKeys, ids);
          const current = this.draft();
          this.response.set(updated);
          this.saved.set(savedNow);
          this.draft.set(current === sending ? savedNow : withLineIds(current ?? savedNow, sentKeys, ids));
          this.lastSavedAt.set(new Date());
          this.failure.set(null);
          this.retries = 0;
          if (this.draft() !== this.saved()) this.schedule();
          return true;
        },
        (error: unknown) => this.failed(toAppError(error), response.revision),
      )
      .finally(() => {
        this.saving.set(false);
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /** Waits for a save under way, then saves what is left. True when nothing is unsaved. */
  async flush(): Promise<boolean> {
    this.cancel();
    if (this.inFlight) await this.inFlight;
    if (this.conflict()) return false;
    if (this.draft() === this.saved()) return true;
    return this.save();
  }

  retryNow(): void {
    this.retries = 0;
    this.failure.set(null);
    void this.save();
  }

  /** A refusal because the deadline passed (the server's clock decides): the page becomes read-only. */
  noteClosed(error: AppError): boolean {
    if (error.status !== 409 && error.status !== 403) return false;
    if (!/deadline|closed/i.test(error.message)) return false;
    this.refusedAsClosed.set(true);
    return true;
  }

  /** Replaces the draft with the colleague's version; the supplier's own edits stay listed to put back. */
  loadTheirs(): void {
    const theirs = this.conflict();
    const mine = this.draft();
    const base = this.saved();
    if (!theirs || !mine || !base) return;
    const theirsDraft = toDraft(theirs);
    this.leftovers.set(leftovers(base, mine, theirsDraft, theirs));
    this.conflict.set(null);
    this.replace(theirs);
  }

  applyLeftover(leftover: Leftover): void {
    this.edit(leftover.apply);
    this.leftovers.update((list) => list.filter((l) => l.key !== leftover.key));
  }

  applyAllLeftovers(): void {
    const all = this.leftovers();
    this.edit((d) => all.reduce((acc, l) => l.apply(acc), d));
    this.leftovers.set([]);
  }

  dismissLeftovers(): void {
    this.leftovers.set([]);
  }

  private async failed(error: AppError, revision: number): Promise<false> {
    if (error.status === 409 || error.status === 412) {
      if (this.noteClosed(error)) return false;
      try {
        const current = await firstValueFrom(this.api.get(this.id));
        if (current.revision === revision) this.failure.set(error);
        else this.conflict.set(current);
      } catch (cause: unknown) {
        this.failure.set(toAppError(cause));
      }
    } else if (error.status === 400 || error.status === 413 || error.status === 422) {
      this.rejected.set(error.details[0]?.message ?? error.message);
    } else if (error.status === 403 && this.noteClosed(error)) {
      return false;
    } else {
      this.failure.set(error);
      if (error.status === 0 || error.status >= 500) {
        this.retries++;
        this.schedule(Math.min(60_000, 5_000 * 2 ** (this.retries - 1)));
      }
    }
    return false;
  }
}
