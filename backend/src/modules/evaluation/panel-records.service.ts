import { Injectable } from '@nestjs/common';
import { type CurrentUser, Jurisdiction } from '@openbrief/contracts';
import type { EntityManager } from 'typeorm';
import type { PanelResource, SealedTenderResource } from '../../common/access/actions';
import { Clock } from '../../common/clock/clock';
import { NotFoundError } from '../../common/errors/domain.error';
import { People } from '../identity/people';
import { OpenedResponses } from '../responses/opening/opened-responses';
import type { TenderFacts } from '../responses/response-tenders';
import { ConflictDeclarationRow, ConsensusScoreRow, EvaluationPanelRow, GateDecisionRow, IndividualScoreRow } from './entities';
import { gateResults } from './panel-gates';
import { stageOf } from './panel-progress';
import type { PanelRecord } from './panel-record';
import { labelBidders, type PanelState, publishedLot, SCALE_MAX, scoredCriteria } from './panel-state';
import { moderationView, panelView, scoreView } from './panel-views';

/**
 * Reads panels and everything recorded about them, for this module's services and for the award module (through
 * `load`, `forLot` and `panelResource`). It decides nothing: access is the caller's to check.
 */
@Injectable()
export class PanelRecords {
  constructor(
    private readonly opened: OpenedResponses,
    private readonly people: People,
    private readonly clock: Clock,
  ) {}

  /** Everything about the panel; "not found" when there is no such panel. */
  async state(m: EntityManager, panelId: string): Promise<PanelState> {
    const row = await m.findOneBy(EvaluationPanelRow, { id: panelId });
    if (!row) throw new NotFoundError('That evaluation');
    return this.build(m, row, await this.opened.forEvaluation(m, row.tenderId));
  }

  /** The tender as published, whether its responses are opened, and its counted submissions. */
  tender(m: EntityManager, tenderId: string) {
    return this.opened.forEvaluation(m, tenderId);
  }

  async build(
    m: EntityManager,
    row: EvaluationPanelRow,
    tender: { facts: TenderFacts; opened: boolean; submissions: Awaited<ReturnType<OpenedResponses['forEvaluation']>>['submissions'] },
  ): Promise<PanelState> {
    const published = tender.facts.latest.content.lots.find((l) => l.id === row.lotId);
    if (!published) throw new NotFoundError('That lot');
    const lot = publishedLot(published);
    const panelId = row.id;
    const [declarations, gateRows, scores, consensus] = await Promise.all([
      m.find(ConflictDeclarationRow, { where: { panelId }, order: { declaredAt: 'ASC', id: 'ASC' } }),
      m.find(GateDecisionRow, { where: { panelId }, order: { decidedAt: 'ASC', id: 'ASC' } }),
      m.find(IndividualScoreRow, { where: { panelId }, order: { updatedAt: 'ASC', id: 'ASC' } }),
      m.find(ConsensusScoreRow, { where: { panelId }, order: { moderatedAt: 'ASC', id: 'ASC' } }),
    ]);
    const ids = [
      row.moderatorId,
      ...row.evaluators.map((e) => e.userId),
      ...declarations.flatMap((d) => [d.memberId, d.handledBy ?? '']),
      ...gateRows.map((g) => g.decidedBy),
      ...scores.map((s) => s.evaluatorId),
      ...consensus.map((c) => c.moderatedBy),
    ].filter(Boolean);
    return {
      row,
      facts: tender.facts,
      opened: tender.opened,
      lot,
      rules: lot.evaluationModel.rules,
      scaleMax: SCALE_MAX[lot.evaluationModel.scale],
      scored: scoredCriteria(lot),
      bidders: labelBidders(
        panelId,
        tender.submissions.filter((s) => s.lotId === row.lotId),
      ),
      declarations,
      gateRows,
      scores,
      consensus,
      names: await this.people.names(ids, m),
    };
  }

  /** The panel of a lot, if formed. */
  async stateForLot(m: EntityManager, tenderId: string, lotId: string): Promise<PanelState | null> {
    const row = await m.findOneBy(EvaluationPanelRow, { tenderId, lotId });
    return row ? this.build(m, row, await this.opened.forEvaluation(m, tenderId)) : null;
  }

  async load(m: EntityManager, panelId: string): Promise<PanelRecord> {
    return this.record(await this.state(m, panelId));
  }

  async forLot(m: EntityManager, tenderId: string, lotId: string): Promise<PanelRecord | null> {
    const state = await this.stateForLot(m, tenderId, lotId);
    return state && this.record(state);
  }

  /** The record and the caller's place on the panel, for `panel.participate`-style rules. */
  async panelResource(m: EntityManager, user: CurrentUser, panelId: string): Promise<{ record: PanelRecord; resource: PanelResource }> {
    const state = await this.state(m, panelId);
    return { record: this.record(state), resource: panelResourceOf(state, user) };
  }

  /** The tender's resource for the buying team's rules (`evaluation.read`, `evaluation.manage`). */
  teamResource(state: Pick<PanelState, 'facts' | 'opened'>): SealedTenderResource {
    return {
      organisationId: state.facts.tender.organisationId,
      status: state.facts.tender.status,
      deadlinePassed: state.facts.deadlinePassed,
      opened: state.opened,
    };
  }

  now(): Date {
    return this.clock.now();
  }

  record(state: PanelState): PanelRecord {
    const { facts } = state;
    const content = facts.latest.content;
    return {
      panelId: state.row.id,
      tender: {
        id: facts.tender.id,
        reference: facts.tender.reference,
        title: facts.tender.title,
        buyerName: facts.latest.buyer.name,
        organisationId: facts.tender.organisationId,
        status: facts.tender.status,
        budget: content.budget,
        contractLengthMonths: content.contract.lengthMonths,
        jurisdiction: content.contract.jurisdiction ?? Jurisdiction.EnglandAndWales,
        version: facts.latest.version,
      },
      lot: state.lot,
      stage: stageOf(state),
      panel: panelView(state),
      bidders: state.bidders.map((b) => ({
        responseId: b.responseId,
        organisationId: b.submission.organisationId,
        supplierName: b.submission.supplierName,
        label: b.label,
        submittedAt: b.submission.submittedAt,
        sha256: b.submission.sha256,
        price: {
          total: b.submission.content.price.total,
          currency: b.submission.content.price.currency,
          lines: b.submission.content.price.lines,
        },
        answers: Object.fromEntries(b.submission.content.answers.map((a) => [a.criterionId, a.text])),
      })),
      gates: gateResults(state),
      declarations: panelView(state).declarations,
      scores: state.scores.filter((s) => s.submittedAt).map((s) => scoreView(state, s)),
      moderated: state.consensus.map((c) => ({
        responseId: c.responseId,
        criterionId: c.criterionId,
        score: c.score,
        note: c.note,
        moderatedBy: state.names.get(c.moderatedBy) ?? 'Someone who has left',
        moderatedAt: c.moderatedAt.toISOString(),
      })),
      moderation: moderationView(state),
    };
  }
}

/** The caller's place on the panel, as the access policy reads it. */
export function panelResourceOf(state: PanelState, user: CurrentUser): PanelResource {
  return {
    tender: { organisationId: state.facts.tender.organisationId, status: state.facts.tender.status },
    opened: state.opened,
    evaluator: state.row.evaluators.some((e) => e.userId === user.id),
    moderator: state.row.moderatorId === user.id,
  };
}
