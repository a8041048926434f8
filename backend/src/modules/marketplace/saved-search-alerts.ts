import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { NotificationKind } from '@openbrief/contracts';
import { In, MoreThan, type Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { afterCommit, TenderPublished } from '../../common/events/domain-events';
import { Transactions } from '../../database/transactions';
import { Notifications } from '../notifications/notifications.service';
import { closingWords } from './atom-feed';
import { PublishedTender } from './entities/published-tender.entity';
import { SavedSearchRow } from './entities/saved-search.entity';
import { parseQuery } from './saved-searches.service';
import { listSearch, matchingQuery } from './search/public-search';
import { TenderSearch } from './search/tender-search';

/** How many saved searches are read (and matched) at a time. */
const PAGE = 200;

/**
 * E-mail alerts of saved searches: once a tender is first published (version 1, after commit), every saved search
 * with alerts on is run through the list's own search restricted to that tender, so an alert and the list always
 * agree. Each person with a match is told once (one notification, one e-mail through the outbox, naming the searches
 * that matched), whatever the number of their searches that match. A failure is logged and never touches publication.
 */
@Injectable()
export class SavedSearchAlerts {
  private readonly logger = new Logger(SavedSearchAlerts.name);

  constructor(
    @InjectRepository(SavedSearchRow) private readonly searches: Repository<SavedSearchRow>,
    @InjectRepository(PublishedTender) private readonly listings: Repository<PublishedTender>,
    private readonly engine: TenderSearch,
    private readonly notifications: Notifications,
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  @OnEvent(afterCommit(TenderPublished))
  async onPublished(event: TenderPublished): Promise<void> {
    // Later versions are changes to a tender people have already been told about (TenderChanged tells those interested).
    if (event.version !== 1 || !event.tenderId) return;
    try {
      await this.alert(event.tenderId);
    } catch (error) {
      this.logger.error({ err: error, tenderId: event.tenderId }, 'Saved search alerts failed; the tender stays published');
    }
  }

  /** Tells each person whose saved searches (with alerts on) match the published tender. */
  async alert(tenderId: string): Promise<void> {
    const listing = await this.listings.findOneBy({ tenderId });
    if (!listing) return;
    const now = this.clock.now();
    const matched = new Map<string, SavedSearchRow[]>();
    let after = '';
    for (;;) {
      const page = await this.searches.find({
        where: { alerts: true, id: MoreThan(after) },
        order: { id: 'ASC' },
        take: PAGE,
      });
      for (const search of page) {
        if (await this.matches(search, tenderId, now)) matched.set(search.userId, [...(matched.get(search.userId) ?? []), search]);
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1].id;
    }
    for (const [userId, searches] of matched) {
      await this.transactions.run(async (tx) => {
        await this.notifications.enqueue(tx, {
          userIds: [userId],
          kind: NotificationKind.SavedSearchMatch,
          title: `New tender: ${listing.title}`,
          body: alertBody(listing, searches),
          link: `/opportunities/${listing.tenderId}`,
          // Told once per tender, however many of their searches match or however often this runs.
          dedupeKey: `saved-search-match:${listing.tenderId}`,
        });
        await tx.update(SavedSearchRow, { id: In(searches.map((s) => s.id)) }, { lastAlertedAt: now });
      });
    }
  }

  /** Whether the tender is in the saved search's results: the list's query, narrowed to this one tender. */
  private async matches(search: SavedSearchRow, tenderId: string, now: Date): Promise<boolean> {
    const q = matchingQuery(this.listings.manager, this.engine, listSearch(parseQuery(search.query)), now)
      .andWhere('p.tender_id = :alertTenderId', { alertTenderId: tenderId })
      .select('p.tender_id', 'tender_id')
      .limit(1);
    return Boolean(await q.getRawOne());
  }
}

function alertBody(listing: PublishedTender, searches: readonly SavedSearchRow[]): string {
  const names = searches.map((s) => `"${s.name}"`).join(', ');
  return [
    `A new tender matches your saved search${searches.length > 1 ? 'es' : ''} ${names}.`,
    `${listing.title}\nBuyer: ${listing.buyerName}\n${
      listing.submissionDeadline ? `Closes: ${closingWords(listing.submissionDeadline.toISOString())} (UK time)` : 'No closing date given'
    }`,
    listing.summary,
  ].join('\n\n');
}
