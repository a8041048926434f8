import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import {
  Budget,
  Contact,
  EDITABLE_TENDER_STATUSES,
  ContractTerms,
  CriterionContent,
  FindingJustification,
  LotContent,
  PublishBlocker,
  PublishedVersion,
  RequirementContent,
  Role,
  TenderContent,
  TenderDetail,
  TenderStatus,
  Timetable,
} from '@openbrief/contracts';
import { catchError, firstValueFrom, forkJoin, of } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { AppError, toAppError } from '../../../core/http/app-error';
import { SummaryError } from '../../../shared/forms/form-errors';
import { UnsavedChange, unsavedChanges } from './content-diff';
import {
  RemovedRequirement,
  addCriterion,
  addLot,
  addRequirements,
  blankRequirement,
  moveRequirement,
  removeCriterion,
  removeLot,
  removeRequirement,
  restoreRequirement,
  sameContent,
  shareUnchanged,
  toContent,
  updateCriterion,
  updateLot,
  updateMeasure,
  updateModel,
  updateRequirement,
} from './content-ops';
import { ContentProblem, validateContent } from './content-validation';
import { locateField } from './field-ids';
import { Collaborator, LiveTender } from './live-tender';
import { TendersApi } from './tenders.api';

/** How long after the last keystroke the working copy is saved. */
const AUTOSAVE_MS = 1500;
const BACKUP_MS = 400;
const BACKUP_KEY = 'openbrief.unsaved-tender.';
/** How long live editing may take to connect before the editor settles for saving over HTTP. */
const LIVE_CONNECT_MS = 8000;

/** Where live editing stands, for the status in the workspace bar. */
export type LiveStatus = 'connecting' | 'saved' | 'saving' | 'offline' | 'back-in-sync' | 'read-only';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'blocked' | 'rejected' | 'failed' | 'conflict';

/** Someone saved the tender after the revision this editor is based on. */
export interface SaveConflict {
  readonly current: TenderDetail;
  readonly changedBy: string | null;
  readonly byMe: boolean;
  readonly changedAt: string | null;
  readonly changedFields: readonly string[];
}

/** Edits kept in this browser tab that never reached the server (for example, the session ended). */
export interface RecoveredEdits {
  readonly content: TenderContent;
  readonly at: number;
  readonly sameBase: boolean;
}

export type PublishResult =
  | { readonly kind: 'published'; readonly version: PublishedVersion }
  | { readonly kind: 'blocked'; readonly blockers: PublishBlocker[]; readonly message: string }
  | { readonly kind: 'not-saved' }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'failed'; readonly error: AppError };

interface Backup {
  revision: number;
  content: TenderContent;
  at: number;
}

/**
 * One tender's working copy, shared by every page of the tender workspace (full editor, guided
 * steps, preview, publish). Normally it is a live document co-edited with the rest of the team
 * (see LiveTender): every edit goes into it and merges with everyone else's. Until live editing
 * connects, or where it cannot, edits are saved over HTTP with the revision they are based on; the
 * server refuses a stale revision (409), and the editor then stops saving and lets the buyer load
 * the other version without losing their own text.
 */
@Injectable()
export class TenderEditorStore {
  private readonly api = inject(TendersApi);
  private readonly auth = inject(AuthService);

  private id = '';
  private readonly meta = signal<TenderDetail | null>(null);
  private readonly working = signal<TenderContent | null>(null);
  /** The content the server holds for `meta().revision`, as this editor sent or loaded it. */
  private readonly saved = signal<TenderContent | null>(null);
  private inFlight: Promise<boolean> | null = null;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private backupTimer: ReturnType<typeof setTimeout> | undefined;
  private retries = 0;
  private readonly liveSession = signal<LiveTender | null>(null);
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  private liveStarted = false;

