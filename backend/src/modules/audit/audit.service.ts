import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AUDIT_PAGE_SIZE, type AuditEntry, type AuditTrailPage, type CurrentUser } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager, Repository } from 'typeorm';
import type { DomainEvent } from '../../common/events/domain-events';
import { Transactions } from '../../database/transactions';
import { TenderService } from '../tenders/tender.service';
import { canonicalDetails, digestOf, entryHash, GENESIS_HASH } from './audit-chain';
import { toCsv, ukTime } from './audit-csv';
import { describeAudit } from './audit-words';
import { AuditEvent } from './entities/audit-event.entity';

/** The lock every append takes on PostgreSQL, so two instances never read the same "last entry". */
const CHAIN_LOCK = 'audit-chain';
const NAME_LENGTH = 200;

/** The hash-chained audit log: appends in the caller's transaction, and reads a tender's trail for its buying team. */
@Injectable()
export class AuditService {
  constructor(
    private readonly transactions: Transactions,
    @InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>,
    private readonly tenders: TenderService,
  ) {}

  /**
   * Appends `event` to the chain inside `tx`, the transaction that makes the change, so both are written or
   * neither. Appends are serialised: on PostgreSQL by a transaction-scoped advisory lock held until commit
   * (across instances); on SQLite transactions already run one at a time. The unique `seq` is the last guard:
   * two appends that somehow read the same last entry cannot both commit.
   */
  async append(tx: EntityManager, event: DomainEvent): Promise<void> {
    await this.transactions.lock(tx, CHAIN_LOCK);
    const [last] = await tx.find(AuditEvent, { select: { seq: true, hash: true }, order: { seq: 'DESC' }, take: 1 });
    const details = canonicalDetails(event.details());
    const row: Omit<AuditEvent, 'hash'> = {
      id: randomUUID(),
      seq: (last?.seq ?? 0) + 1,
      occurredAt: event.occurredAt,
      actorUserId: event.actor.userId,
      actorName: event.actor.name.slice(0, NAME_LENGTH),
      actorOrganisationId: event.actor.organisationId,
      action: event.action,
      subject: event.subject,
      tenderId: event.tenderId,
      digest: digestOf(details),
      details,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    await tx.insert(AuditEvent, { ...row, hash: entryHash(row.prevHash, row) });
  }

  /** One page of a tender's trail, newest first, for the tender's buying team (`tender.readAudit`). */
  async trail(user: CurrentUser, tenderId: string, page = 1, pageSize: number = AUDIT_PAGE_SIZE.default): Promise<AuditTrailPage> {
    await this.tenders.statusFor(user, tenderId, 'tender.readAudit');
    const [rows, total] = await this.events.findAndCount({
      where: { tenderId },
      order: { seq: 'DESC' },
      skip: (page - 1) * pageSize,
      take: pageSize,
    });
    return { entries: rows.map(toEntry), page, pageSize, total };
  }

  /** The whole trail as CSV, oldest first (the order a reader checks it in). */
  async csv(user: CurrentUser, tenderId: string): Promise<string> {
    await this.tenders.statusFor(user, tenderId, 'tender.readAudit');
    const rows = await this.events.find({ where: { tenderId }, order: { seq: 'ASC' } });
    return toCsv(
      ['Entry', 'When (UK time)', 'When (UTC)', 'Who', 'What', 'Action', 'Entry hash'],
      rows.map((r) => [
        r.seq,
        ukTime(r.occurredAt),
        r.occurredAt.toISOString(),
        r.actorName,
        describeAudit(r.action, r.details),
        r.action,
        r.hash,
      ]),
    );
  }
}

function toEntry(r: AuditEvent): AuditEntry {
  return {
    seq: r.seq,
    occurredAt: r.occurredAt.toISOString(),
    actor: { id: r.actorUserId, name: r.actorName },
    action: r.action,
    summary: describeAudit(r.action, r.details),
    hash: r.hash,
  };
}
