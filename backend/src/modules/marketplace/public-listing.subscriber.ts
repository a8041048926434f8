import { Inject, Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { PUBLIC_TENDER_STATUSES, type TenderStatus } from '@openbrief/contracts';
import { inTransaction, TenderPublished, TenderStatusChanged } from '../../common/events/domain-events';
import { SETTINGS, type Settings } from '../../config/settings';
import { PublishedRecords } from '../tenders/lifecycle/published-records';
import { PublishedTender } from './entities/published-tender.entity';
import { listingOf, searchDocumentOf } from './public-listing';
import { TenderSearch } from './search/tender-search';

/**
 * Keeps `published_tender` and its search index (this module's tables) in step with publication, inside the
 * publishing transaction (`suppressErrors: false`), so the list, the index and the version rows never disagree:
 * a republished tender's row and words are replaced by its new version's (and it moves to the top); a status
 * change (closed, evaluating, awarded) is written to the row; a tender that is no longer public (cancelled)
 * leaves the list and the index.
 */
@Injectable()
export class PublicListingSubscriber {
  constructor(
    private readonly records: PublishedRecords,
    private readonly search: TenderSearch,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  @OnEvent(inTransaction(TenderPublished), { suppressErrors: false })
  async onPublished(event: TenderPublished): Promise<void> {
    const record = await this.records.record(event.tx, event.tenderId!, event.version);
    // Publication writes the version row before it announces it; an event without one has nothing to list.
    if (!record) return;
    await event.tx.upsert(PublishedTender, listingOf(record, { largeTenderValue: this.settings.singleLotReasonAbove }), ['tenderId']);
    await this.search.index(event.tx, record.tenderId, searchDocumentOf(record));
  }

  @OnEvent(inTransaction(TenderStatusChanged), { suppressErrors: false })
  async onStatusChanged(event: TenderStatusChanged): Promise<void> {
    const tenderId = event.tenderId!;
    if (!PUBLIC_TENDER_STATUSES.includes(event.to as TenderStatus)) {
      await this.search.remove(event.tx, tenderId);
      await event.tx.delete(PublishedTender, { tenderId });
    } else {
      // Publication itself (draft → published) comes before its listing exists: then this updates nothing.
      await event.tx.update(PublishedTender, { tenderId }, { status: event.to });
    }
  }
}
