import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { CurrentUser, ModerateScoreRequest, ModerationItem, ModerationView } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import { AccessService } from '../../common/access/access.service';
import { Clock } from '../../common/clock/clock';
import { ConflictError, NotFoundError } from '../../common/errors/domain.error';
import { actorOf } from '../../common/events/domain-events';
import { DomainEvents } from '../../common/events/domain-events.service';
import { Transactions } from '../../database/transactions';
import { ConsensusScoreRow, EvaluationPanelRow } from './entities';
import { EvaluationRuleError } from './evaluation.errors';
import { ConsensusRecorded } from './evaluation.events';
import { disqualification } from './panel-gates';
import { consensusOf, readyToModerate } from './panel-progress';
import { panelResourceOf, PanelRecords } from './panel-records.service';
import { bidder, conflicted, hasDeclared } from './panel-state';
import { moderationView } from './panel-views';

/** The moderator's side: every score with spreads and flags, and consensus scores (individual scores stay as submitted). */
@Injectable()
export class ModerationService {
  constructor(
    @InjectRepository(EvaluationPanelRow) private readonly panels: Repository<EvaluationPanelRow>,
    private readonly records: PanelRecords,
    private readonly access: AccessService,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async view(user: CurrentUser, panelId: string): Promise<ModerationView> {
    const state = await this.records.state(this.panels.manager, panelId);
    this.access.require(user, 'moderation.read', panelResourceOf(state, user));
    return moderationView(state);
  }

  /** Records (or revises: the latest counts, the audit log keeps the earlier) the consensus score of one item. */
  async moderate(
    user: CurrentUser,
    panelId: string,
    responseId: string,
    criterionId: string,
    dto: ModerateScoreRequest,
  ): Promise<ModerationItem> {
    return this.transactions.run(async (tx) => {
      await this.transactions.lock(tx, `evaluation-moderate:${panelId}`);
      const state = await this.records.state(tx, panelId);
      this.access.require(user, 'moderation.write', panelResourceOf(state, user));
      if (!state.scored.some((c) => c.id === criterionId)) throw new NotFoundError('That criterion');
      if (!bidder(state, responseId) || conflicted(state, user.id, responseId)) throw new NotFoundError('That response');
      if (!hasDeclared(state, user.id)) throw new ConflictError('Declare any conflict of interest with the bidders first.');
      if (disqualification(state, responseId)) throw new ConflictError('This response failed a gate: it is not scored or moderated.');
      if (!readyToModerate(state, responseId, criterionId))
        throw new ConflictError('Wait until every evaluator of this criterion has submitted their scores.');
      if (!Number.isInteger(dto.score) || dto.score > state.scaleMax)
        throw new EvaluationRuleError(`The consensus score must be a whole number from 0 to ${state.scaleMax}.`, [
          { field: 'score', message: `A whole number from 0 to ${state.scaleMax}.` },
        ]);
      const now = this.clock.now();
      const existing = consensusOf(state, responseId, criterionId);
      const values = { score: dto.score, note: dto.note, moderatedBy: user.id, moderatedAt: now };
      if (existing) await tx.update(ConsensusScoreRow, { id: existing.id }, values);
      else await tx.insert(ConsensusScoreRow, { id: randomUUID(), panelId, responseId, criterionId, ...values });
      await this.events.emit(
        tx,
        new ConsensusRecorded(
          actorOf(user),
          state.row.tenderId,
          panelId,
          responseId,
          criterionId,
          dto.score,
          dto.note,
          existing?.score ?? null,
        ),
      );
      const after = await this.records.state(tx, panelId);
      return moderationView(after).items.find((i) => i.responseId === responseId && i.criterionId === criterionId)!;
    });
  }
}
