import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser, InterestState } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { type EntityManager, IsNull, Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { DomainEvents } from '../../common/events/domain-events.service';
import { Transactions } from '../../database/transactions';
import { actorOf } from '../../common/events/domain-events';
import { InterestRegistered, InterestWithdrawn } from './clarifications.events';
import { TenderInterest } from './entities/tender-interest.entity';

/**
 * Who has registered interest in a tender, for other modules (responses count it; starting a response registers
 * it) and for this module's routes. Callers have checked access; this only reads and writes the register.
 */
@Injectable()
export class InterestRegister {
  constructor(
    @InjectRepository(TenderInterest) private readonly interests: Repository<TenderInterest>,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  /** Organisations with active interest: a number only, the one thing the buying team may know before the deadline. */
  count(tenderId: string): Promise<number> {
    return this.interests.countBy({ tenderId, withdrawnAt: IsNull() });
  }

  /** The people who registered active interest (to tell them when the tender changes or a question is answered). */
  async userIds(tenderId: string, manager: EntityManager = this.interests.manager): Promise<string[]> {
    const rows = await manager.find(TenderInterest, { where: { tenderId, withdrawnAt: IsNull() }, select: { userId: true } });
    return [...new Set(rows.map((r) => r.userId))];
  }

  /** Starting a response registers interest, if the organisation has none active; in the caller's transaction. */
  async ensureRegistered(tx: EntityManager, tenderId: string, user: CurrentUser): Promise<void> {
    await this.register(tx, tenderId, user);
  }

  async state(manager: EntityManager, tenderId: string, organisationId: string): Promise<InterestState> {
    const row = await manager.findOneBy(TenderInterest, { tenderId, organisationId, withdrawnAt: IsNull() });
    return { registered: !!row, registeredAt: row?.registeredAt.toISOString() ?? null };
  }

  /** Registers the user's organisation (again, after a withdrawal); nothing changes if it already is. */
  async register(tx: EntityManager, tenderId: string, user: CurrentUser): Promise<void> {
    await this.lock(tx, tenderId, user.organisation.id);
    const row = await tx.findOneBy(TenderInterest, { tenderId, organisationId: user.organisation.id });
    if (row && row.withdrawnAt === null) return;
    const now = this.clock.now();
    const id = row?.id ?? randomUUID();
    if (row) await tx.update(TenderInterest, { id }, { userId: user.id, registeredAt: now, withdrawnAt: null });
    else
      await tx.insert(TenderInterest, {
        id,
        tenderId,
        organisationId: user.organisation.id,
        userId: user.id,
        registeredAt: now,
        withdrawnAt: null,
      });
    await this.events.emit(tx, new InterestRegistered(actorOf(user), id));
  }

  /** Withdraws the organisation's interest; nothing changes if it has none. */
  async withdraw(tx: EntityManager, tenderId: string, user: CurrentUser): Promise<void> {
    await this.lock(tx, tenderId, user.organisation.id);
    const row = await tx.findOneBy(TenderInterest, { tenderId, organisationId: user.organisation.id, withdrawnAt: IsNull() });
    if (!row) return;
    await tx.update(TenderInterest, { id: row.id }, { withdrawnAt: this.clock.now() });
    await this.events.emit(tx, new InterestWithdrawn(actorOf(user), row.id));
  }

  /** Two requests from one organisation at once (two colleagues, a double click) must not both insert. */
  private lock(tx: EntityManager, tenderId: string, organisationId: string): Promise<boolean> {
    return this.transactions.lock(tx, `tender-interest:${tenderId}:${organisationId}`);
  }
}
