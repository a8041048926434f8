import { Module } from '@nestjs/common';
import { WorkersModule } from '../../common/workers/workers.module';
import { DocumentsModule } from '../documents/documents.module';
import { SpecCheckModule } from '../spec-check/spec-check.module';
import { TenderLifecycleService } from './lifecycle/tender-lifecycle.service';
import { SpecificationImportService } from './import/specification-import';
import { TenderController } from './tender.controller';
import { TenderService } from './tender.service';

@Module({
  imports: [SpecCheckModule, DocumentsModule, WorkersModule],
  controllers: [TenderController],
  providers: [TenderService, TenderLifecycleService, SpecificationImportService],
  exports: [TenderService, TenderLifecycleService],
})
export class TendersModule {}
