import { Module } from '@nestjs/common';
import { SpecCheckModule } from '../spec-check/spec-check.module';
import { TenderLifecycleService } from './lifecycle/tender-lifecycle.service';
import { TenderController } from './tender.controller';
import { TenderService } from './tender.service';

@Module({
  imports: [SpecCheckModule],
  controllers: [TenderController],
  providers: [TenderService, TenderLifecycleService],
  exports: [TenderService, TenderLifecycleService],
})
export class TendersModule {}
