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
  RequirementContent,
  ResponseRules,
  Role,
  TenderContent,
  TenderDetail,
  TenderStatus,
  Timetable,
  isCheckedTextKey,
} from '@openbrief/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { AppError, toAppError } from '../../../core/http/app-error';
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
  shareUnchanged,
  toContent,
  updateCriterion,
  updateLot,
  updateMeasure,
  updateModel,
  updateRequirement,
} from './content-ops';
import { ContentProblem, validateContent } from './content-validation';
import { ConflictResolution } from './conflict-resolution';
import { locateField } from './field-ids';
import { HttpAutosave } from './http-autosave';
import { Collaborator, LiveTender, prepareLiveLink } from './live-tender';
import { TabBackup } from './tab-backup';
import { PublishResult, TenderPublishing } from './tender-publishing';
import { TendersApi } from './tenders.api';
import { WorkingCopy } from './working-copy';

export type { SaveConflict } from './conflict-resolution';
export type { PublishResult } from './tender-publishing';
export type { RecoveredEdits } from './tab-backup';

/**
 * How long live editing may take to connect before the editor settles for saving over HTTP. Generous: edits
 * are saved over HTTP meanwhile, and a busy server can take several seconds, which must not cost the session.
 */
const LIVE_CONNECT_MS = 30_000;

/** Where live editing stands, for the status in the workspace bar. */
export type LiveStatus = 'connecting' | 'saved' | 'saving' | 'offline' | 'back-in-sync' | 'read-only';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'blocked' | 'rejected' | 'failed' | 'conflict';

/**
 * One tender's working copy, shared by every page of the tender workspace (full editor, guided
 * steps, preview, publish). Normally it is a live document co-edited with the rest of the team
 * (see LiveTender): every edit goes into it and merges with everyone else's. Until live editing
 * connects, or where it cannot, edits are saved over HTTP with the revision they are based on
 * (HttpAutosave) and kept in the tab meanwhile (TabBackup); the server refuses a stale revision
 * (409), and the editor then stops saving and lets the buyer load the other version without losing
 * their own text (ConflictResolution). Publishing and status changes are TenderPublishing's.
 */
@Injectable()
export class TenderEditorStore {
  private readonly api = inject(TendersApi);
  private readonly auth = inject(AuthService);

  private readonly copy = new WorkingCopy();
  private readonly working = this.copy.working;
  private readonly saved = this.copy.saved;
  private readonly conflicts = new ConflictResolution(
    this.copy,
    this.api,
    () => this.auth.user()?.name,
    (edit) => this.update(edit),
  );
  private readonly backup = new TabBackup(this.copy);
  private readonly autosave = new HttpAutosave(this.copy, this.api, this.conflicts, this.backup, {
    signedIn: () => this.auth.isSignedIn(),
    valid: () => this.problems().length === 0,
  });
  private readonly publishing = new TenderPublishing(this.copy, this.api, this.conflicts, {
    flush: () => this.flush(),
    live: () => !!this.liveReady(),
  });
  private readonly liveSession = signal<LiveTender | null>(null);
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  private liveStarted = false;

