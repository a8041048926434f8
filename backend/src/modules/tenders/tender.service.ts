import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
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
import { DataSource, EntityManager, In } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { mayReadWorkingCopy } from '../../common/access/tender-access';
import { NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import { Organisation } from '../identity/entities/organisation.entity';
import { Criterion } from './entities/criterion.entity';
import { Lot } from './entities/lot.entity';
import { Requirement } from './entities/requirement.entity';
import { TenderRevision } from './entities/tender-revision.entity';
import { Tender } from './entities/tender.entity';
import { StaleRevisionError, TenderNotEditableError } from './errors/tender.errors';
import { changedFields, compareContent } from './history/tender-diff';
import { type AcceptedContent, type LiveRefusal, acceptLiveContent } from './live-content';
import { contentProblems } from './tender-content.rules';
import { childRows, tenderColumns, toTenderContent, toTenderDetail } from './tender.mapper';
import { blankContent } from './templates/template-builder';
import { listTemplates, templateContent } from './templates/tender-templates';


@Injectable()
export class TenderService {
  private readonly logger = new Logger('Tenders');
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async listForOrganisation(user: CurrentUser): Promise<TenderListItem[]> {
    const rows = await this.dataSource.getRepository(Tender).find({
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
    const content = templateId ? templateContent(templateId, title) : blankContent(title);
    if (!content) throw new ValidationFailedError('There is no template with that id.', [{ field: 'templateId', message: 'Choose one of the templates listed at /api/v1/tender-templates.' }]);
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
      await this.insertChildren(tx, id, content);
      await this.recordRevision(tx, id, 1, null, content, user, now);
    });
    return this.get(user, id);
  }

  /**
   * A tender of another organisation is "not found", so its existence does not leak. Outside a
   * transaction, live edits still waiting to be projected are written first, so the answer is what
   * people have typed (a caller that passes a transaction has flushed before it began).
   */
  async get(user: CurrentUser, id: string, manager?: EntityManager): Promise<TenderDetail> {
    if (!mayReadWorkingCopy(user)) throw new NotFoundError('That tender');
    if (!manager) {
      await this.statusFor(user, id);
      // A document that cannot be projected (logged) must not make its tender unreadable: answer from the tables.
      // Saving, publishing and status changes call flushLive themselves and stop on the error instead.
      await this.flushLive(id).catch((error: unknown) => this.logger.error({ err: error, tenderId: id }, 'Projecting live edits before a read failed'));
    }
    const m = manager ?? this.dataSource.manager;
    const tender = await m.findOne(Tender, { where: { id, organisationId: user.organisation.id }, relations: { organisation: true } });
    if (!tender) throw new NotFoundError('That tender');
    return this.detail(m, tender);
  }

  /** A tender's status, if the user's organisation owns it; projects nothing (for access checks). */
  async statusFor(user: CurrentUser, id: string): Promise<TenderStatus> {
    // Someone who may not read working copies (an evaluator) is answered as for another organisation's tender.
    if (!mayReadWorkingCopy(user)) throw new NotFoundError('That tender');
    const tender = await this.dataSource.manager.findOne(Tender, { where: { id, organisationId: user.organisation.id }, select: { id: true, status: true } });
    if (!tender) throw new NotFoundError('That tender');
    return tender.status;
  }

  async detail(manager: EntityManager, tender: Tender): Promise<TenderDetail> {
    const buyer = tender.organisation ?? (await manager.findOneByOrFail(Organisation, { id: tender.organisationId }));
    const lots = await manager.findBy(Lot, { tenderId: tender.id });
    const [requirements, criteria] = await Promise.all([
      manager.findBy(Requirement, { tenderId: tender.id }),
      lots.length ? manager.findBy(Criterion, { lotId: In(lots.map((l) => l.id)) }) : Promise.resolve([]),
    ]);
    return toTenderDetail(tender, buyer, { lots, requirements, criteria });
  }

  /**
   * Replaces the tender's content in one transaction, if and only if nobody saved since `revision`.
   * A stale revision gets 409 with the current state, so no edit is silently overwritten.
   */
  async save(user: CurrentUser, id: string, revision: number, content: TenderContent): Promise<TenderDetail> {
    const problems = contentProblems(content);
    if (problems.length) {
      throw new ValidationFailedError(problems.length === 1 ? problems[0].message : `There are ${problems.length} problems to fix before this can be saved.`, problems);
    }
    // Pending live edits first: if they move the revision on, this save is refused as stale rather than overwriting them.
    await this.flushLive(id);
    const saved = await this.transactions.run(async (tx) => {
      const current = await this.get(user, id, tx);
      if (!EDITABLE_TENDER_STATUSES.includes(current.status)) throw new TenderNotEditableError(current.status);
      await this.claimRevision(tx, current, revision);
      await this.assertIdsFree(tx, id, content);
      const now = new Date();
      await tx.update(Tender, { id }, { ...tenderColumns(content), updatedAt: now });
      await tx.delete(Lot, { tenderId: id });
      await this.insertChildren(tx, id, content);
      await this.recordRevision(tx, id, revision + 1, toTenderContent(current), content, user, now);
      return this.get(user, id, tx);
    });
    // The save wrote every value of the live document too: nothing it refused is still there.
    this.refusals.delete(id);
    // REST edits reach the live co-editing document too, so both paths converge.
    for (const listener of this.savedListeners) {
      // The save has committed; a listener's failure must not turn it into an error for the caller.
      await listener(id, content).catch((error: unknown) => this.logger.error({ err: error, tenderId: id }, 'After-save listener failed'));
    }
    return saved;
  }

  private readonly savedListeners: ((tenderId: string, content: TenderContent) => Promise<void>)[] = [];

  /** Called after every REST save commits (the collaboration module listens; it depends on us, not we on it). */
  onSaved(listener: (tenderId: string, content: TenderContent) => Promise<void>): void {
    this.savedListeners.push(listener);
  }

  private readonly flushListeners: ((tenderId: string) => Promise<void>)[] = [];

  /**
   * Called before a tender is read, checked, saved, published or moved on: the collaboration module
   * projects live edits still waiting for their debounce, so the API never answers from stale tables.
   */
  beforeRead(listener: (tenderId: string) => Promise<void>): void {
    this.flushListeners.push(listener);
  }

  /** Writes pending live edits into the tables now. Call it outside a transaction (on SQLite it would wait on itself). */
  async flushLive(id: string): Promise<void> {
    for (const listener of this.flushListeners) await listener(id);
  }

  /** A tender by id, for server-side work that has already checked access (e.g. a live document loading). */
  async getById(id: string): Promise<TenderDetail> {
    const tender = await this.dataSource.manager.findOne(Tender, { where: { id }, relations: { organisation: true } });
    if (!tender) throw new NotFoundError('That tender');
    return this.detail(this.dataSource.manager, tender);
  }

  /**
   * Writes content that came from the live co-editing document into the relational model. The document
   * is the truth while people co-edit, so there is no revision check here; the revision still moves on,
   * so a REST client holding an older revision gets 409 instead of overwriting live edits. Content equal
   * to what the tables hold writes nothing (several instances project the same converged document), and
   * `read` is called once the tender is locked, so two projections take turns and the later one reads
   * the later content. True if it wrote a revision.
   */
  async project(tenderId: string, read: () => TenderContent | Promise<TenderContent>, actor: { id: string; name: string }): Promise<boolean> {
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
      const content = await this.acceptLive(tx, tenderId, await read(), toTenderContent(before));
      if (sameContent(toTenderContent(before), asStored(tender, before, content))) return false;
      const now = new Date();
      await tx.update(Tender, { id: tenderId }, { ...tenderColumns(content), rowVersion: before.revision + 1, updatedAt: now });
      await tx.delete(Lot, { tenderId });
      await this.insertChildren(tx, tenderId, content);
      await tx.insert(TenderRevision, {
        id: randomUUID(),
        tenderId,
        revision: before.revision + 1,
        content,
        changedFields: changedFields(toTenderContent(before), content),
        changedById: actor.id,
        changedByName: actor.name,
        changedAt: now,
      });
      return true;
    });
  }

  /** Live values the last projection refused (the tables kept the previous valid value), for the editor and the publication check. */
  liveRefusals(tenderId: string): LiveRefusal[] {
    return this.refusals.get(tenderId) ?? [];
  }

  private readonly refusals = new Map<string, LiveRefusal[]>();

  /**
   * The live content the tables may take: every value the REST API would refuse is put back to what the
   * tables hold (live-content.ts), and lots whose ids belong to another tender's rows are not taken
   * (inserting them would fail on the primary key, and the projection with them).
   */
  private async acceptLive(tx: EntityManager, tenderId: string, live: TenderContent, previous: TenderContent): Promise<TenderContent> {
    let accepted: AcceptedContent;
    try {
      accepted = acceptLiveContent(live, previous);
    } catch (error) {
      this.logger.error({ err: error, tenderId }, 'Live content could not be checked; the tables keep what they hold');
      accepted = { content: previous, refused: [{ field: '', message: 'The live changes could not be checked, so they were not saved.' }] };
    }
    if (await this.hasForeignIds(tx, tenderId, accepted.content)) {
      accepted = {
        content: { ...accepted.content, lots: previous.lots },
        refused: [...accepted.refused, { field: 'lots', message: 'Some ids in this tender are already used elsewhere. Make new ids for new parts.' }],
      };
    }
    if (accepted.refused.length) this.refusals.set(tenderId, accepted.refused);
    else this.refusals.delete(tenderId);
    return accepted.content;
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
    await this.get(user, id);
    const rows = await this.dataSource.getRepository(TenderRevision).find({
      where: { tenderId: id },
      order: { revision: 'DESC' },
      select: { revision: true, changedAt: true, changedByName: true, changedFields: true },
    });
    return rows.map((r) => ({ revision: r.revision, changedAt: r.changedAt.toISOString(), changedBy: r.changedByName, changedFields: r.changedFields }));
  }

  async compare(user: CurrentUser, id: string, from: number, to: number): Promise<TenderComparison> {
    await this.get(user, id);
    const repo = this.dataSource.getRepository(TenderRevision);
    const [a, b] = await Promise.all([repo.findOneBy({ tenderId: id, revision: from }), repo.findOneBy({ tenderId: id, revision: to })]);
    if (!a || !b) throw new NotFoundError(`Revision ${!a ? from : to} of that tender`);
    return { from, to, fields: compareContent(a.content, b.content) };
  }

  private async insertChildren(tx: EntityManager, tenderId: string, content: TenderContent): Promise<void> {
    const rows = childRows(tenderId, content);
    // Chunked: SQLite limits the number of bound parameters in one statement.
    for (const [entity, list] of [[Lot, rows.lots], [Requirement, rows.requirements], [Criterion, rows.criteria]] as const) {
      for (let i = 0; i < list.length; i += 50) await tx.insert(entity, list.slice(i, i + 50) as never);
    }
  }

  private async recordRevision(tx: EntityManager, tenderId: string, revision: number, before: TenderContent | null, after: TenderContent, user: CurrentUser, at: Date) {
    await tx.insert(TenderRevision, {
      id: randomUUID(),
      tenderId,
      revision,
      content: after,
      changedFields: before ? changedFields(before, after) : ['Created'],
      changedById: user.id,
      changedByName: user.name,
      changedAt: at,
    });
  }

  /** Client-made ids must not collide with another tender's rows (ours are replaced, so they may repeat). */
  private async assertIdsFree(tx: EntityManager, tenderId: string, c: TenderContent): Promise<void> {
    if (await this.hasForeignIds(tx, tenderId, c)) throw new ValidationFailedError('Some ids in this tender are already used elsewhere. Make new ids for new parts.');
  }

  private async hasForeignIds(tx: EntityManager, tenderId: string, c: TenderContent): Promise<boolean> {
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

/** Content as the tables would give it back (empty headings become null, dates are normalised…). */
function asStored(tender: Tender, before: TenderDetail, content: TenderContent): TenderContent {
  const buyer = tender.organisation!;
  return toTenderContent(toTenderDetail({ ...tender, ...tenderColumns(content) } as Tender, buyer, childRows(before.id, content)));
}

/** Deep equality that ignores key order and, like the decimal columns, digits after the second decimal place. */
function sameContent(a: TenderContent, b: TenderContent): boolean {
  const canonical = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canonical);
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical((v as Record<string, unknown>)[k])]));
    if (typeof v === 'number') return Math.round(v * 100) / 100;
    return v ?? null;
  };
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
