import { Module } from '@nestjs/common';
import { SpecCheckController } from './spec-check.controller';
import { SpecCheckService } from './spec-check.service';

@Module({
  controllers: [SpecCheckController],
  providers: [SpecCheckService],
  exports: [SpecCheckService],
})
export class SpecCheckModule {}
