import { PUBLIC_TENDER_STATUSES, type PublishedTenderRecord, type TenderStatus } from '@openbrief/contracts';
import type { EntityManager } from 'typeorm';
import { PublishedTender } from './entities/published-tender.entity';

/** The list's summary of a published record: the only place that decides what the list shows. */
export function listingOf(record: PublishedTenderRecord): PublishedTender {
  const c = record.content;
  return {
    tenderId: record.tenderId,
    version: record.version,
    reference: record.reference,
    title: c.title,
    buyerName: record.buyer.name,
    summary: c.summary,
    estimatedValue: c.estimatedValue,
    currency: c.budget.currency,
    submissionDeadline: c.timetable.submissionDeadline ? new Date(c.timetable.submissionDeadline) : null,
    publishedAt: new Date(record.publishedAt),
  };
}

/**
 * Called by publication inside its transaction, so the list and the version row never disagree:
 * a republished tender's row is replaced by its new version's summary (and moves to the top).
 */
export async function recordPublication(tx: EntityManager, record: PublishedTenderRecord): Promise<void> {
  await tx.upsert(PublishedTender, listingOf(record), ['tenderId']);
}

/** Called on every status change inside its transaction: a tender that is no longer public (cancelled) leaves the list. */
export async function recordStatus(tx: EntityManager, tenderId: string, status: TenderStatus): Promise<void> {
  if (!PUBLIC_TENDER_STATUSES.includes(status)) await tx.delete(PublishedTender, { tenderId });
}
