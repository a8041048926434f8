import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CurrentUser,
  type LibraryAnswer,
  type ResponseContentInput,
  type SupplierResponse,
  type SupplierResponseSummary,
  countWords,
} from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager, Repository } from 'typeorm';
import { AccessService } from '../../../common/access/access.service';
import { Clock } from '../../../common/clock/clock';
import { DomainEvents } from '../../../common/events/domain-events.service';
import { ConflictError, DomainError, NotFoundError } from '../../../common/errors/domain.error';
import { Transactions } from '../../../database/transactions';
import { InterestRegister } from '../../clarifications/interest-register';
import { actorOf } from '../../../common/events/domain-events';
import { SupplierResponseRow } from '../entities';
import { ResponseViews } from '../response-views';
import { ResponseTenders, type TenderFacts } from '../response-tenders';
import { ResponseChangesConfirmed, ResponseSaved, ResponseStarted } from '../responses.events';
import { ResponseSeal, SEAL_PLACES } from '../sealing/response-seal';
import { type DraftContent, EMPTY_DRAFT, contentProblems, questionCriteria, toDraft } from './response-content';

/** How many earlier answers the library offers (newest first). */
const LIBRARY_SIZE = 200;

export const SUBMITTED_IS_FINAL =
  'This response has been submitted, so it cannot be changed. Withdraw it first, make your changes, then submit again.';

/** A colleague saved since the caller read: 409 with the current state, so nothing is overwritten silently (as for tenders). */
export class StaleResponseError extends ConflictError {
  constructor(current: SupplierResponse) {
    super(
      `Someone else in your organisation saved this response since you opened it (it is now at revision ${current.revision}). Your changes were not saved: review theirs, then save again.`,
      { current },
    );
  }
}

/** Starting, reading, saving and confirming drafts; every write in one transaction with its event. */
@Injectable()
export class ResponseDrafts {
  constructor(
    @InjectRepository(SupplierResponseRow) private readonly rows: Repository<SupplierResponseRow>,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly tenders: ResponseTenders,
    private readonly seal: ResponseSeal,
    private readonly views: ResponseViews,
    private readonly interest: InterestRegister,
  ) {}

  async list(user: CurrentUser): Promise<SupplierResponseSummary[]> {
    this.access.require(user, 'response.list');
    const m = this.rows.manager;
    const rows = await this.rows.find({ where: { organisationId: user.organisation.id }, order: { updatedAt: 'DESC', id: 'ASC' } });
    const facts = new Map<string, Promise<TenderFacts>>();
    const factsOf = (tenderId: string) => facts.get(tenderId) ?? facts.set(tenderId, this.tenders.load(m, tenderId)).get(tenderId)!;
    return Promise.all(rows.map(async (row) => this.views.summary(m, row, await factsOf(row.tenderId))));
  }

  /** The organisation's response to that lot: a new one (created) or the one it already has. */
  async start(user: CurrentUser, tenderId: string, lotId: string): Promise<{ response: SupplierResponse; created: boolean }> {
    return this.transactions.run(async (tx) => {
      const facts = await this.tenders.load(tx, tenderId);
      this.access.require(user, 'response.create', this.tenders.forStarting(facts));
      if (!facts.latest.content.lots.some((l) => l.id === lotId)) throw new NotFoundError('That lot');
      await this.transactions.lock(tx, `supplier-response:${tenderId}:${lotId}:${user.organisation.id}`);
      const existing = await tx.findOneBy(SupplierResponseRow, { tenderId, lotId, organisationId: user.organisation.id });
      if (existing) return { response: await this.views.view(tx, existing, facts), created: false };

      const id = randomUUID();
      const dataKeyId = await this.seal.newKey(tx);
      const now = this.clock.now();
      const row: SupplierResponseRow = {
        id,
        tenderId,
        lotId,
        organisationId: user.organisation.id,
        createdBy: user.id,
        status: 'draft',
        tenderVersion: facts.latest.version,
        dataKeyId,
        content: await this.seal.sealJson(dataKeyId, EMPTY_DRAFT, SEAL_PLACES.draft(id), tx),
        revision: 1,
        createdAt: now,
        updatedAt: now,
      };
      await tx.insert(SupplierResponseRow, row);
      await this.interest.ensureRegistered(tx, tenderId, user);
      await this.events.emit(tx, new ResponseStarted(actorOf(user), id));
      return { response: await this.views.view(tx, row, facts), created: true };
    });
  }

  async get(user: CurrentUser, id: string): Promise<SupplierResponse> {
    const m = this.rows.manager;
    const { row, facts } = await this.load(m, user, id, 'response.read');
    return this.views.view(m, row, facts);
  }

