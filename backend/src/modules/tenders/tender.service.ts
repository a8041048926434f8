import { Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CurrentUser,
  EDITABLE_TENDER_STATUSES,
  type TenderComparison,
  type TenderContent,
  type TenderDetail,
  type TenderListItem,
  type TenderRevisionSummary,
  type TenderTemplateSummary,
  TenderStatus,
} from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { EntityManager, In, Repository } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { AccessService, tenderResource } from '../../common/access/access.service';
import { type Actor, actorOf, TenderCreated, TenderSaved } from '../../common/events/domain-events';
import { DomainEvents } from '../../common/events/domain-events.service';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import { Criterion } from './entities/criterion.entity';
import { Lot } from './entities/lot.entity';
import { Requirement } from './entities/requirement.entity';
import { TenderRevision } from './entities/tender-revision.entity';
import { Tender } from './entities/tender.entity';
import { StaleRevisionError } from './errors/tender.errors';
import { changedFields, compareContent } from './history/tender-diff';
import { ChildRowInUseError, writeChildRows } from './child-rows';
import { type AcceptedContent, type LiveRefusal, acceptLiveContent } from './live-content';
import { LIVE_DRAFTS, type LiveDrafts } from './live-drafts.port';
import { contentProblems } from './tender-content.rules';
import { childRows, tenderColumns, toTenderContent, toTenderDetail } from './tender.mapper';
import { blankContent } from './templates/template-builder';
import { listTemplates, templateContent } from './templates/tender-templates';

/** Who acted, as domain events name them. */

/** How many distinct live contents a read may show as revisions not yet written (see `showRevision`). */
const MAX_SHOWN = 20;

@Injectable()
export class TenderService {
  private readonly logger = new Logger('Tenders');
  constructor(
    @InjectRepository(Tender) private readonly tenderRows: Repository<Tender>,
    @InjectRepository(TenderRevision) private readonly revisionRows: Repository<TenderRevision>,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly moduleRef: ModuleRef,
    private readonly access: AccessService,
  ) {}

  async listForOrganisation(user: CurrentUser): Promise<TenderListItem[]> {
    this.access.require(user, 'tender.list');
    const rows = await this.tenderRows.find({
      where: { organisationId: user.organisation.id },
      order: { updatedAt: 'DESC' },
    });
    return rows.map((t) => ({
      id: t.id,
      reference: t.reference,
      title: t.title,
      status: t.status,
      updatedAt: t.updatedAt.toISOString(),
      submissionDeadline: t.submissionDeadline?.toISOString() ?? null,
    }));
  }

  templates(): TenderTemplateSummary[] {
    return listTemplates();
  }

  async create(user: CurrentUser, title: string, templateId?: string): Promise<TenderDetail> {
    this.access.require(user, 'tender.create');
    const content = templateId ? templateContent(templateId, title) : blankContent(title);
    if (!content)
      throw new ValidationFailedError('There is no template with that id.', [
        { field: 'templateId', message: 'Choose one of the templates listed at /api/v1/tender-templates.' },
      ]);
    const id = randomUUID();
    const now = new Date();
    await this.transactions.run(async (tx) => {
      const reference = await this.nextReference(tx, user);
      await tx.insert(Tender, {
        id,
        organisationId: user.organisation.id,
        reference,
        status: TenderStatus.Draft,
        publishedVersion: 0,
        publishedAt: null,
        rowVersion: 1,
        createdAt: now,
        updatedAt: now,
        ...tenderColumns(content),
      });
      await writeChildRows(tx, id, content);
      await this.recordRevision(tx, id, 1, null, content, actorOf(user), now);
      await this.events.emit(tx, new TenderCreated(actorOf(user), id, reference, content.title));
    });
    return this.get(user, id);
  }

  /**
   * A tender of another organisation is "not found", so its existence does not leak. Outside a
   * transaction the answer includes live edits not yet projected into the tables, laid over them in
   * memory (`withLiveEdits`): a read never writes. A caller that passes a transaction has projected
   * them before it began (`flushLive`) and reads the tables.
   */
  async get(user: CurrentUser, id: string, manager?: EntityManager): Promise<TenderDetail> {
    const m = manager ?? this.tenderRows.manager;
    const tender = await m.findOne(Tender, { where: { id }, relations: { organisation: true } });
    if (!tender) throw new NotFoundError('That tender');
    this.access.require(user, 'tender.read', tender);
    const stored = await this.detail(m, tender);
    return manager ? stored : this.withLiveEdits(tender, stored);
  }

