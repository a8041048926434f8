import { Module } from '@nestjs/common';
import { AwardModule } from '../award/award.module';
import { IdentityModule } from '../identity/identity.module';
import { ResponsesModule } from '../responses/responses.module';
import { TendersModule } from '../tenders/tenders.module';
import { OpenDataController } from './open-data.controller';
import { OpenDataService } from './open-data.service';
import { TenderReleases } from './tender-releases';

/**
 * Open data (issue 15): OCDS 1.1 releases, records and release packages with the UK profile, mapped by
 * `libs/ocds` from published records and award decisions. Owns no table: it reads published versions through
 * tenders' `PublishedRecords`, award notices through award's `AwardNotices`, bid counts and the awarded price through
 * responses' `BidCounts`, and organisations through identity's `OrganisationProfiles`.
 */
@Module({
  imports: [TendersModule, AwardModule, ResponsesModule, IdentityModule],
  controllers: [OpenDataController],
  providers: [OpenDataService, TenderReleases],
})
export class OpenDataModule {}
