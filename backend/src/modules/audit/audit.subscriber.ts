import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { type DomainEvent, EVERY_EVENT_IN_TRANSACTION } from '../../common/events/domain-events';
import { AuditService } from './audit.service';

/**
 * Hears every domain event inside the transaction that makes the change (`in-transaction.*`) and appends
 * it to the audit log there. `suppressErrors: false`: if the append fails, the emit fails and the change
 * rolls back, so nothing happens without its audit entry.
 */
@Injectable()
export class AuditSubscriber {
  constructor(private readonly audit: AuditService) {}

  @OnEvent(EVERY_EVENT_IN_TRANSACTION, { suppressErrors: false })
  async record(event: DomainEvent): Promise<void> {
    await this.audit.append(event.tx, event);
  }
}