  /** A tender's status, if the user may `action` it (reading the working copy by default); projects nothing. */
  async statusFor(
    user: CurrentUser,
    id: string,
    action: 'tender.read' | 'tender.readHistory' | 'tender.readAudit' = 'tender.read',
  ): Promise<TenderStatus> {
    const tender = await this.tenderRows.findOne({ where: { id }, select: { id: true, organisationId: true, status: true } });
    if (!tender) throw new NotFoundError('That tender');
    this.access.require(user, action, tender);
    return tender.status;
  }

  async detail(manager: EntityManager, tender: Tender): Promise<TenderDetail> {
    // The buyer comes with the tender through its relation: the identity module owns the organisation table.
    const buyer =
      tender.organisation ??
      (await manager.findOneOrFail(Tender, { where: { id: tender.id }, relations: { organisation: true } })).organisation!;
    const lots = await manager.findBy(Lot, { tenderId: tender.id });
    const [requirements, criteria] = await Promise.all([
      manager.findBy(Requirement, { tenderId: tender.id }),
      lots.length ? manager.findBy(Criterion, { lotId: In(lots.map((l) => l.id)) }) : Promise.resolve([]),
    ]);
    return toTenderDetail(tender, buyer, { lots, requirements, criteria });
  }

  /**
   * Replaces the tender's content in one transaction, if and only if nobody saved since `revision`.
   * A stale revision gets 409 with the current state, so no edit is silently overwritten. Lots,
   * requirements and criteria are updated in place (child-rows.ts): their ids survive the save.
   */
  async save(user: CurrentUser, id: string, revision: number, content: TenderContent): Promise<TenderDetail> {
    const problems = contentProblems(content);
    if (problems.length) {
      throw new ValidationFailedError(
        problems.length === 1 ? problems[0].message : `There are ${problems.length} problems to fix before this can be saved.`,
        problems,
      );
    }
    // Pending live edits first: if they move the revision on, this save is refused as stale rather than overwriting them.
    await this.flushLive(id);
    const saved = await this.transactions.run(async (tx) => {
      const current = await this.get(user, id, tx);
      this.access.require(user, 'tender.edit', tenderResource(current));
      await this.claimRevision(tx, current, revision);
      await this.assertIdsFree(tx, id, content);
      const before = toTenderContent(current);
      await this.writeRevision(tx, id, revision + 1, before, content, actorOf(user));
      await this.events.emit(tx, new TenderSaved(actorOf(user), id, revision + 1, 'rest', changedFields(before, content), content));
      return this.get(user, id, tx);
    });
    // The save wrote every value of the live document too: nothing it refused is still there.
    this.refusals.delete(id);
    return saved;
  }

  /**
   * Writes the tender's pending live edits into the tables now, if the collaboration module is loaded.
   * Saving, publishing and status changes call it first (they are writes); reads never do. Call it
   * outside a transaction (on SQLite it would wait on itself).
   */
  async flushLive(id: string): Promise<void> {
    await this.liveDrafts()?.project(id);
  }

  /** A tender by id, for server-side work that has already checked access (e.g. a live document loading). */
  async getById(id: string): Promise<TenderDetail> {
    const tender = await this.tenderRows.findOne({ where: { id }, relations: { organisation: true } });
    if (!tender) throw new NotFoundError('That tender');
    return this.detail(this.tenderRows.manager, tender);
  }

