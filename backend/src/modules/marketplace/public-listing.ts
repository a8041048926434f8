import type { PublishedTenderRecord } from '@openbrief/contracts';
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
