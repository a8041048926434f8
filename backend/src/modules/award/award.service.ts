import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { AwardDecision, AwardState, CurrentUser } from '@openbrief/contracts';
import { SCORING_VERSION, standstillPeriod } from '@openbrief/scoring';
import { randomUUID } from 'node:crypto';
import type { EntityManager, Repository } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { actorOf } from '../../common/events/domain-events';
import { DomainEvents } from '../../common/events/domain-events.service';
import { ConflictError, DomainError } from '../../common/errors/domain.error';
import { Transactions } from '../../database/transactions';
import type { PanelRecord } from '../evaluation/panel-record';
import { ukDateTime, ukDay } from './award-dates';
import { AWARD_LIMITS } from './award-limits';
import { AwardPanels } from './award-panels';
import { decisionView, noticeBlockedBy } from './award-views';
import { AwardDecided, AwardNoticePublished, ContractEntered } from './award.events';
import { AssessmentSummaryRow, AwardDecisionRow } from './entities';
import { draftSummaries, summaryView } from './summaries/summary-drafts';
import { TenderAwarding } from './tender-awarding';

const unprocessable = (field: string, message: string) => new DomainError('unprocessable', message, [{ field, message }]);

/** The award decision, the contract award notice with its standstill, and entering into the contract. */
@Injectable()
export class AwardDecisions {
  constructor(
    @InjectRepository(AwardDecisionRow) private readonly decisions: Repository<AwardDecisionRow>,
    private readonly panels: AwardPanels,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
    private readonly tenderAwarding: TenderAwarding,
  ) {}

  async state(user: CurrentUser, panelId: string): Promise<AwardState> {
    const m = this.decisions.manager;
    const record = await this.panels.load(m, user, panelId, 'evaluation.read');
    return this.stateOf(m, record);
  }

  /** Only on a complete result, for a ranked response; then the summaries are drafted for every assessed supplier. */
  async decide(user: CurrentUser, panelId: string, responseId: string, reasons: string): Promise<AwardState> {
    return this.transactions.run(async (tx) => {
      await this.transactions.lock(tx, `award:${panelId}`);
      const record = await this.panels.load(tx, user, panelId, 'evaluation.manage');
      const existing = await tx.findOneBy(AwardDecisionRow, { panelId });
      if (existing)
        throw new ConflictError(`This lot has already been awarded, to ${existing.supplierName} on ${ukDateTime(existing.decidedAt)}.`);
      const computed = await this.panels.compute(tx, record);
      if (!computed.results.complete)
        throw new ConflictError(
          'The results are provisional until every response has a consensus score on every criterion: finish moderation, then award.',
        );
      const chosen = computed.outcome.ranking.find((r) => r.id === responseId);
      if (!chosen) throw unprocessable('responseId', 'That response is not one of the bids on this lot.');
      if (chosen.disqualified || chosen.rank === null)
        throw new ConflictError(`That response cannot be awarded: it was disqualified. ${chosen.disqualified ?? ''}`.trim());
      const departs = chosen.rank !== 1;
      if (departs && reasons.length < AWARD_LIMITS.departureReasonsMin)
        throw unprocessable(
          'reasons',
          `This response is ranked ${chosen.rank}, not first: say why the ranking is departed from, in at least ${AWARD_LIMITS.departureReasonsMin} characters.`,
        );
      const bidder = record.bidders.find((b) => b.responseId === responseId)!;
      const now = this.clock.now();
      await tx.insert(AwardDecisionRow, {
        panelId,
        tenderId: record.tender.id,
        lotId: record.lot.id,
        responseId,
        supplierName: bidder.supplierName,
        reasons,
        departsFromRanking: departs,
        decidedBy: user.id,
        decidedByName: user.name,
        decidedAt: now,
        jurisdiction: record.tender.jurisdiction,
        noticePublishedAt: null,
        standstillLastDay: null,
        standstillEndsAt: null,
        contractEnteredAt: null,
      });
      const drafts = draftSummaries(record, computed, { responseId, reasons, departsFromRanking: departs });
      await tx.insert(
        AssessmentSummaryRow,
        drafts.map(({ bidder: b, content }) => ({
          id: randomUUID(),
          panelId,
          responseId: b.responseId,
          organisationId: b.organisationId,
          content,
          status: 'draft' as const,
          issuedAt: null,
          issuedBy: null,
          sha256: null,
          revision: 1,
        })),
      );
      const actor = actorOf(user);
      await this.events.emit(tx, new AwardDecided(actor, record.tender.id, panelId, responseId, reasons, departs, SCORING_VERSION));
      await this.tenderAwarding.afterLotAwarded(tx, actor, record.tender.id, now);
      return this.stateOf(tx, record);
    });
  }