  /**
   * Writes content that came from the live co-editing document into the relational model. The document
   * is the truth while people co-edit, so there is no revision check here; the revision still moves on,
   * so a REST client holding an older revision gets 409 instead of overwriting live edits. Content equal
   * to what the tables hold writes nothing (several instances project the same converged document), and
   * `read` is called once the tender is locked, so two projections take turns and the later one reads
   * the later content. Contents a read has shown as revisions not yet written are written first, each as
   * the revision it was shown as (`showRevision`). True if it wrote a revision.
   */
  async project(tenderId: string, read: () => TenderContent | Promise<TenderContent>, editor: Actor): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      // A write that changes nothing, to take the tender row's lock before reading it (and to skip a tender that is no longer editable).
      const locked = await tx
        .createQueryBuilder()
        .update(Tender)
        .set({ rowVersion: () => 'row_version' })
        .where('id = :id AND status IN (:...editable)', { id: tenderId, editable: [...EDITABLE_TENDER_STATUSES] })
        .execute();
      if (!locked.affected) return false;
      const tender = await tx.findOneOrFail(Tender, { where: { id: tenderId }, relations: { organisation: true } });
      const before = await this.detail(tx, tender);
      const accepted = await this.acceptLive(tx, tenderId, await read(), toTenderContent(before));
      const shown = this.shown.get(tenderId);
      this.shown.delete(tenderId);
      const steps = [...(shown?.base === before.revision ? shown.contents : []), accepted.content];
      const actor = { ...editor, organisationId: editor.organisationId ?? tender.organisationId };
      let current = toTenderContent(before);
      let revision = before.revision;
      for (let content of steps) {
        if (sameContent(current, asStored(tender, content))) continue;
        revision += 1;
        if (
          !(await this.inSavepoint(tx, () => this.writeRevision(tx, tenderId, revision, current, content, actor, { rowVersion: revision })))
        ) {
          // Something refers to a row this content removes: the live lots stay as the tables hold them.
          content = { ...content, lots: current.lots };
          accepted.refused.push({
            field: 'lots',
            message: 'A lot, requirement or criterion that other records refer to cannot be removed, so the lots were not saved.',
          });
          if (sameContent(current, asStored(tender, content))) {
            revision -= 1;
            continue;
          }
          await this.writeRevision(tx, tenderId, revision, current, content, actor, { rowVersion: revision });
        }
        await this.events.emit(tx, new TenderSaved(actor, tenderId, revision, 'live', changedFields(current, content), content));
        current = asStored(tender, content);
      }
      this.keepRefusals(tenderId, accepted.refused);
      return revision > before.revision;
    });
  }

  /**
   * Writes a revision's content: the tender's columns (with `columns`, e.g. the row version), its lots,
   * requirements and criteria in place, and the history row. The caller emits TenderSaved.
   */
  private async writeRevision(
    tx: EntityManager,
    tenderId: string,
    revision: number,
    before: TenderContent,
    content: TenderContent,
    actor: Actor,
    columns: Partial<Tender> = {},
  ): Promise<void> {
    const now = new Date();
    await tx.update(Tender, { id: tenderId }, { ...tenderColumns(content), ...columns, updatedAt: now });
    await writeChildRows(tx, tenderId, content);
    await this.recordRevision(tx, tenderId, revision, before, content, actor, now);
  }

  /** Runs `work` in a savepoint; false (and nothing of it written) if it removed a row something else refers to. */
  private async inSavepoint(tx: EntityManager, work: () => Promise<void>): Promise<boolean> {
    try {
      await tx.transaction(() => work());
      return true;
    } catch (error) {
      if (error instanceof ChildRowInUseError) return false;
      throw error;
    }
  }

  /**
   * The tender with its pending live edits laid over the tables, in memory: the content the next
   * projection would write (every value the tables would refuse stays as they hold it). A client that
   * saves or publishes must name a revision, so the answer names the one the projection will write it
   * as: each distinct content shown gets the next number and is written as that revision, in order, by
   * the next projection, so a save or publication naming a revision always gets the content that was
   * shown with it, and one naming an earlier shown revision gets 409. If the live document cannot be
   * read, the tables answer: a broken document must not make its tender unreadable.
   */
  private async withLiveEdits(tender: Tender, stored: TenderDetail): Promise<TenderDetail> {
    const live = this.liveDrafts();
    if (!live || !EDITABLE_TENDER_STATUSES.includes(stored.status)) return stored;
    try {
      const pending = await live.pendingContent(tender.id);
      if (!pending) return stored;
      const accepted = await this.acceptLive(this.tenderRows.manager, tender.id, pending, toTenderContent(stored));
      this.keepRefusals(tender.id, accepted.refused);
      const content = asStored(tender, accepted.content);
      if (sameContent(toTenderContent(stored), content)) return stored;
      return { ...storedAs(tender, content), revision: this.showRevision(tender.id, stored.revision, content) };
    } catch (error) {
      this.logger.error({ err: error, tenderId: tender.id }, 'Reading live edits failed; answering from the tables');
      return stored;
    }
  }

  /**
   * Contents shown by reads since the tables were at revision `base`, per tender, on this instance:
   * each distinct one is revision base+1, base+2… and the next projection writes them in that order.
   * Past MAX_SHOWN distinct contents (the projection runs within COLLAB_PROJECTION_MS, so only a flood
   * of reads in between gets there) the last number is reused for the newest content.
   */
  private readonly shown = new Map<string, { base: number; contents: TenderContent[] }>();

  private showRevision(tenderId: string, base: number, content: TenderContent): number {
    const entry = this.shown.get(tenderId);
    const list = entry?.base === base ? entry.contents : [];
    const last = list.at(-1);
    if (!last || !sameContent(last, content)) {
      if (list.length >= MAX_SHOWN) list[list.length - 1] = content;
      else list.push(content);
    }
    this.shown.set(tenderId, { base, contents: list });
    return base + list.length;
  }

  /** The live-drafts port, if the collaboration module is loaded (looked up: that module depends on this one). */
  private liveDrafts(): LiveDrafts | null {
    if (this.live === undefined) {
      try {
        this.live = this.moduleRef.get<LiveDrafts>(LIVE_DRAFTS, { strict: false });
      } catch {
        // Not (yet) there: while the application is being built, or in an application without live co-editing.
        return null;
      }
    }
    return this.live;
  }

  private live: LiveDrafts | undefined;

  /** Live values the last projection refused (the tables kept the previous valid value), for the editor and the publication check. */
  liveRefusals(tenderId: string): LiveRefusal[] {
    return this.refusals.get(tenderId) ?? [];
  }

  private readonly refusals = new Map<string, LiveRefusal[]>();

  /**
   * The live content the tables may take: every value the REST API would refuse is put back to what the
   * tables hold (live-content.ts), and lots whose ids belong to another tender's rows are not taken
   * (inserting them would fail on the primary key, and the projection with them). Reads only.
   */
  private async acceptLive(m: EntityManager, tenderId: string, live: TenderContent, previous: TenderContent): Promise<AcceptedContent> {
    let accepted: AcceptedContent;
    try {
      accepted = acceptLiveContent(live, previous);
    } catch (error) {
      this.logger.error({ err: error, tenderId }, 'Live content could not be checked; the tables keep what they hold');
      accepted = { content: previous, refused: [{ field: '', message: 'The live changes could not be checked, so they were not saved.' }] };
    }
    if (await this.hasForeignIds(m, tenderId, accepted.content)) {
      accepted = {
        content: { ...accepted.content, lots: previous.lots },
        refused: [
          ...accepted.refused,
          { field: 'lots', message: 'Some ids in this tender are already used elsewhere. Make new ids for new parts.' },
        ],
      };
    }
    return accepted;
  }

  private keepRefusals(tenderId: string, refused: LiveRefusal[]): void {
    if (refused.length) this.refusals.set(tenderId, refused);
    else this.refusals.delete(tenderId);
  }

  /** Bumps the row version only if it is still the one the caller read: the optimistic lock. */
  async claimRevision(tx: EntityManager, current: TenderDetail, revision: number): Promise<void> {
    if (current.revision !== revision) throw new StaleRevisionError(current);
    const result = await tx
      .createQueryBuilder()
      .update(Tender)
      .set({ rowVersion: () => 'row_version + 1' })
      .where('id = :id AND row_version = :revision', { id: current.id, revision })
      .execute();
    if (!result.affected) throw new StaleRevisionError(await this.detail(tx, await tx.findOneByOrFail(Tender, { id: current.id })));
  }

  async revisions(user: CurrentUser, id: string): Promise<TenderRevisionSummary[]> {
    await this.statusFor(user, id, 'tender.readHistory');
    const rows = await this.revisionRows.find({
      where: { tenderId: id },
      order: { revision: 'DESC' },
      select: { revision: true, changedAt: true, changedByName: true, changedFields: true },
    });
    return rows.map((r) => ({
      revision: r.revision,
      changedAt: r.changedAt.toISOString(),
      changedBy: r.changedByName,
      changedFields: r.changedFields,
    }));
  }

  async compare(user: CurrentUser, id: string, from: number, to: number): Promise<TenderComparison> {
    await this.statusFor(user, id, 'tender.readHistory');
    const repo = this.revisionRows;
    const [a, b] = await Promise.all([repo.findOneBy({ tenderId: id, revision: from }), repo.findOneBy({ tenderId: id, revision: to })]);
    if (!a || !b) throw new NotFoundError(`Revision ${!a ? from : to} of that tender`);
    return { from, to, fields: compareContent(a.content, b.content) };
  }

  private async recordRevision(
    tx: EntityManager,
    tenderId: string,
    revision: number,
    before: TenderContent | null,
    after: TenderContent,
    actor: Actor,
    at: Date,
  ) {
    await tx.insert(TenderRevision, {
      id: randomUUID(),
      tenderId,
      revision,
      content: after,
      changedFields: before ? changedFields(before, after) : ['Created'],
      // Edits whose author is unknown (replayed from the log after a restart) are "Live editing".
      changedById: actor.userId ?? 'live',
      changedByName: actor.name,
      changedAt: at,
    });
  }

  /** Client-made ids must not collide with another tender's rows (ours are updated in place, so they may repeat). */
  private async assertIdsFree(tx: EntityManager, tenderId: string, c: TenderContent): Promise<void> {
    if (await this.hasForeignIds(tx, tenderId, c))
      throw new ValidationFailedError('Some ids in this tender are already used elsewhere. Make new ids for new parts.');
  }

  private async hasForeignIds(tx: EntityManager, tenderId: string, c: TenderContent): Promise<boolean> {
    // A live document can hold anything: only a well-formed lot list has ids to check (validation refused the rest).
    if (!Array.isArray(c.lots)) return false;
    const ours = (await tx.find(Lot, { where: { tenderId }, select: { id: true } })).map((l) => l.id);
    const lotIds = c.lots.map((l) => l.id);
    const reqIds = c.lots.flatMap((l) => l.requirements.map((r) => r.id));
    const critIds = c.lots.flatMap((l) => l.evaluationModel.criteria.map((x) => x.id));
    const foreign = async (entity: typeof Lot | typeof Requirement | typeof Criterion, ids: string[], mine: object) =>
      ids.length > 0 && (await tx.countBy(entity, { id: In(ids) })) > (await tx.countBy(entity, { id: In(ids), ...mine }));
    return (
      (await foreign(Lot, lotIds, { tenderId })) ||
      (await foreign(Requirement, reqIds, { tenderId })) ||
      (await foreign(Criterion, critIds, { lotId: In(ours.length ? ours : ['-']) }))
    );
  }

  private async nextReference(tx: EntityManager, user: CurrentUser): Promise<string> {
    const prefix =
      user.organisation.name
        .split(/\s+/)
        .filter((w) => /^[A-Z]/.test(w))
        .map((w) => w[0])
        .join('')
        .slice(0, 4) || 'OB';
    const year = new Date().getUTCFullYear();
    // Two tenders created at once would otherwise count the same number and collide on the reference.
    await this.transactions.lock(tx, `tender-reference:${user.organisation.id}`);
    let n = (await tx.countBy(Tender, { organisationId: user.organisation.id })) + 1;
    for (;;) {
      const reference = `${prefix}-${year}-${String(n).padStart(3, '0')}`;
      if (!(await tx.existsBy(Tender, { reference }))) return reference;
      n++;
    }
  }
}

/** The tender as the tables would give it back with `content` written (empty headings become null, dates are normalised…). */
function storedAs(tender: Tender, content: TenderContent): TenderDetail {
  return toTenderDetail({ ...tender, ...tenderColumns(content) } as Tender, tender.organisation!, childRows(tender.id, content));
}

/** Content as the tables would give it back. */
function asStored(tender: Tender, content: TenderContent): TenderContent {
  return toTenderContent(storedAs(tender, content));
}

/** Deep equality that ignores key order and, like the decimal columns, digits after the second decimal place. */
function sameContent(a: TenderContent, b: TenderContent): boolean {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
      );
    if (typeof v === 'number') return Math.round(v * 100) / 100;
    return v ?? null;
  };
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
