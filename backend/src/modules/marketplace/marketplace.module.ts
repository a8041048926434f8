import { Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { TendersModule } from '../tenders/tenders.module';
import { PublishedTender } from './entities/published-tender.entity';
import { PublicCacheModule } from './public-cache/public-cache.module';
import { PublicListingSubscriber } from './public-listing.subscriber';
import { PublicPackController } from './public-pack.controller';
import { PublicTenderController } from './public-tender.controller';
import { PublicTenderService } from './public-tender.service';
import { PostgresTenderSearch } from './search/postgres-tender-search';
import { SqliteTenderSearch } from './search/sqlite-tender-search';
import { TenderSearch } from './search/tender-search';

/**
 * Public reading of published tenders. Owns `published_tender` (the list's summary rows, kept by
 * `PublicListingSubscriber` in the publishing transaction); reads records and packs through the
 * tenders module's read-only `PublishedRecords` and `PublishedPacks`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([PublishedTender]), TendersModule, PublicCacheModule],
  controllers: [PublicTenderController, PublicPackController],
  providers: [
    PublicTenderService,
    PublicListingSubscriber,
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
