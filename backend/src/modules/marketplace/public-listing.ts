import { PUBLIC_TENDER_STATUSES, type TenderDetail, type TenderStatus } from '@openbrief/contracts';
import type { EntityManager } from 'typeorm';
import { PublishedTender } from './entities/published-tender.entity';

/** The list's summary of a published snapshot: the only place that decides what the list shows. */
export function listingOf(snapshot: TenderDetail, version: number, publishedAt: Date): PublishedTender {
  return {
    tenderId: snapshot.id,
    version,
    reference: snapshot.reference,
    title: snapshot.title,
    buyerName: snapshot.buyer.name,
    summary: snapshot.summary,
    estimatedValue: snapshot.estimatedValue,
    currency: snapshot.budget.currency,
    submissionDeadline: snapshot.timetable.submissionDeadline ? new Date(snapshot.timetable.submissionDeadline) : null,
    publishedAt,
  };
}

/**
 * Called by publication inside its transaction, so the list and the version row never disagree:
 * a republished tender's row is replaced by its new version's summary (and moves to the top).
 */
export async function recordPublication(tx: EntityManager, snapshot: TenderDetail, version: number, publishedAt: Date): Promise<void> {
  await tx.upsert(PublishedTender, listingOf(snapshot, version, publishedAt), ['tenderId']);
}

/** Called on every status change inside its transaction: a tender that is no longer public (cancelled) leaves the list. */
export async function recordStatus(tx: EntityManager, tenderId: string, status: TenderStatus): Promise<void> {
  if (!PUBLIC_TENDER_STATUSES.includes(status)) await tx.delete(PublishedTender, { tenderId });
}
