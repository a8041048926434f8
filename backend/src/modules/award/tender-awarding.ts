import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../../common/events/domain-events';
import { OpenedResponses } from '../responses/opening/opened-responses';
import { AwardCompletion } from '../tenders/lifecycle/award-completion';
import { AwardDecisionRow } from './entities';

/** Moves the tender to awarded once every lot that received responses has its award decision. */
@Injectable()
export class TenderAwarding {
  constructor(
    private readonly opened: OpenedResponses,
    private readonly completion: AwardCompletion,
  ) {}

  async afterLotAwarded(tx: EntityManager, actor: Actor, tenderId: string, now: Date): Promise<void> {
    const { submissions } = await this.opened.forEvaluation(tx, tenderId);
    const lots = new Set(submissions.map((s) => s.lotId));
    const awarded = new Set((await tx.find(AwardDecisionRow, { where: { tenderId }, select: { lotId: true } })).map((r) => r.lotId));
    if ([...lots].every((lot) => awarded.has(lot))) await this.completion.complete(tx, actor, tenderId, now);
  }
}