  readonly loadState = signal<'loading' | 'ready' | 'error'>('loading');
  readonly loadError = signal<AppError | null>(null);
  /** Server-side facts: reference, status, revision, published version. */
  readonly tender = this.copy.meta.asReadonly();
  readonly content = this.working.asReadonly();
  readonly saving = this.autosave.saving;
  readonly failure = this.copy.failure;
  readonly rejected = this.copy.rejected;
  readonly conflict = this.conflicts.conflict;
  readonly leftovers = this.conflicts.leftovers;
  readonly recovered = this.backup.recovered;
  readonly lastSavedAt = this.autosave.lastSavedAt;
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
      this.autosave.cancel();
      this.backup.writePending();
    });
  }

  errorFor(fieldId: string): string {
    return this.errorMap().get(fieldId) ?? '';
  }

  // --- loading -------------------------------------------------------------------------------

  load(id: string): void {
    if (id === this.copy.id && this.loadState() !== 'error') return;
    this.copy.id = id;
    this.loadState.set('loading');
    // Going live starts while the tender loads; startLive takes the connection over (live-link.ts).
    const user = this.auth.user();
    if (user) prepareLiveLink(id, user);
    this.api.get(id).subscribe({
      next: (detail) => {
        this.reset(detail);
        this.backup.check(detail);
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
    this.copy.meta.set(detail);
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
      if (!live.ready())
        this.stopLive('Live editing could not connect. Your changes are saved every few seconds instead; reload the page to try again.');
    }, LIVE_CONNECT_MS);
  }

  private liveChanged(live: LiveTender, content: TenderContent): void {
    if (!this.liveStarted) {
      this.liveStarted = true;
      // Typed before live editing connected, and not yet saved over HTTP: that goes into the document.
      if (this.dirty() && live.apply(this.working()!)) {
        this.autosave.cancel();
        content = live.content() ?? content;
      }
      // From here the document (and its IndexedDB copy) keeps every edit: the tab's backup is done with.
      this.backup.clear();
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
    this.autosave.schedule();
    this.backup.schedule();
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

  setResponseRules(patch: Partial<ResponseRules>): void {
    this.update((c) => ({ ...c, responseRules: { ...c.responseRules, ...patch } }));
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
    const working = this.working();
    const requirements = working?.lots.flatMap((l) => l.requirements.map((r) => r.id)) ?? [];
    // Reasons are kept for requirements and for the other checked texts (summary, problem…, by their key).
    if (!requirements.includes(justification.requirementId) && !(working && isCheckedTextKey(working, justification.requirementId))) {
      // The API keeps no other reasons; saving any other would refuse every later save.
      this.notice.set(
        'Openbrief cannot save a reason for a finding about the tender as a whole yet. Change the tender instead (for example its weights or lots), or explain in the summary.',
      );
      return;
    }
    this.notice.set(null);
    this.update((c) => ({
      ...c,
      justifications: [
        ...c.justifications.filter((j) => !(j.requirementId === justification.requirementId && j.rule === justification.rule)),
        justification,
      ],
    }));
  }

  // --- saving --------------------------------------------------------------------------------

  /** Saves the working copy now, unless it cannot be saved yet. Resolves true when all is saved. */
  save(): Promise<boolean> {
    const live = this.liveReady();
    if (live) {
      this.autosave.cancel();
      return live.whenSaved();
    }
    return this.autosave.save();
  }

  /** Waits for any save under way, then saves what is left. True when nothing is unsaved. */
  flush(): Promise<boolean> {
    const live = this.liveReady();
    if (live) {
      this.autosave.cancel();
      return live.whenSaved();
    }
    return this.autosave.flush();
  }

  retryNow(): void {
    this.autosave.retryNow();
  }

  // --- someone saved first -------------------------------------------------------------------

  /** Replaces the working copy with the version now on the server; the buyer's own edits stay listed. */
  loadTheirs(): void {
    if (!this.conflicts.loadTheirs()) return;
    this.lastDeleted.set(null);
    this.backup.clear();
  }

  applyLeftover(change: UnsavedChange): void {
    this.conflicts.applyLeftover(change);
  }

  applyAllLeftovers(): void {
    this.conflicts.applyAllLeftovers();
  }

  dismissLeftovers(): void {
    this.conflicts.dismissLeftovers();
  }

  // --- publishing ----------------------------------------------------------------------------

  publicationCheck(): Promise<PublishBlocker[]> {
    return this.publishing.publicationCheck();
  }

  publish(changeNote: string | undefined): Promise<PublishResult> {
    return this.publishing.publish(changeNote);
  }

  changeStatus(status: TenderStatus): Promise<AppError | null> {
    return this.publishing.changeStatus(status);
  }

  // --- edits kept in this tab ----------------------------------------------------------------

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
    this.backup.clear();
  }
}
