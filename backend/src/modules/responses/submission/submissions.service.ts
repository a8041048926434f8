import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CurrentUser,
  IDEMPOTENCY_KEY_PATTERN,
  NotificationKind,
  Role,
  type SubmissionReceipt,
  type SubmittedContent,
  type SupplierResponse,
} from '@openbrief/contracts';
import { renderReceiptToBuffer } from '@openbrief/documents';
import { randomUUID } from 'node:crypto';
import { type EntityManager, QueryFailedError, type Repository } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { DomainEvents } from '../../../common/events/domain-events.service';
import { ConflictError, DomainError, NotFoundError, ValidationFailedError } from '../../../common/errors/domain.error';
import { Transactions } from '../../../database/transactions';
import { People } from '../../identity/people';
import { Notifications } from '../../notifications/notifications.service';
import { canonicalSha256 } from '../../vault/canonical-hash';
import { actorOf } from '../../../common/events/domain-events';
import { ResponseDrafts } from '../drafts/response-drafts.service';
import { type DraftContent, presentDraft } from '../drafts/response-content';
import { ResponseSubmissionRow, SupplierResponseRow } from '../entities';
import { ResponseViews } from '../response-views';
import { ResponseTenders, type TenderFacts } from '../response-tenders';
import { ResponseSubmitted, ResponseWithdrawn } from '../responses.events';
import { ResponseSeal, SEAL_PLACES } from '../sealing/response-seal';
import type { SealedSubmission } from '../sealing/sealed-shapes';

/**
 * Submitting, withdrawing and the receipts. A submission is accepted while `Clock.now()` is before the
 * submission deadline (checked inside the transaction that writes it), is hashed over its canonical JSON
 * (`submissionSha256`), and is kept for ever; only the last one not withdrawn counts.
 */
@Injectable()
export class Submissions {
  constructor(
    @InjectRepository(ResponseSubmissionRow) private readonly rows: Repository<ResponseSubmissionRow>,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly drafts: ResponseDrafts,
    private readonly views: ResponseViews,
    private readonly tenders: ResponseTenders,
    private readonly seal: ResponseSeal,
    private readonly people: People,
    private readonly notifications: Notifications,
  ) {}

  /** The receipt, new (`replayed: false`) or the one an earlier submit with the same Idempotency-Key gave. */
  async submit(user: CurrentUser, id: string, idempotencyKey?: string): Promise<{ receipt: SubmissionReceipt; replayed: boolean }> {
    const key = idempotencyKey === undefined || idempotencyKey === '' ? null : idempotencyKey;
    if (key !== null && !IDEMPOTENCY_KEY_PATTERN.test(key)) {
      throw new ValidationFailedError('The Idempotency-Key header must be 8 to 100 letters, digits or . _ : - (a UUID is fine).', [
        { field: 'Idempotency-Key', message: 'Use 8 to 100 letters, digits or . _ : -' },
      ]);
    }
    if (key !== null) {
      // A retry is answered with what the first attempt did, even after the deadline: it asks for nothing new.
      const replay = await this.replay(this.rows.manager, user, id, key);
      if (replay) return { receipt: replay, replayed: true };
    }
    try {
      return await this.transactions.run((tx) => this.submitIn(tx, user, id, key));
    } catch (error) {
      // Two retries at once on PostgreSQL: the unique index lets one in; the other answers with its receipt.
      if (key !== null && error instanceof QueryFailedError && /UNIQUE|duplicate key/i.test(error.message)) {
        const replay = await this.replay(this.rows.manager, user, id, key);
        if (replay) return { receipt: replay, replayed: true };
      }
      throw error;
    }
  }

  private async submitIn(tx: EntityManager, user: CurrentUser, id: string, key: string | null) {
    await this.transactions.lock(tx, `response-submission:${id}`);
    const { row, facts } = await this.drafts.load(tx, user, id, 'response.write');
    if (key !== null) {
      const replay = await this.replay(tx, user, id, key);
      if (replay) return { receipt: replay, replayed: true };
    }
    if (row.status === 'submitted') {
      throw new ConflictError('This response has already been submitted. To change it, withdraw it, update it and submit again.');
    }
    if (row.tenderVersion < facts.latest.version) {
      throw new ConflictError(
        `The tender has changed since you wrote this response (version ${row.tenderVersion} to ${facts.latest.version}). Check the changes and confirm them, then submit.`,
        { latestTenderVersion: facts.latest.version },
      );
    }
    const lot = facts.latest.content.lots.find((l) => l.id === row.lotId);
    if (!lot) throw new ConflictError('This lot is no longer part of the tender, so a response to it cannot be submitted.');

    const draft = await this.seal.openJson<DraftContent>(row.dataKeyId, row.content, SEAL_PLACES.draft(row.id), tx);
    const presented = presentDraft(draft, lot, facts.latest);
    if (presented.missing.length) {
      const n = presented.missing.length;
      throw new DomainError(
        'unprocessable',
        `Your response cannot be submitted yet: ${n} ${n === 1 ? 'thing needs' : 'things need'} finishing.`,
        presented.missing.map((m) => ({ field: m.id ?? m.kind, message: m.label })),
        { missing: presented.missing },
      );
    }
    const attachments = await this.views.attachments(tx, row);
    const content: SubmittedContent = {
      tender: { id: row.tenderId, reference: facts.latest.reference, version: row.tenderVersion },
      lotId: row.lotId,
      answers: presented.answers.map((a) => ({ criterionId: a.criterionId, text: a.text })),
      declarations: presented.declarations.map((d) => ({ requirementId: d.requirementId, meets: d.meets, evidence: d.evidence })),
      price: presented.price,
      attachments: attachments.map((a) => ({ fileName: a.fileName, sha256: a.sha256, size: a.size })),
    };
    const last = await tx.findOne(ResponseSubmissionRow, { where: { responseId: row.id }, order: { sequence: 'DESC' } });
    const submissionId = randomUUID();
    const sealed: SealedSubmission = {
      content,
      supplierName: user.organisation.name,
      tenderTitle: facts.latest.content.title,
      lotNumber: lot.number,
    };
    const submission: ResponseSubmissionRow = {
      id: submissionId,
      responseId: row.id,
      sequence: (last?.sequence ?? 0) + 1,
      submittedAt: this.clock.now(),
      submittedBy: user.id,
      tenderVersion: row.tenderVersion,
      sha256: submissionSha256(content),
      snapshot: await this.seal.sealJson(row.dataKeyId, sealed, SEAL_PLACES.submission(submissionId), tx),
      idempotencyKey: key,
      withdrawnAt: null,
    };
    await tx.insert(ResponseSubmissionRow, submission);
    await this.setStatus(tx, row, 'submitted', submission.submittedAt);
    await this.events.emit(tx, new ResponseSubmitted(actorOf(user), row.id, submission.id, submission.sequence, submission.sha256));
    await this.notifications.enqueue(tx, {
      userIds: await this.supplierTeam(tx, row.organisationId),
      kind: NotificationKind.ResponseReceived,
      title: `Response received: ${facts.latest.reference}, lot ${lot.number}`,
      body: `Your response to “${facts.latest.content.title}” (lot ${lot.number}) was received. Its SHA-256 is ${submission.sha256}. You can download the receipt from your response.`,
      link: `/responses/${row.id}`,
    });
    return { receipt: await this.views.receipt(tx, row, submission), replayed: false };
  }

