import { Module } from '@nestjs/common';
import { DocumentsModule } from '../documents/documents.module';
import { SpecCheckModule } from '../spec-check/spec-check.module';
import { TenderLifecycleService } from './lifecycle/tender-lifecycle.service';
import { TenderController } from './tender.controller';
import { TenderService } from './tender.service';

@Module({
  imports: [SpecCheckModule, DocumentsModule],
  controllers: [TenderController],
  providers: [TenderService, TenderLifecycleService],
  exports: [TenderService, TenderLifecycleService],
})
export class TendersModule {}
