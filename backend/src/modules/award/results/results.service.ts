import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser, EvaluationResults, PriceResult } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { actorOf } from '../../../common/events/domain-events';
import { DomainEvents } from '../../../common/events/domain-events.service';
import { ConflictError, NotFoundError } from '../../../common/errors/domain.error';
import { Transactions } from '../../../database/transactions';
import { AwardPanels } from '../award-panels';
import { PriceInvestigationRecorded } from '../award.events';
import { AwardDecisionRow, PriceInvestigationRow } from '../entities';

/** Prices and results of a lot for the buying team, and the investigation of abnormally low prices. */
@Injectable()
export class Results {
  constructor(
    @InjectRepository(PriceInvestigationRow) private readonly investigations: Repository<PriceInvestigationRow>,
    private readonly panels: AwardPanels,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async prices(user: CurrentUser, panelId: string): Promise<PriceResult[]> {
    return (await this.results(user, panelId)).prices;
  }

  async results(user: CurrentUser, panelId: string): Promise<EvaluationResults> {
    const m = this.investigations.manager;
    const record = await this.panels.load(m, user, panelId, 'evaluation.read');
    return (await this.panels.compute(m, record)).results;
  }

  /** Only a flagged price; re-recorded freely until the award (the latest counts; each one is in the audit log). */
  async investigate(
    user: CurrentUser,
    panelId: string,
    responseId: string,
    outcome: 'accepted' | 'rejected',
    note: string,
  ): Promise<PriceResult> {
    return this.transactions.run(async (tx) => {
      await this.transactions.lock(tx, `award:${panelId}`);
      const record = await this.panels.load(tx, user, panelId, 'evaluation.manage');
      if (!record.bidders.some((b) => b.responseId === responseId)) throw new NotFoundError('That response');
      if (await tx.existsBy(AwardDecisionRow, { panelId }))
        throw new ConflictError('The lot has been awarded: price investigations can no longer be changed.');
      const { flags } = await this.panels.compute(tx, record);
      if (!flags.has(responseId))
        throw new ConflictError('This price is not flagged as abnormally low, so there is nothing to investigate.');
      const now = this.clock.now();
      const existing = await tx.findOneBy(PriceInvestigationRow, { panelId, responseId });
      if (existing)
        await tx.update(
          PriceInvestigationRow,
          { id: existing.id },
          { outcome, note, recordedBy: user.id, recordedByName: user.name, recordedAt: now },
        );
      else
        await tx.insert(PriceInvestigationRow, {
          id: randomUUID(),
          panelId,
          responseId,
          outcome,
          note,
          recordedBy: user.id,
          recordedByName: user.name,
          recordedAt: now,
        });
      await this.events.emit(tx, new PriceInvestigationRecorded(actorOf(user), record.tender.id, panelId, responseId, outcome, note));
      const { results } = await this.panels.compute(tx, record);
      return results.prices.find((p) => p.responseId === responseId)!;
    });
  }
}
