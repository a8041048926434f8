import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type ConflictDeclaration,
  type CurrentUser,
  type EvaluationPanel,
  type EvaluationTask,
  type FormPanelRequest,
  type GateResult,
  RequirementKind,
  type RecordConflictHandlingRequest,
  type RecordGateRequest,
  Role,
  type TenderEvaluation,
  TenderStatus,
} from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import type { EntityManager, Repository } from 'typeorm';
import { AccessService } from '../../common/access/access.service';
import { Clock } from '../../common/clock/clock';
import { ConflictError, NotFoundError } from '../../common/errors/domain.error';
import { actorOf } from '../../common/events/domain-events';
import { DomainEvents } from '../../common/events/domain-events.service';
import { Transactions } from '../../database/transactions';
import { People } from '../identity/people';
import { Notifications } from '../notifications/notifications.service';
import { EvaluationStart } from '../tenders/lifecycle/evaluation-start';
import { ConflictDeclarationRow, EvaluationPanelRow, GateDecisionRow, IndividualScoreRow } from './entities';
import { EvaluationRuleError, StaleEvaluationError } from './evaluation.errors';
import { ConflictHandlingRecorded, GateRecorded, PanelFormed } from './evaluation.events';
import { nextStep } from './next-step';
import { panelNotices } from './panel-notices';
import { PanelRecords } from './panel-records.service';
import { type PanelState, publishedLot, scoredCriteria } from './panel-state';
import { stageOf } from './panel-progress';
import { declarationView, panelView } from './panel-views';
import { gateResults } from './panel-gates';

const PANEL_ROLES = [Role.Admin, Role.Buyer, Role.Evaluator] as const;

/** The buying team's side of evaluation: the overview, forming panels, conflict handling and gates; and anyone's task list. */
@Injectable()
export class PanelsService {
  constructor(
    @InjectRepository(EvaluationPanelRow) private readonly panels: Repository<EvaluationPanelRow>,
    private readonly records: PanelRecords,
    private readonly access: AccessService,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly people: People,
    private readonly start: EvaluationStart,
    private readonly clock: Clock,
    private readonly notifications: Notifications,
  ) {}