  /** The submission is kept, marked withdrawn; the response can be changed and submitted again before the deadline. */
  async withdraw(user: CurrentUser, id: string): Promise<SupplierResponse> {
    return this.transactions.run(async (tx) => {
      await this.transactions.lock(tx, `response-submission:${id}`);
      const { row, facts } = await this.drafts.load(tx, user, id, 'response.write');
      const counting = row.status === 'submitted' ? await this.views.countingSubmission(tx, row.id) : null;
      if (!counting) throw new ConflictError('Only a submitted response can be withdrawn.');
      const now = this.clock.now();
      await tx.update(ResponseSubmissionRow, { id: counting.id }, { withdrawnAt: now });
      const updated = await this.setStatus(tx, row, 'withdrawn', now);
      await this.events.emit(tx, new ResponseWithdrawn(actorOf(user), row.id, counting.id));
      return this.views.view(tx, updated, facts);
    });
  }

  async receipts(user: CurrentUser, id: string): Promise<SubmissionReceipt[]> {
    const m = this.rows.manager;
    const { row } = await this.drafts.load(m, user, id, 'response.read');
    const submissions = await this.views.submissions(m, row.id);
    return Promise.all(submissions.map((s) => this.views.receipt(m, row, s)));
  }

  async receiptPdf(user: CurrentUser, id: string, submissionId: string): Promise<{ fileName: string; pdf: Buffer }> {
    const m = this.rows.manager;
    const { row, facts } = await this.drafts.load(m, user, id, 'response.read');
    const submission = await m.findOneBy(ResponseSubmissionRow, { id: submissionId, responseId: row.id });
    if (!submission) throw new NotFoundError('That receipt');
    const receipt = await this.views.receipt(m, row, submission);
    const sealed = await this.views.openSubmission(m, row, submission);
    const lot = await this.lotAt(m, facts, row, submission.tenderVersion);
    const { pdf } = await renderReceiptToBuffer({
      receipt,
      tenderTitle: sealed.tenderTitle,
      buyerName: facts.latest.buyer.name,
      lotTitle: lot,
      withdrawnAt: submission.withdrawnAt?.toISOString() ?? null,
    });
    return { fileName: `receipt-${receipt.tenderReference}-lot-${receipt.lotNumber}-${receipt.sequence}.pdf`, pdf };
  }

  private async lotAt(m: EntityManager, facts: TenderFacts, row: SupplierResponseRow, version: number): Promise<string> {
    const record = version === facts.latest.version ? facts.latest : await this.tenders.record(m, row.tenderId, version);
    return record.content.lots.find((l) => l.id === row.lotId)?.title ?? 'Lot';
  }

  private async replay(m: EntityManager, user: CurrentUser, id: string, key: string): Promise<SubmissionReceipt | null> {
    const { row } = await this.drafts.load(m, user, id, 'response.read');
    const earlier = await m.findOneBy(ResponseSubmissionRow, { responseId: row.id, idempotencyKey: key });
    return earlier ? this.views.receipt(m, row, earlier) : null;
  }

  private async setStatus(tx: EntityManager, row: SupplierResponseRow, status: SupplierResponseRow['status'], at: Date) {
    await tx
      .createQueryBuilder()
      .update(SupplierResponseRow)
      .set({ status, updatedAt: at, revision: () => 'revision + 1' })
      .where('id = :id', { id: row.id })
      .execute();
    return { ...row, status, updatedAt: at, revision: row.revision + 1 };
  }

  private async supplierTeam(tx: EntityManager, organisationId: string): Promise<string[]> {
    return (await this.people.members(organisationId, [Role.Supplier], undefined, tx)).map((p) => p.id);
  }
}

/**
 * The one definition of a submission's hash: SHA-256 (hex) of the RFC 8785 canonical JSON of SubmittedContent
 * (tender id, reference and version; lot id; answers; declarations; price lines and total; each attachment's
 * name, size and SHA-256). The receipt and the opening show this value.
 */
export function submissionSha256(content: SubmittedContent): string {
  return canonicalSha256(content);
}
