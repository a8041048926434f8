import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Extension, connectedPayload, onChangePayload } from '@hocuspocus/server';
import { LIVE_REFUSED_MESSAGE, type LiveRefusal, type TenderContent } from '@openbrief/contracts';
import { readContent } from '@openbrief/tender-doc';
import type { Actor } from '../../../common/events/domain-events';
import { SETTINGS, type Settings } from '../../../config/settings';
import { TenderService } from '../../tenders/tender.service';
import { clampContent } from '../clamp-content';
import { CollabStore } from '../collab-store';
import { LIVE_EDITING, REST_ORIGIN, docFrom, tenderIdOf } from '../live-document';
import { OpenDocuments } from '../open-documents';
import type { CollabContext } from './authentication.extension';

/**
 * Writes live documents into the tender tables (TenderService.project): COLLAB_PROJECTION_MS after the
 * last change, before compaction, at shutdown and before any REST write (LiveDraftsAdapter). Projections
 * of one document take turns; a failed one leaves the document pending, so the next change, write or
 * compaction tries again. Values the tables refused are told to the document's clients.
 */
@Injectable()
export class ProjectionExtension implements Extension {
  readonly extensionName = 'openbrief-projection';
  private readonly logger = new Logger('Collaboration');
  /** Documents changed since they were last projected, and who changed them. */
  private readonly dirty = new Map<string, Actor>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** The projection running for each document. */
  private readonly projecting = new Map<string, Promise<boolean>>();
  /** The refusal message each document's clients were last sent. */
  private readonly announced = new Map<string, string>();

  constructor(
    private readonly tenders: TenderService,
    private readonly store: CollabStore,
    private readonly open: OpenDocuments,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async onChange({ documentName: name, transactionOrigin, context }: onChangePayload): Promise<void> {
    // A REST save is in the tables already; everything else (clients here, other instances, the log) is not.
    if (transactionOrigin === REST_ORIGIN) return;
    const user = (context as Partial<CollabContext> | undefined)?.user;
    this.markDirty(name, user ? { userId: user.id, name: user.name, organisationId: user.organisation.id } : LIVE_EDITING);
  }

  /** A newcomer hears which live values the tables did not take (see `announceRefusals`). */
  async connected({ documentName: name, connection }: connectedPayload): Promise<void> {
    const tenderId = tenderIdOf(name);
    const refused = tenderId ? this.tenders.liveRefusals(tenderId) : [];
    if (refused.length) connection.sendStateless(refusalMessage(refused));
  }

  /** Notes that the document has changes the tables do not have, and (unless `schedule` is false) projects them after a quiet moment. */
  markDirty(name: string, actor: Actor, schedule = true): void {
    const previous = this.dirty.get(name);
    this.dirty.set(name, actor === LIVE_EDITING && previous ? previous : actor);
    if (this.open.closing || !schedule) return;
    clearTimeout(this.timers.get(name));
    this.timers.set(
      name,
      setTimeout(() => {
        this.timers.delete(name);
        this.open
          .track(this.projectNow(name))
          .catch((error: unknown) => this.logger.error({ err: error, documentName: name }, 'Projection failed'));
      }, this.settings.collabProjectionMs),
    );
  }

  /** Whether the document has changes the tables may not hold yet (unprojected, or being projected now). */
  isPending(name: string): boolean {
    return this.dirty.has(name) || this.projecting.has(name);
  }

  /** Every document with unprojected changes (for shutdown). */
  pendingDocuments(): string[] {
    return [...this.dirty.keys()];
  }

  /** At shutdown: no more timed projections (shutdown projects what is pending itself). */
  stopTimers(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Projects the document if it has unprojected changes, after any projection of it already running. */
  projectNow(name: string): Promise<boolean> {
    const previous = this.projecting.get(name) ?? Promise.resolve(false);
    const run = previous.catch(() => false).then(() => this.projectOnce(name));
    this.projecting.set(name, run);
    const done = () => {
      if (this.projecting.get(name) === run) this.projecting.delete(name);
    };
    run.then(done, done);
    return run;
  }

  private async projectOnce(name: string): Promise<boolean> {
    const actor = this.dirty.get(name);
    const tenderId = tenderIdOf(name);
    if (!actor || !tenderId) return false;
    this.dirty.delete(name);
    clearTimeout(this.timers.get(name));
    this.timers.delete(name);
    try {
      const wrote = await this.tenders.project(tenderId, () => this.currentContent(name), actor);
      this.announceRefusals(name, tenderId);
      return wrote;
    } catch (error) {
      if (!this.dirty.has(name)) this.dirty.set(name, actor);
      throw error;
    }
  }

  /** What the document says now: the open document here (with what other instances logged), or the log. */
  async currentContent(name: string): Promise<TenderContent> {
    const local = this.open.get(name);
    if (local && this.open.redis) await this.open.catchUp(name, local);
    return clampContent(readContent(local ?? docFrom(await this.store.load(name))));
  }

  /**
   * Tells everyone editing the document which live values the tables did not take (they kept the last
   * valid ones), as a stateless message the editor shows next to its findings; once when the list
   * changes (an empty list says all is well again), and to each newcomer (`connected`).
   */
  private announceRefusals(name: string, tenderId: string): void {
    const refused = this.tenders.liveRefusals(tenderId);
    const payload = refusalMessage(refused);
    if ((this.announced.get(name) ?? refusalMessage([])) === payload) return;
    if (refused.length) this.announced.set(name, payload);
    else this.announced.delete(name);
    this.open.get(name)?.broadcastStateless(payload);
  }
}

/** The stateless message that lists refused live values (the editor reads it: LIVE_REFUSED_MESSAGE in contracts). */
function refusalMessage(refused: readonly LiveRefusal[]): string {
  return JSON.stringify({ type: LIVE_REFUSED_MESSAGE, refused });
}
