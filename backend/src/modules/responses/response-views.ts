import { Injectable } from '@nestjs/common';
import {
  DEFAULT_EVALUATION_RULES,
  type PublishedLot,
  type ResponseAttachment,
  type ResponseOutcome,
  ResponseStatus,
  type SubmissionReceipt,
  type SupplierResponse,
  type SupplierResponseSummary,
  type TenderChangeSince,
  TenderStatus,
  PriceMethod,
  ScoringScale,
  lotChangesSince,
} from '@openbrief/contracts';
import type { EntityManager } from 'typeorm';
import { type DraftContent, presentDraft } from './drafts/response-content';
import { ResponseAttachmentRow, ResponseOpeningRow, ResponseSubmissionRow, type SupplierResponseRow } from './entities';
import { ResponseOutcomeLookup } from './response-outcomes.port';
import { type TenderFacts, ResponseTenders } from './response-tenders';
import { ResponseSeal, SEAL_PLACES } from './sealing/response-seal';
import type { AttachmentMeta, SealedSubmission } from './sealing/sealed-shapes';

const MB = 1024 * 1024;

/** Builds what the supplier sees of its response from the sealed rows: only ever called after access was granted. */
@Injectable()
export class ResponseViews {
  constructor(
    private readonly tenders: ResponseTenders,
    private readonly seal: ResponseSeal,
    private readonly outcomes: ResponseOutcomeLookup,
  ) {}