  /**
   * Replaces the draft's content if and only if nobody saved since `revision`; refused (nothing written) when the
   * content names a question or requirement that is not this lot's, or the response is submitted.
   */
  async save(user: CurrentUser, id: string, revision: number, input: ResponseContentInput): Promise<SupplierResponse> {
    return this.transactions.run(async (tx) => {
      const { row, facts } = await this.load(tx, user, id, 'response.write');
      if (row.status === 'submitted') throw new ConflictError(SUBMITTED_IS_FINAL);
      const lot = facts.latest.content.lots.find((l) => l.id === row.lotId);
      if (!lot) throw new ConflictError('This lot is no longer part of the tender, so its response cannot be changed.');
      const problems = contentProblems(input, lot);
      if (problems.length) {
        throw new DomainError(
          'unprocessable',
          problems.length === 1 ? problems[0].message : `There are ${problems.length} problems to fix before this can be saved.`,
          problems,
        );
      }
      await this.claimRevision(tx, row, revision, facts);
      const content = await this.seal.sealJson(row.dataKeyId, toDraft(input), SEAL_PLACES.draft(row.id), tx);
      const saved = { ...row, content, revision: revision + 1, updatedAt: this.clock.now() };
      await tx.update(SupplierResponseRow, { id: row.id }, { content, updatedAt: saved.updatedAt });
      await this.events.emit(tx, new ResponseSaved(actorOf(user), row.id, saved.revision));
      return this.views.view(tx, saved, facts);
    });
  }

  /**
   * The supplier has read the tender's latest version: the response is written against it from now on. A
   * submitted response stays submitted (its receipt names the version it answered); to answer the changes, the
   * supplier withdraws, updates and submits again.
   */
  async confirmChanges(user: CurrentUser, id: string, version: number): Promise<SupplierResponse> {
    return this.transactions.run(async (tx) => {
      const { row, facts } = await this.load(tx, user, id, 'response.write');
      const latest = facts.latest.version;
      if (version !== latest) {
        throw new ConflictError(`The tender is now at version ${latest}. Read the changes in version ${latest}, then confirm them.`);
      }
      if (row.tenderVersion >= latest) return this.views.view(tx, row, facts);
      await this.bumpRevision(tx, row);
      const confirmed = { ...row, tenderVersion: latest, revision: row.revision + 1, updatedAt: this.clock.now() };
      await tx.update(SupplierResponseRow, { id: row.id }, { tenderVersion: latest, updatedAt: confirmed.updatedAt });
      await this.events.emit(tx, new ResponseChangesConfirmed(actorOf(user), row.id, row.tenderVersion, latest));
      return this.views.view(tx, confirmed, facts);
    });
  }

  /** Answers the organisation wrote before, decrypted for its own people only, newest first. */
  async library(user: CurrentUser): Promise<LibraryAnswer[]> {
    this.access.require(user, 'response.list');
    const m = this.rows.manager;
    const rows = await this.rows.find({ where: { organisationId: user.organisation.id }, order: { updatedAt: 'DESC', id: 'ASC' } });
    const answers: LibraryAnswer[] = [];
    for (const row of rows) {
      if (answers.length >= LIBRARY_SIZE) break;
      const facts = await this.tenders.load(m, row.tenderId);
      const record = await this.tenders.record(m, row.tenderId, row.tenderVersion);
      const lot = record.content.lots.find((l) => l.id === row.lotId);
      const names = new Map((lot ? questionCriteria(lot) : []).map((c) => [c.id, c.name]));
      const draft = await this.seal.openJson<DraftContent>(row.dataKeyId, row.content, SEAL_PLACES.draft(row.id), m);
      for (const a of draft.answers) {
        if (!a.text.trim()) continue;
        answers.push({
          responseId: row.id,
          tenderTitle: facts.latest.content.title,
          criterionName: names.get(a.criterionId) ?? 'A question no longer in the tender',
          text: a.text,
          wordCount: countWords(a.text),
          updatedAt: row.updatedAt.toISOString(),
        });
      }
    }
    return answers.slice(0, LIBRARY_SIZE);
  }

  /** The response and its tender, if `user` may `action` it; 404 for a response that is not theirs to know of. */
  async load(
    m: EntityManager,
    user: CurrentUser,
    id: string,
    action: 'response.read' | 'response.write',
  ): Promise<{ row: SupplierResponseRow; facts: TenderFacts }> {
    this.access.requireRole(user, action);
    const row = await m.findOneBy(SupplierResponseRow, { id });
    if (!row) throw new NotFoundError('That response');
    // Whose it is first: another organisation learns nothing, not even whether the tender exists.
    this.access.require(user, 'response.read', { organisationId: row.organisationId, deadlinePassed: false });
    const facts = await this.tenders.load(m, row.tenderId);
    this.access.require(user, action, this.tenders.forResponse(facts, row.organisationId));
    return { row, facts };
  }

  /** Claims the next revision if nobody has since `revision`: the update's WHERE makes two concurrent saves take turns. */
  private async claimRevision(tx: EntityManager, row: SupplierResponseRow, revision: number, facts: TenderFacts): Promise<void> {
    if (row.revision === revision && (await this.bumpRevision(tx, row))) return;
    const current = await tx.findOneByOrFail(SupplierResponseRow, { id: row.id });
    throw new StaleResponseError(await this.views.view(tx, current, facts));
  }

  /** revision + 1 if it is still `row.revision`; false when someone moved it on. */
  async bumpRevision(tx: EntityManager, row: SupplierResponseRow): Promise<boolean> {
    const result = await tx
      .createQueryBuilder()
      .update(SupplierResponseRow)
      .set({ revision: () => 'revision + 1' })
      .where('id = :id AND revision = :revision', { id: row.id, revision: row.revision })
      .execute();
    return !!result.affected;
  }
}
