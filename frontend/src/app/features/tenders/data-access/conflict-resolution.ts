import { signal } from '@angular/core';
import { TenderContent, TenderDetail, TenderRevisionSummary } from '@openbrief/contracts';
import { Observable, catchError, firstValueFrom, forkJoin, of } from 'rxjs';
import { AppError, toAppError } from '../../../core/http/app-error';
import { UnsavedChange, unsavedChanges } from './content-diff';
import { toContent } from './content-ops';
import { WorkingCopy } from './working-copy';

/** Someone saved the tender after the revision this editor is based on. */
export interface SaveConflict {
  readonly current: TenderDetail;
  readonly changedBy: string | null;
  readonly byMe: boolean;
  readonly changedAt: string | null;
  readonly changedFields: readonly string[];
}

/** What conflict resolution asks of the API. */
export interface ConflictApi {
  get(id: string): Observable<TenderDetail>;
  revisions(id: string): Observable<TenderRevisionSummary[]>;
}

/**
 * When the server refuses a save or a publication because someone saved first (409), finds out who
 * saved and what, lets the buyer load that version, and keeps the buyer's own edits listed so each
 * can be put back. Nothing the buyer typed is lost or silently overwritten.
 */
export class ConflictResolution {
  readonly conflict = signal<SaveConflict | null>(null);
  /** The buyer's edits that the version they loaded does not have. */
  readonly leftovers = signal<UnsavedChange[]>([]);

  constructor(
    private readonly copy: WorkingCopy,
    private readonly api: ConflictApi,
    /** The signed-in buyer's name, to tell "you saved in another tab" from a colleague's save. */
    private readonly myName: () => string | undefined,
    /** Applies an edit to the working copy (and saves it). */
    private readonly edit: (change: (c: TenderContent) => TenderContent) => void,
  ) {}

  /** After a 409: who saved, and what. A 409 without a newer revision means the tender cannot change. */
  async open(error: AppError, revision: number): Promise<void> {
    const { id } = this.copy;
    try {
      const [current, revisions] = await firstValueFrom(
        forkJoin([this.api.get(id), this.api.revisions(id).pipe(catchError(() => of([] as TenderRevisionSummary[])))]),
      );
      if (current.revision === revision) {
        this.copy.meta.set({ ...current, revision });
        this.copy.failure.set(error);
        return;
      }
      const latest = revisions.find((r) => r.revision === current.revision) ?? revisions[0];
      const me = this.myName();
      this.conflict.set({
        current,
        changedBy: latest?.changedBy ?? null,
        byMe: !!latest && latest.changedBy === me,
        changedAt: latest?.changedAt ?? current.updatedAt,
        changedFields: latest?.changedFields ?? [],
      });
    } catch (cause: unknown) {
      this.copy.failure.set(toAppError(cause));
    }
  }

  /** Replaces the working copy with the version now on the server; the buyer's own edits stay listed. False when there was no conflict. */
  loadTheirs(): boolean {
    const conflict = this.conflict();
    const mine = this.copy.working();
    if (!conflict || !mine) return false;
    const theirs = toContent(conflict.current);
    this.leftovers.set(unsavedChanges(this.copy.saved(), mine, theirs));
    this.copy.meta.set(conflict.current);
    this.copy.working.set(theirs);
    this.copy.saved.set(theirs);
    this.conflict.set(null);
    this.copy.failure.set(null);
    this.copy.rejected.set([]);
    return true;
  }

  applyLeftover(change: UnsavedChange): void {
    if (change.apply) this.edit(change.apply);
    this.leftovers.update((list) => list.filter((c) => c.key !== change.key));
  }

  applyAllLeftovers(): void {
    const all = this.leftovers().filter((c) => c.apply);
    this.edit((c) => all.reduce((acc, change) => change.apply!(acc), c));
    this.leftovers.update((list) => list.filter((c) => !c.apply));
  }

  dismissLeftovers(): void {
    this.leftovers.set([]);
  }
}