  /** Refused until every summary is issued (reg 31); the standstill is counted from the day of publication. */
  async publishNotice(user: CurrentUser, panelId: string, publishedAt?: string): Promise<AwardDecision> {
    return this.transactions.run(async (tx) => {
      await this.transactions.lock(tx, `award:${panelId}`);
      const record = await this.panels.load(tx, user, panelId, 'evaluation.manage');
      const decision = await tx.findOneBy(AwardDecisionRow, { panelId });
      const summaries = await tx.findBy(AssessmentSummaryRow, { panelId });
      const blocked = noticeBlockedBy(decision, summaries);
      if (blocked || !decision) throw new ConflictError(blocked ?? 'Record the award decision first.');
      const now = this.clock.now();
      const at = publishedAt ? new Date(publishedAt) : now;
      if (at.getTime() > now.getTime()) throw unprocessable('publishedAt', 'The award notice cannot be dated in the future.');
      if (at.getTime() < decision.decidedAt.getTime())
        throw unprocessable('publishedAt', 'The award notice cannot be dated before the award decision.');
      const standstill = standstillPeriod(at.toISOString(), decision.jurisdiction);
      const changes = {
        noticePublishedAt: at,
        standstillLastDay: standstill.lastDay,
        standstillEndsAt: new Date(standstill.endsAt),
      };
      await tx.update(AwardDecisionRow, { panelId }, changes);
      await this.events.emit(
        tx,
        new AwardNoticePublished(actorOf(user), record.tender.id, panelId, at.toISOString(), standstill.lastDay, standstill.endsAt),
      );
      return decisionView({ ...decision, ...changes });
    });
  }

  /** Refused before the standstill ends by the server's clock. */
  async enterContract(user: CurrentUser, panelId: string, enteredAt?: string): Promise<AwardDecision> {
    return this.transactions.run(async (tx) => {
      await this.transactions.lock(tx, `award:${panelId}`);
      const record = await this.panels.load(tx, user, panelId, 'evaluation.manage');
      const decision = await tx.findOneBy(AwardDecisionRow, { panelId });
      if (!decision) throw new ConflictError('Record the award decision first.');
      if (!decision.standstillEndsAt || !decision.standstillLastDay)
        throw new ConflictError('Publish the contract award notice first: the standstill starts with it.');
      if (decision.contractEnteredAt)
        throw new ConflictError(`The contract was already entered into on ${ukDateTime(decision.contractEnteredAt)}.`);
      const now = this.clock.now();
      if (now.getTime() < decision.standstillEndsAt.getTime())
        throw new ConflictError(
          `The standstill ends at the end of ${ukDay(decision.standstillLastDay)} (UK time): the contract cannot be entered into before then.`,
        );
      const at = enteredAt ? new Date(enteredAt) : now;
      if (at.getTime() > now.getTime()) throw unprocessable('enteredAt', 'The contract cannot be entered into in the future.');
      if (at.getTime() < decision.standstillEndsAt.getTime())
        throw unprocessable(
          'enteredAt',
          `The contract cannot be dated before the standstill ended (the end of ${ukDay(decision.standstillLastDay)}).`,
        );
      await tx.update(AwardDecisionRow, { panelId }, { contractEnteredAt: at });
      await this.events.emit(tx, new ContractEntered(actorOf(user), record.tender.id, panelId, at.toISOString()));
      return decisionView({ ...decision, contractEnteredAt: at });
    });
  }

  private async stateOf(m: EntityManager, record: PanelRecord): Promise<AwardState> {
    const decision = await m.findOneBy(AwardDecisionRow, { panelId: record.panelId });
    const rows = await m.findBy(AssessmentSummaryRow, { panelId: record.panelId });
    const label = new Map(record.bidders.map((b) => [b.responseId, b.label]));
    rows.sort((a, b) => (label.get(a.responseId) ?? '').localeCompare(label.get(b.responseId) ?? ''));
    return {
      decision: decision && decisionView(decision),
      summaries: rows.map(summaryView),
      noticeBlockedBy: noticeBlockedBy(decision, rows),
    };
  }
}