  async view(m: EntityManager, row: SupplierResponseRow, facts: TenderFacts): Promise<SupplierResponse> {
    const record = facts.latest;
    const lot = this.lotOf(facts, row);
    const draft = await this.seal.openJson<DraftContent>(row.dataKeyId, row.content, SEAL_PLACES.draft(row.id), m);
    const presented = presentDraft(draft, lot, record);
    const [attachments, counting, opened, changesSince] = await Promise.all([
      this.attachments(m, row),
      this.countingSubmission(m, row.id),
      this.isOpened(m, row.tenderId),
      this.changesSince(m, row, facts),
    ]);
    const status = statusOf(row, opened);
    return {
      id: row.id,
      tenderId: row.tenderId,
      tenderReference: record.reference,
      tenderTitle: record.content.title,
      buyerName: record.buyer.name,
      lotId: row.lotId,
      lotNumber: lot.number,
      lotTitle: lot.title,
      status,
      tenderVersion: row.tenderVersion,
      latestTenderVersion: record.version,
      changesSince,
      submissionDeadline: facts.deadline,
      attachmentsAllowed: facts.rules.attachmentsAllowed,
      maxAttachments: facts.rules.maxAttachments,
      maxAttachmentBytes: facts.rules.maxAttachmentMb * MB,
      ...presented,
      attachments,
      receipt: counting ? await this.receipt(m, row, counting) : null,
      outcome: await this.outcomeOf(m, status, row.id),
      revision: row.revision,
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  async summary(m: EntityManager, row: SupplierResponseRow, facts: TenderFacts): Promise<SupplierResponseSummary> {
    const lot = this.lotOf(facts, row);
    const opened = await this.isOpened(m, row.tenderId);
    const status = statusOf(row, opened);
    const changed = row.tenderVersion < facts.latest.version;
    let missing = 0;
    if (status === ResponseStatus.Draft || status === ResponseStatus.Withdrawn) {
      const draft = await this.seal.openJson<DraftContent>(row.dataKeyId, row.content, SEAL_PLACES.draft(row.id), m);
      missing = presentDraft(draft, lot, facts.latest).missing.length;
    }
    return {
      id: row.id,
      tenderId: row.tenderId,
      tenderReference: facts.latest.reference,
      tenderTitle: facts.latest.content.title,
      buyerName: facts.latest.buyer.name,
      lotId: row.lotId,
      lotNumber: lot.number,
      lotTitle: lot.title,
      status,
      submissionDeadline: facts.deadline,
      nextStep: nextStep(
        status,
        facts.deadlinePassed || facts.tender.status !== TenderStatus.Published,
        changed,
        missing,
        await this.outcomeOf(m, status, row.id),
      ),
      updatedAt: row.updatedAt.toISOString(),
    };
  }

  /** The lot the response answers, from the latest record; a lot removed since is shown as it was when last confirmed. */
  lotOf(facts: TenderFacts, row: SupplierResponseRow): PublishedLot {
    const lot = facts.latest.content.lots.find((l) => l.id === row.lotId);
    return lot ?? { ...removedLot, id: row.lotId };
  }

  async attachments(m: EntityManager, row: SupplierResponseRow): Promise<ResponseAttachment[]> {
    const rows = await m.find(ResponseAttachmentRow, { where: { responseId: row.id }, order: { createdAt: 'ASC', id: 'ASC' } });
    return Promise.all(rows.map((a) => this.attachment(m, row, a)));
  }

  async attachment(m: EntityManager, row: SupplierResponseRow, a: ResponseAttachmentRow): Promise<ResponseAttachment> {
    const meta = await this.seal.openJson<AttachmentMeta>(row.dataKeyId, a.meta, SEAL_PLACES.attachmentMeta(a.id), m);
    return {
      id: a.id,
      fileName: meta.fileName,
      contentType: meta.contentType,
      size: a.size,
      sha256: meta.sha256,
      uploadedAt: a.createdAt.toISOString(),
    };
  }

  /** The submission that counts: the last one, unless it was withdrawn. */
  async countingSubmission(m: EntityManager, responseId: string): Promise<ResponseSubmissionRow | null> {
    const last = await m.findOne(ResponseSubmissionRow, { where: { responseId }, order: { sequence: 'DESC' } });
    return last && last.withdrawnAt === null ? last : null;
  }

  async receipt(m: EntityManager, row: SupplierResponseRow, s: ResponseSubmissionRow): Promise<SubmissionReceipt> {
    const sealed = await this.openSubmission(m, row, s);
    return {
      submissionId: s.id,
      responseId: row.id,
      sequence: s.sequence,
      submittedAt: s.submittedAt.toISOString(),
      tenderReference: sealed.content.tender.reference,
      tenderVersion: s.tenderVersion,
      lotNumber: sealed.lotNumber,
      supplierName: sealed.supplierName,
      sha256: s.sha256,
      attachments: sealed.content.attachments.map((a) => ({ ...a })),
      pdfPath: `/api/v1/responses/${row.id}/receipts/${s.id}.pdf`,
    };
  }

  openSubmission(m: EntityManager, row: SupplierResponseRow, s: ResponseSubmissionRow): Promise<SealedSubmission> {
    return this.seal.openJson<SealedSubmission>(row.dataKeyId, s.snapshot, SEAL_PLACES.submission(s.id), m);
  }

  /** Only an opened response can have been assessed: the others are not looked up. */
  outcomeOf(m: EntityManager, status: ResponseStatus, responseId: string): Promise<ResponseOutcome | null> {
    return status === ResponseStatus.Opened ? this.outcomes.of(m, responseId) : Promise.resolve(null);
  }

  async isOpened(m: EntityManager, tenderId: string): Promise<boolean> {
    return m.existsBy(ResponseOpeningRow, { tenderId, state: 'opened' });
  }

  async changesSince(m: EntityManager, row: SupplierResponseRow, facts: TenderFacts): Promise<TenderChangeSince | null> {
    if (row.tenderVersion >= facts.latest.version) return null;
    const from = await this.tenders.record(m, row.tenderId, row.tenderVersion);
    return lotChangesSince(from, facts.latest, row.lotId);
  }

  /** Withdrawn submissions are kept: every receipt, oldest first. */
  submissions(m: EntityManager, responseId: string): Promise<ResponseSubmissionRow[]> {
    return m.find(ResponseSubmissionRow, { where: { responseId }, order: { sequence: 'ASC' } });
  }
}

export function statusOf(row: SupplierResponseRow, opened: boolean): ResponseStatus {
  if (row.status === 'submitted') return opened ? ResponseStatus.Opened : ResponseStatus.Submitted;
  return row.status === 'withdrawn' ? ResponseStatus.Withdrawn : ResponseStatus.Draft;
}

const removedLot: PublishedLot = {
  id: '',
  number: 0,
  title: 'A lot no longer in the tender',
  description: '',
  estimatedValue: null,
  evaluationModel: {
    scale: ScoringScale.ZeroToFour,
    descriptors: [],
    minimumQualityPercent: null,
    priceMethod: PriceMethod.Proportional,
    rules: DEFAULT_EVALUATION_RULES,
    criteria: [],
  },
  requirements: [],
};

/** "Your responses": the next thing to do, in plain English. */
export function nextStep(
  status: ResponseStatus,
  closed: boolean,
  changed: boolean,
  missing: number,
  outcome: ResponseOutcome | null = null,
): string {
  if (outcome) return `${outcome.successful ? 'Successful' : 'Not successful'}. Read your assessment summary.`;
  if (status === ResponseStatus.Opened) return 'The buyer has opened the responses. You will be told the outcome after the evaluation.';
  if (closed) {
    return status === ResponseStatus.Submitted
      ? 'Submitted. The buyer will open the responses now that the deadline has passed.'
      : 'The deadline has passed. This response was not submitted.';
  }
  if (status === ResponseStatus.Submitted) {
    return changed
      ? 'The tender changed after you submitted. Check the changes, then confirm your response still stands, or withdraw it, update it and submit again.'
      : 'Submitted. You can withdraw it and submit again until the deadline.';
  }
  if (changed) return 'The tender has changed. Check the changes and confirm them before you submit.';
  if (missing > 0) return `${missing} ${missing === 1 ? 'thing' : 'things'} to finish before you can submit.`;
  return status === ResponseStatus.Withdrawn
    ? 'Withdrawn. Submit again before the deadline if you still want to bid.'
    : 'Ready to submit. Submit before the deadline.';
}
