import { Injectable } from '@nestjs/common';
import { TenderStatus } from '@openbrief/contracts';
import type { EntityManager } from 'typeorm';
import { type Actor, TenderStatusChanged } from '../../../common/events/domain-events';
import { DomainEvents } from '../../../common/events/domain-events.service';
import { ConflictError, NotFoundError } from '../../../common/errors/domain.error';
import { Tender } from '../entities/tender.entity';

/**
 * The port through which the evaluation module moves a tender into evaluation when its first panel is formed, in
 * the caller's transaction: a tender still published after its deadline is closed first. The tenders module stays
 * the only writer of its rows; the caller has already decided access (`evaluation.manage`).
 */
@Injectable()
export class EvaluationStart {
  constructor(private readonly events: DomainEvents) {}

  async begin(tx: EntityManager, actor: Actor, tenderId: string, now: Date): Promise<void> {
    const row = await tx.findOne(Tender, { where: { id: tenderId }, select: { id: true, status: true, submissionDeadline: true } });
    if (!row) throw new NotFoundError('That tender');
    if (row.status === TenderStatus.Evaluating || row.status === TenderStatus.Awarded) return;
    const path: TenderStatus[] = [];
    if (row.status === TenderStatus.Published) {
      if (!row.submissionDeadline || row.submissionDeadline.getTime() > now.getTime())
        throw new ConflictError('A tender can be evaluated only once its deadline for bids has passed.');
      path.push(TenderStatus.Closed);
    } else if (row.status !== TenderStatus.Closed) {
      throw new ConflictError(`A tender that is ${row.status.replace('_', ' ')} cannot be evaluated.`);
    }
    path.push(TenderStatus.Evaluating);
    let from: TenderStatus = row.status;
    for (const to of path) {
      await tx.update(Tender, { id: tenderId }, { status: to, updatedAt: now, rowVersion: () => 'row_version + 1' });
      await this.events.emit(tx, new TenderStatusChanged(actor, tenderId, from, to, null));
      from = to;
    }
  }
}
