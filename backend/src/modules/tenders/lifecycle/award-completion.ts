import { Injectable } from '@nestjs/common';
import { TenderStatus } from '@openbrief/contracts';
import type { EntityManager } from 'typeorm';
import { type Actor, TenderStatusChanged } from '../../../common/events/domain-events';
import { DomainEvents } from '../../../common/events/domain-events.service';
import { ConflictError, NotFoundError } from '../../../common/errors/domain.error';
import { Tender } from '../entities/tender.entity';

/**
 * The port through which the award module moves a tender from evaluating to awarded once every lot with responses
 * is awarded, in the caller's transaction. The tenders module stays the only writer of its rows; the caller has
 * already decided access (`evaluation.manage`).
 */
@Injectable()
export class AwardCompletion {
  constructor(private readonly events: DomainEvents) {}

  async complete(tx: EntityManager, actor: Actor, tenderId: string, now: Date): Promise<void> {
    const row = await tx.findOne(Tender, { where: { id: tenderId }, select: { id: true, status: true } });
    if (!row) throw new NotFoundError('That tender');
    if (row.status === TenderStatus.Awarded) return;
    if (row.status !== TenderStatus.Evaluating)
      throw new ConflictError(`A tender that is ${row.status.replace('_', ' ')} cannot be awarded.`);
    await tx.update(Tender, { id: tenderId }, { status: TenderStatus.Awarded, updatedAt: now, rowVersion: () => 'row_version + 1' });
    await this.events.emit(tx, new TenderStatusChanged(actor, tenderId, row.status, TenderStatus.Awarded, null));
  }
}
