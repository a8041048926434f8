import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { PUBLIC_TENDER_STATUSES, type TenderStatus } from '@openbrief/contracts';
import { inTransaction, TenderPublished, TenderStatusChanged } from '../../common/events/domain-events';
import { PublishedRecords } from '../tenders/lifecycle/published-records';
import { PublishedTender } from './entities/published-tender.entity';
import { listingOf } from './public-listing';

/**
 * Keeps `published_tender` (this module's table) in step with publication, inside the publishing
 * transaction (`suppressErrors: false`), so the list and the version rows never disagree: a republished
 * tender's row is replaced by its new version's summary (and moves to the top); a tender that is no
 * longer public (cancelled) leaves the list.
 */
@Injectable()
export class PublicListingSubscriber {
  constructor(private readonly records: PublishedRecords) {}

  @OnEvent(inTransaction(TenderPublished), { suppressErrors: false })
  async onPublished(event: TenderPublished): Promise<void> {
    const record = await this.records.record(event.tx, event.tenderId!, event.version);
    // Publication writes the version row before it announces it; an event without one has nothing to list.
    if (record) await event.tx.upsert(PublishedTender, listingOf(record), ['tenderId']);
  }

  @OnEvent(inTransaction(TenderStatusChanged), { suppressErrors: false })
  async onStatusChanged(event: TenderStatusChanged): Promise<void> {
    if (!PUBLIC_TENDER_STATUSES.includes(event.to as TenderStatus)) await event.tx.delete(PublishedTender, { tenderId: event.tenderId! });
  }
}