  async overview(user: CurrentUser, tenderId: string): Promise<TenderEvaluation> {
    const m = this.panels.manager;
    const tender = await this.records.tender(m, tenderId);
    this.access.require(user, 'evaluation.read', this.records.teamResource(tender));
    const rows = await m.find(EvaluationPanelRow, { where: { tenderId } });
    const lots = [];
    for (const lot of tender.facts.latest.content.lots) {
      const row = rows.find((r) => r.lotId === lot.id);
      lots.push({
        lotId: lot.id,
        lotNumber: lot.number,
        lotTitle: lot.title,
        responses: tender.submissions.filter((s) => s.lotId === lot.id).length,
        panel: row ? panelView(await this.records.build(m, row, tender)) : null,
      });
    }
    const members = await this.people.members(tender.facts.tender.organisationId, PANEL_ROLES, undefined, m);
    return {
      tenderId,
      tenderReference: tender.facts.tender.reference,
      tenderTitle: tender.facts.tender.title,
      opened: tender.opened,
      lots,
      members: members
        .map((p) => ({ userId: p.id, name: p.name, role: p.role as TenderEvaluation['members'][number]['role'] }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  /**
   * Forms the lot's panel, or re-forms it (If-Match: its revision) until the first score is submitted. Forming the
   * tender's first panel moves the tender into evaluation.
   */
  async form(user: CurrentUser, tenderId: string, lotId: string, revision: number, dto: FormPanelRequest): Promise<EvaluationPanel> {
    return this.transactions.run(async (tx) => {
      await this.transactions.lock(tx, `evaluation-panel:${tenderId}:${lotId}`);
      const tender = await this.records.tender(tx, tenderId);
      this.access.require(user, 'evaluation.manage', this.records.teamResource(tender));
      if (tender.facts.tender.status === TenderStatus.Awarded)
        throw new ConflictError('The tender is awarded: its panel cannot be changed.');
      const published = tender.facts.latest.content.lots.find((l) => l.id === lotId);
      if (!published) throw new NotFoundError('That lot');
      if (!tender.submissions.some((s) => s.lotId === lotId))
        throw new ConflictError('No response counts for this lot: there is nothing to evaluate.');
      await this.checkMembers(
        tx,
        tender.facts.tender.organisationId,
        scoredCriteria(publishedLot(published)).map((c) => c.id),
        dto,
      );
      const now = this.clock.now();
      const existing = await tx.findOneBy(EvaluationPanelRow, { tenderId, lotId });
      let row: EvaluationPanelRow;
      if (existing) {
        const state = await this.records.build(tx, existing, tender);
        if (existing.revision !== revision) throw new StaleEvaluationError('The panel', panelView(state));
        if (state.scores.some((s) => s.submittedAt))
          throw new ConflictError('Scores have been submitted: the panel can no longer be re-formed.');
        await this.dropWhatNoLongerApplies(tx, existing, dto);
        const updated = await tx
          .createQueryBuilder()
          .update(EvaluationPanelRow)
          .set({ moderatorId: dto.moderatorId, evaluators: dto.evaluators, revision: existing.revision + 1, updatedAt: now })
          .where('id = :id AND revision = :revision', { id: existing.id, revision })
          .execute();
        if (!updated.affected) throw new StaleEvaluationError('The panel', panelView(state));
        row = { ...existing, moderatorId: dto.moderatorId, evaluators: dto.evaluators, revision: existing.revision + 1, updatedAt: now };
      } else {
        if (revision !== 0) throw new ConflictError('This lot has no panel yet: form it with If-Match "0" (or none).');
        row = {
          id: randomUUID(),
          tenderId,
          lotId,
          moderatorId: dto.moderatorId,
          evaluators: dto.evaluators,
          revision: 1,
          formedBy: user.id,
          createdAt: now,
          updatedAt: now,
        };
        await tx.insert(EvaluationPanelRow, row);
        await this.start.begin(tx, actorOf(user), tenderId, now);
      }
      await this.events.emit(tx, new PanelFormed(actorOf(user), tenderId, row.id, lotId, row.revision, row.moderatorId, row.evaluators));
      const notices = panelNotices(existing, row, user.id, {
        panelId: row.id,
        buyerName: tender.facts.latest.buyer.name,
        reference: tender.facts.tender.reference,
        title: tender.facts.tender.title,
        lotNumber: published.number,
        lotTitle: published.title,
      });
      for (const notice of notices) await this.notifications.enqueue(tx, notice);
      return panelView(await this.records.build(tx, row, await this.records.tender(tx, tenderId)));
    });
  }

  /**
   * Evaluators are the organisation's evaluators, each scoring at least one of the lot's scored criteria, and every
   * scored criterion has at least one evaluator (two or more is better practice; one is the minimum we require).
   * The moderator is any member who does not also score on the panel: they moderate others' scores, not their own.
   */
  private async checkMembers(tx: EntityManager, organisationId: string, scored: string[], dto: FormPanelRequest): Promise<void> {
    const problems: { field: string; message: string }[] = [];
    const ids = dto.evaluators.map((e) => e.userId);
    const people = await this.people.members(organisationId, PANEL_ROLES, [...ids, dto.moderatorId], tx);
    if (!people.some((p) => p.id === dto.moderatorId))
      problems.push({ field: 'moderatorId', message: 'The moderator must be a buyer, administrator or evaluator of your organisation.' });
    dto.evaluators.forEach((e, i) => {
      const person = people.find((p) => p.id === e.userId);
      if (person?.role !== Role.Evaluator)
        problems.push({
          field: `evaluators.${i}.userId`,
          message: 'Each evaluator must be someone of your organisation with the evaluator role.',
        });
      if (ids.indexOf(e.userId) !== i) problems.push({ field: `evaluators.${i}.userId`, message: 'Each evaluator is listed once.' });
      if (e.userId === dto.moderatorId)
        problems.push({ field: `evaluators.${i}.userId`, message: 'The moderator cannot also score on the panel.' });
      const unknown = e.criterionIds.filter((c) => !scored.includes(c));
      if (unknown.length)
        problems.push({
          field: `evaluators.${i}.criterionIds`,
          message: 'Assign only the lot’s scored criteria (price is not scored by evaluators).',
        });
      if (new Set(e.criterionIds).size !== e.criterionIds.length)
        problems.push({ field: `evaluators.${i}.criterionIds`, message: 'Each criterion is listed once.' });
    });
    const covered = new Set(dto.evaluators.flatMap((e) => e.criterionIds));
    for (const id of scored.filter((c) => !covered.has(c)))
      problems.push({ field: 'evaluators', message: `Criterion ${id} has no evaluator: every scored criterion needs at least one.` });
    if (problems.length) throw new EvaluationRuleError('The panel cannot be formed as it is.', problems);
  }

  /** On re-forming: declarations of people no longer on the panel, and drafts of criteria no longer theirs, go. */
  private async dropWhatNoLongerApplies(tx: EntityManager, existing: EvaluationPanelRow, dto: FormPanelRequest): Promise<void> {
    const stays = new Set([dto.moderatorId, ...dto.evaluators.map((e) => e.userId)]);
    for (const member of [existing.moderatorId, ...existing.evaluators.map((e) => e.userId)]) {
      if (!stays.has(member)) await tx.delete(ConflictDeclarationRow, { panelId: existing.id, memberId: member });
    }
    const drafts = await tx.find(IndividualScoreRow, {
      where: { panelId: existing.id },
      select: { id: true, evaluatorId: true, criterionId: true },
    });
    for (const d of drafts) {
      if (!dto.evaluators.find((e) => e.userId === d.evaluatorId)?.criterionIds.includes(d.criterionId))
        await tx.delete(IndividualScoreRow, { id: d.id });
    }
  }

  async panel(user: CurrentUser, panelId: string): Promise<EvaluationPanel> {
    const state = await this.records.state(this.panels.manager, panelId);
    this.access.require(user, 'evaluation.read', this.records.teamResource(state));
    return panelView(state);
  }

  async recordHandling(
    user: CurrentUser,
    panelId: string,
    declarationId: string,
    dto: RecordConflictHandlingRequest,
  ): Promise<ConflictDeclaration> {
    return this.transactions.run(async (tx) => {
      const state = await this.managed(tx, user, panelId);
      const declaration = state.declarations.find((d) => d.id === declarationId);
      if (!declaration) throw new NotFoundError('That declaration');
      if (!declaration.conflict) throw new ConflictError('Only a declared conflict of interest needs its handling recorded.');
      const now = this.clock.now();
      await tx.update(ConflictDeclarationRow, { id: declarationId }, { handling: dto.handling, handledBy: user.id, handledAt: now });
      await this.events.emit(tx, new ConflictHandlingRecorded(actorOf(user), state.row.tenderId, panelId, declarationId, dto.handling));
      const updated = { ...declaration, handling: dto.handling, handledBy: user.id, handledAt: now };
      return declarationView({ ...state, names: new Map([...state.names, [user.id, user.name]]) }, updated);
    });
  }

  /** Fails (or restores) a pass/fail requirement of a response on the evidence; allowed until the award. */
  async recordGate(user: CurrentUser, panelId: string, responseId: string, dto: RecordGateRequest): Promise<GateResult[]> {
    return this.transactions.run(async (tx) => {
      await this.transactions.lock(tx, `evaluation-gate:${panelId}`);
      const state = await this.managed(tx, user, panelId);
      if (!state.bidders.some((b) => b.responseId === responseId)) throw new NotFoundError('That response');
      if (state.facts.tender.status === TenderStatus.Awarded)
        throw new ConflictError('The tender is awarded: its gates cannot be changed.');
      const requirement = state.lot.requirements.find((r) => r.id === dto.requirementId);
      if (requirement?.kind !== RequirementKind.Mandatory)
        throw new EvaluationRuleError('Gates are the lot’s pass/fail requirements.', [
          { field: 'requirementId', message: 'Choose one of the lot’s pass/fail requirements.' },
        ]);
      const now = this.clock.now();
      const existing = state.gateRows.find((g) => g.responseId === responseId && g.requirementId === dto.requirementId);
      const values = { passed: dto.passed, reason: dto.reason, decidedBy: user.id, decidedAt: now };
      if (existing) await tx.update(GateDecisionRow, { id: existing.id }, values);
      else await tx.insert(GateDecisionRow, { id: randomUUID(), panelId, responseId, requirementId: dto.requirementId, ...values });
      await this.events.emit(
        tx,
        new GateRecorded(actorOf(user), state.row.tenderId, panelId, responseId, dto.requirementId, dto.passed, dto.reason),
      );
      const after = await this.records.build(tx, state.row, {
        facts: state.facts,
        opened: state.opened,
        submissions: state.bidders.map((b) => b.submission),
      });
      return gateResults(after).filter((g) => g.responseId === responseId);
    });
  }

  /** "Your evaluations": the panels the caller scores on or moderates, with the next thing to do. */
  async tasks(user: CurrentUser): Promise<EvaluationTask[]> {
    this.access.require(user, 'evaluation.listTasks');
    const m = this.panels.manager;
    const rows = await m
      .createQueryBuilder(EvaluationPanelRow, 'p')
      .where('p.moderator_id = :id OR p.evaluators LIKE :pattern', { id: user.id, pattern: `%"userId":"${user.id}"%` })
      .orderBy('p.created_at', 'DESC')
      .getMany();
    const tasks: EvaluationTask[] = [];
    for (const row of rows) {
      const state = await this.records.build(m, row, await this.records.tender(m, row.tenderId));
      if (state.facts.tender.organisationId !== user.organisation.id || !state.opened) continue;
      const isEvaluator = row.evaluators.some((e) => e.userId === user.id);
      tasks.push({
        panelId: row.id,
        tenderId: row.tenderId,
        tenderReference: state.facts.tender.reference,
        tenderTitle: state.facts.tender.title,
        lotNumber: state.lot.number,
        lotTitle: state.lot.title,
        stage: stageOf(state),
        isModerator: row.moderatorId === user.id,
        isEvaluator,
        nextStep: nextStep(state, user.id),
      });
    }
    return tasks;
  }

  private async managed(tx: EntityManager, user: CurrentUser, panelId: string): Promise<PanelState> {
    const state = await this.records.state(tx, panelId);
    this.access.require(user, 'evaluation.manage', this.records.teamResource(state));
    return state;
  }
}
