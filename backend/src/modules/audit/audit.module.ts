import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TendersModule } from '../tenders/tenders.module';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { AuditSubscriber } from './audit.subscriber';
import { AuditEvent } from './entities/audit-event.entity';

/**
 * The hash-chained audit log (docs/audit.md). Owns `audit_event`; hears every domain event in its
 * transaction and appends it. It depends on tenders only to ask who may read a tender's trail.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent]), TendersModule],
  controllers: [AuditController],
  providers: [AuditService, AuditSubscriber],
})
export class AuditModule {}
