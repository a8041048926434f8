import { signal } from '@angular/core';
import { SaveTenderRequest, TenderContent, TenderDetail } from '@openbrief/contracts';
import { Observable, firstValueFrom } from 'rxjs';
import { AppError, toAppError } from '../../../core/http/app-error';
import { sameContent } from './content-ops';
import { ConflictResolution } from './conflict-resolution';
import { locateField } from './field-ids';
import { TabBackup } from './tab-backup';
import { WorkingCopy } from './working-copy';

/** How long after the last keystroke the working copy is saved. */
const AUTOSAVE_MS = 1500;

export interface AutosaveApi {
  save(id: string, request: SaveTenderRequest): Observable<TenderDetail>;
}

/**
 * Saving over HTTP, for when live editing is not connected: a short while after the last edit the
 * working copy is sent with the revision it is based on. A stale revision (409) opens a conflict; a
 * refusal (400) is shown at its fields; a network or server failure is retried with back-off.
 */
export class HttpAutosave {
  readonly saving = signal(false);
  readonly lastSavedAt = signal<Date | null>(null);
  private inFlight: Promise<boolean> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;

  constructor(
    private readonly copy: WorkingCopy,
    private readonly api: AutosaveApi,
    private readonly conflicts: ConflictResolution,
    private readonly backup: TabBackup,
    private readonly can: { readonly signedIn: () => boolean; readonly valid: () => boolean },
  ) {}

  schedule(delay = AUTOSAVE_MS): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), delay);
  }

  cancel(): void {
    clearTimeout(this.timer);
  }

  /** Saves the working copy now, unless it cannot be saved yet. Resolves true when all is saved. */
  async save(): Promise<boolean> {
    this.cancel();
    if (this.inFlight) {
      await this.inFlight;
      return this.save();
    }
    const { copy } = this;
    const sending = copy.working();
    const meta = copy.meta();
    // Signed out (the session ended): the edits stay in this tab's backup until the buyer is back.
    if (!sending || !meta || this.conflicts.conflict() || !this.can.signedIn()) return false;
    if (sending === copy.saved()) return true;
    if (!this.can.valid()) return false;
    if (sameContent(sending, copy.saved())) {
      copy.saved.set(sending);
      this.backup.clear();
      return true;
    }
    this.saving.set(true);
    this.inFlight = firstValueFrom(this.api.save(copy.id, { revision: meta.revision, content: sending }))
      .then(
        (detail) => {
          copy.meta.set(detail);
          copy.saved.set(sending);
          this.lastSavedAt.set(new Date());
          copy.failure.set(null);
          copy.rejected.set([]);
          this.retries = 0;
          if (copy.working() === sending) this.backup.clear();
          else this.schedule();
          return true;
        },
        (error: unknown) => this.failed(toAppError(error), sending, meta.revision),
      )
      .finally(() => {
        this.saving.set(false);
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /** Waits for any save under way, then saves what is left. True when nothing is unsaved. */
  async flush(): Promise<boolean> {
    this.cancel();
    if (this.inFlight) await this.inFlight;
    if (this.conflicts.conflict()) return false;
    if (this.copy.working() === this.copy.saved()) return true;
    return this.save();
  }

  retryNow(): void {
    this.retries = 0;
    this.copy.failure.set(null);
    void this.save();
  }

  private async failed(error: AppError, sending: TenderContent, revision: number): Promise<false> {
    if (error.status === 409) {
      await this.conflicts.open(error, revision);
    } else if (error.status === 400) {
      const located = error.details.map((d) => ({
        fieldId: locateField(d.field, sending)?.fieldId ?? '',
        message: d.message,
      }));
      this.copy.rejected.set(located.length ? located : [{ fieldId: '', message: error.message }]);
    } else {
      this.copy.failure.set(error);
      if (error.status === 0 || error.status >= 500) {
        this.retries++;
        this.schedule(Math.min(60_000, 5_000 * 2 ** (this.retries - 1)));
      }
    }
    return false;
  }
}
