import { Injectable, Logger } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { afterCommit, type DomainEvent, inTransaction } from './domain-events';

/**
 * Emits domain events (domain-events.ts) on @nestjs/event-emitter: in-transaction subscribers are awaited in turn
 * inside the caller's transaction (a failure rolls the change back); after-commit subscribers run once it
 * has committed (a failure is logged).
 */
@Injectable()
export class DomainEvents {
  private readonly logger = new Logger('Events');

  constructor(
    private readonly emitter: EventEmitter2,
    private readonly transactions: Transactions,
  ) {}

  /** Emits `event` as part of the transaction `tx` (call it before the transaction's work returns). */
  async emit(tx: EntityManager, event: DomainEvent): Promise<void> {
    event.tx = tx;
    const type = event.constructor as new (...args: never[]) => DomainEvent;
    // One subscriber after another, not emitAsync's all-at-once: when one fails, the transaction rolls back and its
    // connection is released, and a sibling still running would then query a released connection (PostgreSQL refuses).
    for (const listener of this.emitter.listeners(inTransaction(type))) await listener(event);
    this.transactions.afterCommit(tx, async () => {
      try {
        await this.emitter.emitAsync(afterCommit(type), event);
      } catch (error) {
        this.logger.error({ err: error, action: event.action, subject: event.subject }, 'An after-commit subscriber failed');
      }
    });
  }

  /** Emits an event that has no change of its own to ride with (e.g. a failed sign-in), in a transaction of its own. */
  record(event: DomainEvent): Promise<void> {
    return this.transactions.run((tx) => this.emit(tx, event));
  }
}
