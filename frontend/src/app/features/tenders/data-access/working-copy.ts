import { signal } from '@angular/core';
import { TenderContent, TenderDetail } from '@openbrief/contracts';
import { AppError } from '../../../core/http/app-error';
import { SummaryError } from '../../../shared/forms/form-errors';

/**
 * What every part of the tender editor reads and writes: the server's facts about the tender, the
 * buyer's working copy, and the content the server holds for the revision the editor is based on.
 * The store and its collaborators (autosave, conflicts, tab backup, publishing) share one of these.
 */
export class WorkingCopy {
  id = '';
  /** Server-side facts: reference, status, revision, published version. */
  readonly meta = signal<TenderDetail | null>(null);
  readonly working = signal<TenderContent | null>(null);
  /** The content the server holds for `meta().revision`, as this editor sent or loaded it. */
  readonly saved = signal<TenderContent | null>(null);
  readonly failure = signal<AppError | null>(null);
  readonly rejected = signal<SummaryError[]>([]);
}
