import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { WorkersModule } from '../../common/workers/workers.module';
import { SETTINGS, type Settings } from '../../config/settings';
import { DocumentsModule } from '../documents/documents.module';
import { SpecCheckModule } from '../spec-check/spec-check.module';
import { TenderLifecycleService } from './lifecycle/tender-lifecycle.service';
import { SpecificationImportService } from './import/specification-import';
import { TenderHistoryController } from './history/tender-history.controller';
import { TenderHistoryService } from './history/tender-history.service';
import { TenderController } from './tender.controller';
import { TenderService } from './tender.service';

@Module({
  imports: [
    SpecCheckModule,
    DocumentsModule,
    WorkersModule,
    // Upload limits for the specification import (IMPORT_MAX_BYTES): multer stops reading past them.
    MulterModule.registerAsync({ useFactory: (s: Settings) => ({ limits: { fileSize: s.import.maxBytes, files: 1 } }), inject: [SETTINGS] }),
  ],
  controllers: [TenderController, TenderHistoryController],
  providers: [TenderService, TenderLifecycleService, SpecificationImportService, TenderHistoryService],
  exports: [TenderService, TenderLifecycleService],
})
export class TendersModule {}
