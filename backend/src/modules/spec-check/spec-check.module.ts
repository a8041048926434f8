import { Module } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { WorkersModule } from '../../common/workers/workers.module';
import { SpecCheckRateLimitGuard } from './spec-check-rate-limit.guard';
import { SpecCheckController } from './spec-check.controller';
import { SpecCheckService } from './spec-check.service';

@Module({
  imports: [WorkersModule],
  controllers: [SpecCheckController],
  providers: [SpecCheckService, SpecCheckRateLimitGuard, ThrottlerStorageService],
  exports: [SpecCheckService],
})
export class SpecCheckModule {}
