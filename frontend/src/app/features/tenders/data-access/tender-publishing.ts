import {
  ChangeTenderStatusRequest,
  PublishBlocker,
  PublishTenderRequest,
  PublishedVersion,
  TenderDetail,
  TenderStatus,
} from '@openbrief/contracts';
import { Observable, firstValueFrom } from 'rxjs';
import { AppError, toAppError } from '../../../core/http/app-error';
import { ConflictResolution } from './conflict-resolution';
import { WorkingCopy } from './working-copy';

export type PublishResult =
  | { readonly kind: 'published'; readonly version: PublishedVersion }
  | { readonly kind: 'blocked'; readonly blockers: PublishBlocker[]; readonly message: string }
  | { readonly kind: 'not-saved' }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'failed'; readonly error: AppError };

export interface PublishingApi {
  get(id: string): Observable<TenderDetail>;
  publicationCheck(id: string): Observable<PublishBlocker[]>;
  publish(id: string, request: PublishTenderRequest): Observable<PublishedVersion>;
  changeStatus(id: string, request: ChangeTenderStatusRequest): Observable<TenderDetail>;
}

/**
 * Publishing and status changes: everything is saved first, then the action names the revision the
 * server holds (live edits move it on without this editor knowing), so what is published is exactly
 * what the buyer saw.
 */
export class TenderPublishing {
  constructor(
    private readonly copy: WorkingCopy,
    private readonly api: PublishingApi,
    private readonly conflicts: ConflictResolution,
    private readonly editor: {
      /** Saves everything; true when nothing is unsaved. */
      readonly flush: () => Promise<boolean>;
      /** Live editing is connected, so the revision may have moved on. */
      readonly live: () => boolean;
    },
  ) {}

  publicationCheck(): Promise<PublishBlocker[]> {
    return firstValueFrom(this.api.publicationCheck(this.copy.id));
  }

  async publish(changeNote: string | undefined, attempt = 1): Promise<PublishResult> {
    if (!(await this.editor.flush())) return this.conflicts.conflict() ? { kind: 'conflict' } : { kind: 'not-saved' };
    const meta = await this.currentRevision();
    if (!meta) return { kind: 'not-saved' };
    try {
      const note = changeNote?.trim();
      const version = await firstValueFrom(
        this.api.publish(this.copy.id, { revision: meta.revision, ...(note ? { changeNote: note } : {}) }),
      );
      this.copy.meta.set({
        ...meta,
        status: TenderStatus.Published,
        publishedVersion: version.version,
        publishedAt: version.publishedAt,
        revision: version.tender.revision,
        updatedAt: version.tender.updatedAt,
      });
      return { kind: 'published', version };
    } catch (cause: unknown) {
      const error = toAppError(cause);
      // Someone typed between reading the revision and publishing: their words are in; publish again.
      if (error.status === 409 && this.editor.live() && attempt < 3) return this.publish(changeNote, attempt + 1);
      if (error.status === 409) {
        await this.conflicts.open(error, meta.revision);
        return this.conflicts.conflict() ? { kind: 'conflict' } : { kind: 'failed', error };
      }
      if (error.status === 422) {
        const blockers = error.details.map((d) => ({ code: d.field ?? '', message: d.message, path: d.field }));
        return { kind: 'blocked', blockers, message: error.message };
      }
      return { kind: 'failed', error };
    }
  }

  async changeStatus(status: TenderStatus): Promise<AppError | null> {
    if (!(await this.editor.flush())) return new AppError(0, 'Save your changes first.');
    const meta = await this.currentRevision();
    if (!meta) return null;
    try {
      const detail = await firstValueFrom(this.api.changeStatus(this.copy.id, { revision: meta.revision, status }));
      this.copy.meta.set(detail);
      return null;
    } catch (cause: unknown) {
      const error = toAppError(cause);
      if (error.status === 409) await this.conflicts.open(error, meta.revision);
      return error;
    }
  }

  /** The revision on the server now: read again while live editing moves it on, else the one this editor holds. */
  private async currentRevision(): Promise<TenderDetail | null> {
    if (!this.editor.live()) return this.copy.meta();
    try {
      const detail = await firstValueFrom(this.api.get(this.copy.id));
      this.copy.meta.set(detail);
      return detail;
    } catch (cause: unknown) {
      this.copy.failure.set(toAppError(cause));
      return null;
    }
  }
}
