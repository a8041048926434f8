import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WorkersModule } from '../../common/workers/workers.module';
import { DocumentsModule } from '../documents/documents.module';
import { IdentityModule } from '../identity/identity.module';
import { SpecCheckModule } from '../spec-check/spec-check.module';
import { Criterion } from './entities/criterion.entity';
import { Lot } from './entities/lot.entity';
import { Requirement } from './entities/requirement.entity';
import { TenderRevision } from './entities/tender-revision.entity';
import { TenderVersion } from './entities/tender-version.entity';
import { Tender } from './entities/tender.entity';
import { AwardCompletion } from './lifecycle/award-completion';
import { EvaluationStart } from './lifecycle/evaluation-start';
import { PublishedPacks } from './lifecycle/published-packs';
import { PackAnswers } from './pack-clarifications.port';
import { PublishedRecords } from './lifecycle/published-records';
import { TenderLifecycleService } from './lifecycle/tender-lifecycle.service';
import { SpecificationImportService } from './import/specification-import';
import { TenderHistoryController } from './history/tender-history.controller';
import { TenderHistoryService } from './history/tender-history.service';
import { TenderController } from './tender.controller';
import { TenderQueries } from './tender-queries';
import { TenderService } from './tender.service';

/**
 * Owns tender, lot, requirement, criterion, tender_revision and tender_version, and is the only writer.
 * Other modules read through `TenderService`, `TenderQueries`, `PublishedRecords` and `PublishedPacks`.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([Tender, Lot, Requirement, Criterion, TenderRevision, TenderVersion]),
    IdentityModule,
    SpecCheckModule,
    DocumentsModule,
    WorkersModule,
  ],
  controllers: [TenderController, TenderHistoryController],
  providers: [
    TenderService,
    TenderLifecycleService,
    SpecificationImportService,
    TenderHistoryService,
    TenderQueries,
    PublishedRecords,
    PublishedPacks,
    PackAnswers,
    EvaluationStart,
    AwardCompletion,
  ],
  exports: [TenderService, TenderLifecycleService, TenderQueries, PublishedRecords, PublishedPacks, EvaluationStart, AwardCompletion],
})
export class TendersModule {}
