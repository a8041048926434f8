import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TendersModule } from '../tenders/tenders.module';
import { PublishedTender } from './entities/published-tender.entity';
import { PublicListingSubscriber } from './public-listing.subscriber';
import { PublicPackController } from './public-pack.controller';
import { PublicTenderController } from './public-tender.controller';
import { PublicTenderService } from './public-tender.service';

/**
 * Public reading of published tenders. Owns `published_tender` (the list's summary rows, kept by
 * `PublicListingSubscriber` in the publishing transaction); reads records and packs through the
 * tenders module's read-only `PublishedRecords` and `PublishedPacks`.
 */
@Module({
  imports: [TypeOrmModule.forFeature([PublishedTender]), TendersModule],
  controllers: [PublicTenderController, PublicPackController],
  providers: [PublicTenderService, PublicListingSubscriber],
})
export class MarketplaceModule {}
