import { Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { NotificationsModule } from '../notifications/notifications.module';
import { TendersModule } from '../tenders/tenders.module';
import { PublishedTender } from './entities/published-tender.entity';
import { SavedSearchRow } from './entities/saved-search.entity';
import { PublicFeedController } from './public-feed.controller';
import { PublicCacheModule } from './public-cache/public-cache.module';
import { PublicListingSubscriber } from './public-listing.subscriber';
import { PublicPackController } from './public-pack.controller';
import { PublicTenderController } from './public-tender.controller';
import { PublicTenderService } from './public-tender.service';
import { SavedSearchAlerts } from './saved-search-alerts';
import { SavedSearchesController } from './saved-searches.controller';
import { SavedSearches } from './saved-searches.service';
import { PostgresTenderSearch } from './search/postgres-tender-search';
import { SqliteTenderSearch } from './search/sqlite-tender-search';
import { TenderSearch } from './search/tender-search';

/**
 * Public reading of published tenders. Owns `published_tender` (the list's summary rows, kept by
 * `PublicListingSubscriber` in the publishing transaction) and `saved_search` (suppliers' saved searches, their
 * e-mail alerts through the notifications outbox, and their Atom feeds); reads records and packs through the
 * tenders module's read-only `PublishedRecords` and `PublishedPacks`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([PublishedTender, SavedSearchRow]), TendersModule, PublicCacheModule, NotificationsModule],
  // The feed controller first: its static path (tenders.atom) reads clearer ahead of tenders/:id.
  controllers: [PublicFeedController, PublicTenderController, PublicPackController, SavedSearchesController],
  providers: [
    PublicTenderService,
    PublicListingSubscriber,
    SavedSearches,
    SavedSearchAlerts,
    // One search interface; the engine is the database's own (docs/search.md).
    {
      provide: TenderSearch,
      inject: [getDataSourceToken()],
      useFactory: (dataSource: DataSource) =>
        dataSource.options.type === 'postgres' ? new PostgresTenderSearch() : new SqliteTenderSearch(),
    },
  ],
})
export class MarketplaceModule {}