  readonly loadState = signal<'loading' | 'ready' | 'error'>('loading');
  readonly loadError = signal<AppError | null>(null);
  /** Server-side facts: reference, status, revision, published version. */
  readonly tender = this.meta.asReadonly();
  readonly content = this.working.asReadonly();
  readonly saving = signal(false);
  readonly failure = signal<AppError | null>(null);
  readonly rejected = signal<SummaryError[]>([]);
  readonly conflict = signal<SaveConflict | null>(null);
  readonly leftovers = signal<UnsavedChange[]>([]);
  readonly recovered = signal<RecoveredEdits | null>(null);
  readonly lastSavedAt = signal<Date | null>(null);
  readonly lastDeleted = signal<RemovedRequirement | null>(null);
  /** A one-off message about something the editor could not do. */
  readonly notice = signal<string | null>(null);

  /** The live document, while live editing is on. */
  readonly live = this.liveSession.asReadonly();
  readonly collaborators = computed<readonly Collaborator[]>(() => this.liveSession()?.collaborators() ?? []);
  /** Live values the server kept out of the tender (it keeps the last valid ones), each with where it is. */
  readonly liveRefused = computed(() =>
    (this.liveSession()?.refused() ?? []).map((r) => ({ ...r, fieldId: locateField(r.field, this.content())?.fieldId ?? null })),
  );

  readonly liveStatus = computed<LiveStatus | null>(() => {
    const live = this.liveSession();
    if (!live) return null;
    if (!live.ready()) return 'connecting';
    if (live.readOnly) return 'read-only';
    if (live.connection() !== 'online') return 'offline';
    if (live.unsynced() > 0) return 'saving';
    return live.backInSync() ? 'back-in-sync' : 'saved';
  });

  readonly problems = computed<ContentProblem[]>(() => {
    const c = this.working();
    return c ? validateContent(c) : [];
  });
  readonly dirty = computed(() => this.working() !== this.saved());
  readonly status = computed<SaveStatus>(() => {
    if (this.conflict()) return 'conflict';
    if (this.saving()) return 'saving';
    if (!this.dirty()) return 'saved';
    if (this.problems().length) return 'blocked';
    if (this.rejected().length) return 'rejected';
    if (this.failure()) return 'failed';
    return 'unsaved';
  });
  /** First message per field: local problems first, then anything the server refused. */
  private readonly errorMap = computed(() => {
    const map = new Map<string, string>();
    for (const p of [...this.problems(), ...this.rejected()]) {
      if (p.fieldId && !map.has(p.fieldId)) map.set(p.fieldId, p.message);
    }
    return map;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.stopLive(null);
      clearTimeout(this.saveTimer);
      if (this.backupTimer) {
        clearTimeout(this.backupTimer);
        this.writeBackup();
      }
    });
  }

  errorFor(fieldId: string): string {
    return this.errorMap().get(fieldId) ?? '';
  }

  // --- loading -------------------------------------------------------------------------------

  load(id: string): void {
    if (id === this.id && this.loadState() !== 'error') return;
    this.id = id;
    this.loadState.set('loading');
    this.api.get(id).subscribe({
      next: (detail) => {
        this.reset(detail);
        this.checkBackup(detail);
        this.loadState.set('ready');
        this.startLive(detail);
      },
      error: (error: unknown) => {
        this.loadError.set(toAppError(error));
        this.loadState.set('error');
      },
    });
  }

  private reset(detail: TenderDetail): void {
    const content = toContent(detail);
    this.meta.set(detail);
    this.working.set(content);
    this.saved.set(content);
    this.failure.set(null);
    this.rejected.set([]);
  }

  // --- live editing --------------------------------------------------------------------------

  private startLive(detail: TenderDetail): void {
    const user = this.auth.user();
    if (this.liveSession() || !user || !EDITABLE_TENDER_STATUSES.includes(detail.status) || typeof WebSocket === 'undefined') return;
    const canEdit = user.role === Role.Buyer || user.role === Role.Admin;
    const live = new LiveTender(
      detail.id,
      user,
      !canEdit,
      (content) => this.liveChanged(live, content),
      (message) => this.stopLive(`${message} Your changes are saved every few seconds instead; reload the page to try again.`),
    );
    this.liveSession.set(live);
    this.liveTimer = setTimeout(() => {
      if (!live.ready()) this.stopLive('Live editing could not connect. Your changes are saved every few seconds instead; reload the page to try again.');
    }, LIVE_CONNECT_MS);
  }

  private liveChanged(live: LiveTender, content: TenderContent): void {
    if (!this.liveStarted) {
      this.liveStarted = true;
      // Typed before live editing connected, and not yet saved over HTTP: that goes into the document.
      if (this.dirty() && live.apply(this.working()!)) {
        clearTimeout(this.saveTimer);
        content = live.content() ?? content;
      }
      // From here the document (and its IndexedDB copy) keeps every edit: the tab's backup is done with.
      this.clearBackup();
    }
    const shared = shareUnchanged(this.working(), content);
    this.working.set(shared);
    this.saved.set(shared);
    this.rejected.set([]);
  }

  private stopLive(message: string | null): void {
    clearTimeout(this.liveTimer);
    const live = this.liveSession();
    if (!live) return;
    live.destroy();
    this.liveSession.set(null);
    if (message) this.notice.set(message);
  }

  /** Live editing is on and has the document: edits go there. */
  private liveReady(): LiveTender | null {
    const live = this.liveSession();
    return live?.ready() ? live : null;
  }

  /** The revision on the server now (live edits move it on), for the actions that need one. */
  private async refreshRevision(): Promise<TenderDetail | null> {
    try {
      const detail = await firstValueFrom(this.api.get(this.id));
      this.meta.set(detail);
      return detail;
    } catch (cause: unknown) {
      this.failure.set(toAppError(cause));
      return null;
    }
  }

  // --- editing -------------------------------------------------------------------------------

  /** Applies an edit to the working copy and schedules a save. */
  update(edit: (content: TenderContent) => TenderContent): void {
    const current = this.working();
    if (!current) return;
    const next = edit(current);
    if (next === current) return;
    const live = this.liveReady();
    if (live) {
      // Read-only followers cannot change anything (the server would refuse it too).
      if (!live.apply(next)) return;
      this.working.set(next);
      this.saved.set(next);
      this.rejected.set([]);
      return;
    }
    this.working.set(next);
    this.rejected.set([]);
    this.scheduleSave();
    this.scheduleBackup();
  }

  patch(patch: Partial<TenderContent>): void {
    this.update((c) => ({ ...c, ...patch }));
  }

  /** The tender's estimated value; a single lot is worth the same. */
  setEstimatedValue(value: number | null): void {
    this.update((c) => ({
      ...c,
      estimatedValue: value,
      lots: c.lots.length === 1 ? [{ ...c.lots[0], estimatedValue: value }] : c.lots,
    }));
  }

  setBudget(patch: Partial<Budget>): void {
    this.update((c) => ({ ...c, budget: { ...c.budget, ...patch } }));
  }

  setContract(patch: Partial<ContractTerms>): void {
    this.update((c) => ({ ...c, contract: { ...c.contract, ...patch } }));
  }

  setContact(patch: Partial<Contact>): void {
    this.update((c) => ({ ...c, contact: { ...c.contact, ...patch } }));
  }

  setTimetable(key: keyof Timetable, value: string | null): void {
    this.update((c) => ({ ...c, timetable: { ...c.timetable, [key]: value } }));
  }

  setLot(lotId: string, patch: Partial<Omit<LotContent, 'id'>>): void {
    this.update((c) => updateLot(c, lotId, (lot) => ({ ...lot, ...patch })));
  }

  addLot(): string {
    let id = '';
    this.update((c) => {
      const result = addLot(c);
      id = result.lot.id;
      return result.content;
    });
    return id;
  }

  removeLot(lotId: string): void {
    this.update((c) => removeLot(c, lotId));
  }

  setRequirement(lotId: string, requirementId: string, patch: Partial<RequirementContent>): void {
    this.update((c) => updateRequirement(c, lotId, requirementId, patch));
  }

  setMeasure(lotId: string, requirementId: string, patch: Partial<RequirementContent['measure']>): void {
    this.update((c) => updateMeasure(c, lotId, requirementId, patch));
  }

  addRequirement(lotId: string, patch: Partial<RequirementContent> = {}): string {
    const requirement = blankRequirement(patch);
    this.update((c) => addRequirements(c, lotId, [requirement]));
    return requirement.id;
  }

  /** Appends outcome statements brought in from an old specification. */
  importRequirements(lotId: string, lines: readonly { outcome: string; heading: string | null }[]): number {
    const added = lines
      .filter((line) => line.outcome.trim())
      .map((line) => blankRequirement({ outcome: line.outcome.trim(), heading: line.heading?.trim() || null }));
    if (added.length) this.update((c) => addRequirements(c, lotId, added));
    return added.length;
  }

  deleteRequirement(lotId: string, requirementId: string): void {
    const current = this.working();
    const result = current ? removeRequirement(current, lotId, requirementId) : null;
    if (!result) return;
    this.update(() => result.content);
    this.lastDeleted.set(result.removed);
  }

  undoDelete(): RemovedRequirement | null {
    const removed = this.lastDeleted();
    if (!removed) return null;
    this.update((c) => restoreRequirement(c, removed));
    this.lastDeleted.set(null);
    return removed;
  }

  moveRequirement(lotId: string, from: number, to: number): void {
    this.update((c) => moveRequirement(c, lotId, from, to));
  }

  setModel(lotId: string, patch: Partial<LotContent['evaluationModel']>): void {
    this.update((c) => updateModel(c, lotId, patch));
  }

  setCriterion(lotId: string, criterionId: string, patch: Partial<CriterionContent>): void {
    this.update((c) => updateCriterion(c, lotId, criterionId, patch));
  }

  addCriterion(lotId: string, parentId: string | null): string {
    let id = '';
    this.update((c) => {
      const result = addCriterion(c, lotId, parentId);
      id = result.criterion.id;
      return result.content;
    });
    return id;
  }

  removeCriterion(lotId: string, criterionId: string): void {
    this.update((c) => removeCriterion(c, lotId, criterionId));
  }

  /** The buyer accepted a checker finding on purpose, with a reason. */
  justify(justification: FindingJustification): void {
    const requirements = this.working()?.lots.flatMap((l) => l.requirements.map((r) => r.id)) ?? [];
    if (!requirements.includes(justification.requirementId)) {
      // The API keeps reasons only for requirements; saving any other would refuse every later save.
      this.notice.set(
        'Openbrief cannot save a reason for a finding about the tender as a whole yet. Change the tender instead (for example its weights or lots), or explain in the summary.',
      );
      return;
    }
    this.notice.set(null);
    this.update((c) => ({
      ...c,
      justifications: [
        ...c.justifications.filter(
          (j) => !(j.requirementId === justification.requirementId && j.rule === justification.rule),
        ),
        justification,
      ],
    }));
  }

  // --- saving --------------------------------------------------------------------------------

  private scheduleSave(delay = AUTOSAVE_MS): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.save(), delay);
  }

  /** Saves the working copy now, unless it cannot be saved yet. Resolves true when all is saved. */
  async save(): Promise<boolean> {
    clearTimeout(this.saveTimer);
    const live = this.liveReady();
    if (live) return live.whenSaved();
    if (this.inFlight) {
      await this.inFlight;
      return this.save();
    }
    const sending = this.working();
    const meta = this.meta();
    // Signed out (the session ended): the edits stay in this tab's backup until the buyer is back.
    if (!sending || !meta || this.conflict() || !this.auth.isSignedIn()) return false;
    if (sending === this.saved()) return true;
    if (this.problems().length) return false;
    if (sameContent(sending, this.saved())) {
      this.saved.set(sending);
      this.clearBackup();
      return true;
    }
    this.saving.set(true);
    this.inFlight = firstValueFrom(this.api.save(this.id, { revision: meta.revision, content: sending }))
      .then(
        (detail) => {
          this.meta.set(detail);
          this.saved.set(sending);
          this.lastSavedAt.set(new Date());
          this.failure.set(null);
          this.rejected.set([]);
          this.retries = 0;
          if (this.working() === sending) this.clearBackup();
          else this.scheduleSave();
          return true;
        },
        (error: unknown) => this.saveFailed(toAppError(error), sending, meta.revision),
      )
      .finally(() => {
        this.saving.set(false);
        this.inFlight = null;
      });
    return this.inFlight;
  }

  /** Waits for any save under way, then saves what is left. True when nothing is unsaved. */
  async flush(): Promise<boolean> {
    clearTimeout(this.saveTimer);
    const live = this.liveReady();
    if (live) return live.whenSaved();
    if (this.inFlight) await this.inFlight;
    if (this.conflict()) return false;
    if (this.working() === this.saved()) return true;
    return this.save();
  }

  private async saveFailed(error: AppError, sending: TenderContent, revision: number): Promise<false> {
    if (error.status === 409) {
      await this.openConflict(error, revision);
    } else if (error.status === 400) {
      const located = error.details.map((d) => ({
        fieldId: locateField(d.field, sending)?.fieldId ?? '',
        message: d.message,
      }));
      this.rejected.set(located.length ? located : [{ fieldId: '', message: error.message }]);
    } else {
      this.failure.set(error);
      if (error.status === 0 || error.status >= 500) {
        this.retries++;
        this.scheduleSave(Math.min(60_000, 5_000 * 2 ** (this.retries - 1)));
      }
    }
    return false;
  }

  /** Finds out who saved, and what; a 409 without a newer revision means the tender cannot change. */
  private async openConflict(error: AppError, revision: number): Promise<void> {
    try {
      const [current, revisions] = await firstValueFrom(
        forkJoin([this.api.get(this.id), this.api.revisions(this.id).pipe(catchError(() => of([])))]),
      );
      if (current.revision === revision) {
        this.meta.set({ ...current, revision });
        this.failure.set(error);
        return;
      }
      const latest = revisions.find((r) => r.revision === current.revision) ?? revisions[0];
      const me = this.auth.user()?.name;
      this.conflict.set({
        current,
        changedBy: latest?.changedBy ?? null,
        byMe: !!latest && latest.changedBy === me,
        changedAt: latest?.changedAt ?? current.updatedAt,
        changedFields: latest?.changedFields ?? [],
      });
    } catch (cause: unknown) {
      this.failure.set(toAppError(cause));
    }
  }

  /** Replaces the working copy with the version now on the server; the buyer's own edits stay listed. */
  loadTheirs(): void {
    const conflict = this.conflict();
    const mine = this.working();
    if (!conflict || !mine) return;
    const theirs = toContent(conflict.current);
    this.leftovers.set(unsavedChanges(this.saved(), mine, theirs));
    this.meta.set(conflict.current);
    this.working.set(theirs);
    this.saved.set(theirs);
    this.conflict.set(null);
    this.failure.set(null);
    this.rejected.set([]);
    this.lastDeleted.set(null);
    this.clearBackup();
  }

  applyLeftover(change: UnsavedChange): void {
    if (change.apply) this.update(change.apply);
    this.leftovers.update((list) => list.filter((c) => c.key !== change.key));
  }

  applyAllLeftovers(): void {
    const all = this.leftovers().filter((c) => c.apply);
    this.update((c) => all.reduce((acc, change) => change.apply!(acc), c));
    this.leftovers.update((list) => list.filter((c) => !c.apply));
  }

  dismissLeftovers(): void {
    this.leftovers.set([]);
  }

  retryNow(): void {
    this.retries = 0;
    this.failure.set(null);
    void this.save();
  }

  // --- publishing ----------------------------------------------------------------------------

  async publicationCheck(): Promise<PublishBlocker[]> {
    return firstValueFrom(this.api.publicationCheck(this.id));
  }

  async publish(changeNote: string | undefined, attempt = 1): Promise<PublishResult> {
    if (!(await this.flush())) return this.conflict() ? { kind: 'conflict' } : { kind: 'not-saved' };
    // Live edits move the revision on without this editor knowing: publish what the server holds now.
    const meta = this.liveReady() ? await this.refreshRevision() : this.meta();
    if (!meta) return { kind: 'not-saved' };
    try {
      const version = await firstValueFrom(
        this.api.publish(this.id, { revision: meta.revision, ...(changeNote?.trim() ? { changeNote: changeNote.trim() } : {}) }),
      );
      this.meta.set({
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
      if (error.status === 409 && this.liveReady() && attempt < 3) return this.publish(changeNote, attempt + 1);
      if (error.status === 409) {
        await this.openConflict(error, meta.revision);
        return this.conflict() ? { kind: 'conflict' } : { kind: 'failed', error };
      }
      if (error.status === 422) {
        const blockers = error.details.map((d) => ({ code: d.field ?? '', message: d.message, path: d.field }));
        return { kind: 'blocked', blockers, message: error.message };
      }
      return { kind: 'failed', error };
    }
  }

  async changeStatus(status: TenderStatus): Promise<AppError | null> {
    if (!(await this.flush())) return new AppError(0, 'Save your changes first.');
    const meta = this.liveReady() ? await this.refreshRevision() : this.meta();
    if (!meta) return null;
    try {
      const detail = await firstValueFrom(this.api.changeStatus(this.id, { revision: meta.revision, status }));
      this.meta.set(detail);
      return null;
    } catch (cause: unknown) {
      const error = toAppError(cause);
      if (error.status === 409) await this.openConflict(error, meta.revision);
      return error;
    }
  }

  // --- keeping unsaved edits in this tab -----------------------------------------------------

  private scheduleBackup(): void {
    clearTimeout(this.backupTimer);
    this.backupTimer = setTimeout(() => this.writeBackup(), BACKUP_MS);
  }

  private writeBackup(): void {
    this.backupTimer = undefined;
    const content = this.working();
    const meta = this.meta();
    if (!content || !meta || content === this.saved()) return;
    const backup: Backup = { revision: meta.revision, content, at: Date.now() };
    try {
      sessionStorage.setItem(BACKUP_KEY + this.id, JSON.stringify(backup));
    } catch {
      // Storage full or blocked: autosave still runs.
    }
  }

  private clearBackup(): void {
    clearTimeout(this.backupTimer);
    this.backupTimer = undefined;
    try {
      sessionStorage.removeItem(BACKUP_KEY + this.id);
    } catch {
      // Nothing to clear.
    }
  }

  private checkBackup(detail: TenderDetail): void {
    let backup: Backup | null = null;
    try {
      const raw = sessionStorage.getItem(BACKUP_KEY + this.id);
      backup = raw ? (JSON.parse(raw) as Backup) : null;
    } catch {
      backup = null;
    }
    if (!backup?.content?.lots || sameContent(backup.content, this.saved())) {
      this.clearBackup();
      return;
    }
    this.recovered.set({ content: backup.content, at: backup.at, sameBase: backup.revision === detail.revision });
  }

  restoreRecovered(): void {
    const recovered = this.recovered();
    const current = this.working();
    if (!recovered || !current) return;
    this.recovered.set(null);
    if (recovered.sameBase) this.update(() => recovered.content);
    else this.leftovers.set(unsavedChanges(null, recovered.content, current));
  }

  discardRecovered(): void {
    this.recovered.set(null);
    this.clearBackup();
  }
}
