import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CriterionScores,
  type CurrentUser,
  type DeclareConflictsRequest,
  type EvaluatorResponseView,
  type EvaluatorScore,
  type EvaluatorWorkspace,
  EVALUATION_TEXT_LIMITS,
  PanelStage,
  RequirementKind,
  type SaveScoreRequest,
} from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import type { Repository } from 'typeorm';
import type { PanelBidResource } from '../../common/access/actions';
import { AccessService } from '../../common/access/access.service';
import { Clock } from '../../common/clock/clock';
import { ConflictError, NotFoundError, ValidationFailedError } from '../../common/errors/domain.error';
import { actorOf } from '../../common/events/domain-events';
import { DomainEvents } from '../../common/events/domain-events.service';
import { Transactions } from '../../database/transactions';
import { ConflictDeclarationRow, EvaluationPanelRow, IndividualScoreRow } from './entities';
import { EvaluationRuleError, StaleEvaluationError } from './evaluation.errors';
import { ConflictsDeclared, ScoresSubmitted } from './evaluation.events';
import { disqualification } from './panel-gates';
import { owedScores, qualifyingBidders, stageOf } from './panel-progress';
import { panelResourceOf, PanelRecords } from './panel-records.service';
import { assignedCriteria, bidder, conflicted, hasDeclared, isModerator, type PanelState } from './panel-state';
import { scoreView } from './panel-views';
import { splitAtWordLimit } from './word-limit';

/** The panel member's side: their workspace, conflict declarations, the responses they may read, and blind scoring. */
@Injectable()
export class ScoringService {
  constructor(
    @InjectRepository(EvaluationPanelRow) private readonly panels: Repository<EvaluationPanelRow>,
    private readonly records: PanelRecords,
    private readonly access: AccessService,
    private readonly transactions: Transactions,
    private readonly events: DomainEvents,
    private readonly clock: Clock,
  ) {}

  async workspace(user: CurrentUser, panelId: string): Promise<EvaluatorWorkspace> {
    const state = await this.records.state(this.panels.manager, panelId);
    this.access.require(user, 'panel.participate', panelResourceOf(state, user));
    return workspaceOf(state, user.id);
  }

  /** One declaration per bidder, all at once and final: a conflict removes the member from that bidder. */
  async declare(user: CurrentUser, panelId: string, dto: DeclareConflictsRequest): Promise<EvaluatorWorkspace> {
    return this.transactions.run(async (tx) => {
      await this.transactions.lock(tx, `evaluation-declare:${panelId}:${user.id}`);
      const state = await this.records.state(tx, panelId);
      this.access.require(user, 'panel.participate', panelResourceOf(state, user));
      if (state.declarations.some((d) => d.memberId === user.id))
        throw new ConflictError('You have already declared: a declaration is final. Ask the buying team if something has changed.');
      const problems = declarationProblems(state, dto);
      if (problems.length) throw new ValidationFailedError('Declare once for every bidder.', problems);
      const now = this.clock.now();
      const rows = dto.declarations.map((d) => ({
        id: randomUUID(),
        panelId,
        memberId: user.id,
        responseId: d.responseId,
        conflict: d.conflict,
        details: d.details,
        declaredAt: now,
        handling: null,
        handledBy: null,
        handledAt: null,
      }));
      await tx.insert(ConflictDeclarationRow, rows);
      await this.events.emit(
        tx,
        new ConflictsDeclared(
          actorOf(user),
          state.row.tenderId,
          panelId,
          rows.map((r) => ({ declarationId: r.id, responseId: r.responseId, conflict: r.conflict })),
        ),
      );
      return workspaceOf({ ...state, declarations: [...state.declarations, ...rows] }, user.id);
    });
  }

  /** A response as the member may read it: their criteria's answers only, blind labels, price only once moderated. */
  async response(user: CurrentUser, panelId: string, responseId: string): Promise<EvaluatorResponseView> {
    const state = await this.records.state(this.panels.manager, panelId);
    const b = bidder(state, responseId);
    const moderator = isModerator(state, user.id);
    const mine = assignedCriteria(state, user.id);
    this.access.require(user, 'bid.read', bidResource(state, user, responseId, { assigned: moderator || mine.length > 0 }));
    if (!b || (!moderator && disqualification(state, responseId))) throw new NotFoundError('That response');
    const criteria = state.scored.filter((c) => moderator || mine.includes(c.id));
    const content = b.submission.content;
    const priceShown = !state.rules.priceHiddenUntilModerated || stageOf(state) === PanelStage.Moderated;
    return {
      responseId,
      label: this.nameShown(state, responseId),
      answers: criteria.map((c) => ({
        criterionId: c.id,
        criterionName: c.name,
        wordLimit: c.wordLimit,
        ...splitAtWordLimit(content.answers.find((a) => a.criterionId === c.id)?.text ?? '', c.wordLimit),
      })),
      declarations: state.lot.requirements
        .filter((r) => r.kind === RequirementKind.Mandatory)
        .map((r) => {
          const d = content.declarations.find((x) => x.requirementId === r.id);
          return { requirementId: r.id, requirementOutcome: r.outcome, meets: d?.meets ?? null, evidence: d?.evidence ?? '' };
        }),
      price: priceShown ? { total: content.price.total, currency: content.price.currency } : null,
      scores: state.scores.filter((s) => s.evaluatorId === user.id && s.responseId === responseId).map((s) => scoreView(state, s)),
    };
  }

  /** Saves one's own draft score (If-Match: its revision, 0 for a new one); submitted scores never change here. */
  async save(
    user: CurrentUser,
    panelId: string,
    responseId: string,
    criterionId: string,
    revision: number,
    dto: SaveScoreRequest,
  ): Promise<EvaluatorScore> {
    return this.transactions.run(async (tx) => {
      await this.transactions.lock(tx, `evaluation-score:${panelId}:${user.id}`);
      const state = await this.records.state(tx, panelId);
      const existing = ownScore(state, user.id, responseId, criterionId);
      this.access.require(
        user,
        'score.write',
        bidResource(state, user, responseId, {
          assigned: assignedCriteria(state, user.id).includes(criterionId),
          submitted: !!existing?.submittedAt || criterionSubmitted(state, user.id, criterionId),
        }),
      );
      if (!state.scored.some((c) => c.id === criterionId)) throw new NotFoundError('That criterion');
      if (!bidder(state, responseId) || disqualification(state, responseId)) throw new NotFoundError('That response');
      checkScore(state, dto.score, dto.justification, false);
      const now = this.clock.now();
      if (existing) {
        if (existing.revision !== revision) throw new StaleEvaluationError('Your score', scoreView(state, existing));
        await tx.update(
          IndividualScoreRow,
          { id: existing.id },
          { score: dto.score, justification: dto.justification, revision: revision + 1, updatedAt: now },
        );
        return scoreView(state, {
          ...existing,
          score: dto.score,
          justification: dto.justification,
          revision: revision + 1,
          updatedAt: now,
        });
      }
      if (revision !== 0) throw new ConflictError('You have not scored this yet: save your first score with If-Match "0".');
      const row = {
        id: randomUUID(),
        panelId,
        responseId,
        criterionId,
        evaluatorId: user.id,
        score: dto.score,
        justification: dto.justification,
        submittedAt: null,
        revision: 1,
        updatedAt: now,
      };
      await tx.insert(IndividualScoreRow, row);
      return scoreView(state, row);
    });
  }

  /** Submits all of one's scores of a criterion at once, or none: 422 naming every response still to score. */
  async submit(user: CurrentUser, panelId: string, criterionId: string): Promise<EvaluatorWorkspace> {
    return this.transactions.run(async (tx) => {
      await this.transactions.lock(tx, `evaluation-score:${panelId}:${user.id}`);
      const state = await this.records.state(tx, panelId);
      const assigned = assignedCriteria(state, user.id).includes(criterionId);
      this.access.require(user, 'score.write', {
        ...panelResourceOf(state, user),
        declared: hasDeclared(state, user.id),
        conflicted: false,
        assigned,
        submitted: assigned && criterionSubmitted(state, user.id, criterionId),
      });
      const owed = owedScores(state).filter((i) => i.evaluatorId === user.id && i.criterionId === criterionId);
      const problems: { field: string; message: string }[] = [];
      for (const item of owed) {
        const label = this.nameShown(state, item.responseId);
        const s = ownScore(state, user.id, item.responseId, criterionId);
        if (!s) problems.push({ field: item.responseId, message: `${label}: not scored yet.` });
        else
          problems.push(
            ...checkScore(state, s.score, s.justification, true).map((message) => ({
              field: item.responseId,
              message: `${label}: ${message}`,
            })),
          );
      }
      if (problems.length) throw new EvaluationRuleError('Some of your scores for this criterion are missing or incomplete.', problems);
      const now = this.clock.now();
      const rows = owed.map((i) => ownScore(state, user.id, i.responseId, criterionId)!).filter((s) => !s.submittedAt);
      for (const s of rows) await tx.update(IndividualScoreRow, { id: s.id }, { submittedAt: now });
      await this.events.emit(
        tx,
        new ScoresSubmitted(
          actorOf(user),
          state.row.tenderId,
          panelId,
          criterionId,
          rows.map((s) => ({ responseId: s.responseId, score: s.score, justificationChars: s.justification.length })),
        ),
      );
      const submitted = new Set(rows.map((s) => s.id));
      return workspaceOf({ ...state, scores: state.scores.map((s) => (submitted.has(s.id) ? { ...s, submittedAt: now } : s)) }, user.id);
    });
  }

  /** Every submitted score of a criterion: for an evaluator, only once all of their own for it are submitted. */
  async criterionScores(user: CurrentUser, panelId: string, criterionId: string): Promise<CriterionScores> {
    const state = await this.records.state(this.panels.manager, panelId);
    const assigned = assignedCriteria(state, user.id).includes(criterionId);
    this.access.require(user, 'score.readCriterion', {
      ...panelResourceOf(state, user),
      assigned,
      submittedOwn: assigned && criterionSubmitted(state, user.id, criterionId),
    });
    const criterion = state.scored.find((c) => c.id === criterionId);
    if (!criterion) throw new NotFoundError('That criterion');
    const evaluator = state.row.evaluators.some((e) => e.userId === user.id);
    return {
      criterionId,
      criterionName: criterion.name,
      scores: state.scores
        .filter((s) => s.submittedAt && s.criterionId === criterionId && !(evaluator && conflicted(state, user.id, s.responseId)))
        .map((s) => scoreView(state, s)),
    };
  }

  private nameShown(state: PanelState, responseId: string): string {
    const b = bidder(state, responseId)!;
    return state.rules.blindMarking ? b.label : b.submission.supplierName;
  }
}

function ownScore(state: PanelState, userId: string, responseId: string, criterionId: string) {
  return state.scores.find((s) => s.evaluatorId === userId && s.responseId === responseId && s.criterionId === criterionId);
}

/** Every score the evaluator owes on the criterion is submitted (a restored gate can add one to score again). */
export function criterionSubmitted(state: PanelState, userId: string, criterionId: string): boolean {
  const owed = owedScores(state).filter((i) => i.evaluatorId === userId && i.criterionId === criterionId);
  return owed.every((i) => ownScore(state, userId, i.responseId, criterionId)?.submittedAt);
}

function bidResource(
  state: PanelState,
  user: CurrentUser,
  responseId: string,
  flags: { assigned: boolean; submitted?: boolean },
): PanelBidResource {
  return {
    ...panelResourceOf(state, user),
    declared: hasDeclared(state, user.id),
    conflicted: conflicted(state, user.id, responseId),
    assigned: flags.assigned,
    submitted: flags.submitted ?? false,
  };
}

/** Integer on the lot's scale and a justification of the published minimum: problems (or, saving, a refusal). */
function checkScore(state: PanelState, score: number, justification: string, collect: boolean): string[] {
  const problems: string[] = [];
  const min = state.rules.minJustificationChars;
  if (!Number.isInteger(score) || score < 0 || score > state.scaleMax)
    problems.push(`the score must be a whole number from 0 to ${state.scaleMax}.`);
  if (justification.trim().length < min)
    problems.push(
      `the justification must be at least ${min} characters and refer to the response (it has ${justification.trim().length}).`,
    );
  if (!collect && problems.length)
    throw new EvaluationRuleError(
      `This score cannot be saved: ${problems.join(' ')}`,
      problems.map((message) => ({ field: message.startsWith('the score') ? 'score' : 'justification', message })),
    );
  return problems;
}

function declarationProblems(state: PanelState, dto: DeclareConflictsRequest): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  const ids = dto.declarations.map((d) => d.responseId);
  dto.declarations.forEach((d, i) => {
    if (!bidder(state, d.responseId)) problems.push({ field: `declarations.${i}.responseId`, message: 'Not a bidder on this panel.' });
    if (ids.indexOf(d.responseId) !== i) problems.push({ field: `declarations.${i}.responseId`, message: 'One declaration per bidder.' });
    if (d.conflict && d.details.trim().length < EVALUATION_TEXT_LIMITS.recordedReasonMin)
      problems.push({ field: `declarations.${i}.details`, message: 'Say what the conflict is, in at least 10 characters.' });
  });
  for (const b of state.bidders.filter((x) => !ids.includes(x.responseId)))
    problems.push({ field: 'declarations', message: `Declare for ${b.submission.supplierName} too.` });
  return problems;
}

/** The member's page: bidders to declare against (by name) until declared, then their criteria and responses by label. */
export function workspaceOf(state: PanelState, userId: string): EvaluatorWorkspace {
  const declared = hasDeclared(state, userId);
  const mine = assignedCriteria(state, userId);
  const moderator = isModerator(state, userId);
  const model = state.lot.evaluationModel;
  return {
    panelId: state.row.id,
    tenderReference: state.facts.tender.reference,
    tenderTitle: state.facts.tender.title,
    lotNumber: state.lot.number,
    lotTitle: state.lot.title,
    stage: stageOf(state),
    toDeclare: declared
      ? []
      : state.bidders.map((b) => ({ responseId: b.responseId, supplierName: b.submission.supplierName, label: b.label })),
    declared,
    scale: model.scale,
    descriptors: model.descriptors,
    minJustificationChars: state.rules.minJustificationChars,
    blindMarking: state.rules.blindMarking,
    criteria: state.scored
      .filter((c) => mine.includes(c.id))
      .map((c) => ({
        id: c.id,
        name: c.name,
        type: c.type,
        description: c.description,
        wordLimit: c.wordLimit,
        submitted: declared && criterionSubmitted(state, userId, c.id),
      })),
    responses: !declared
      ? []
      : qualifyingBidders(state)
          .filter((b) => !conflicted(state, userId, b.responseId) && (moderator || mine.length > 0))
          .map((b) => ({
            responseId: b.responseId,
            label: state.rules.blindMarking ? b.label : b.submission.supplierName,
            scored: state.scores.filter((s) => s.evaluatorId === userId && s.responseId === b.responseId && mine.includes(s.criterionId))
              .length,
            toScore: mine.length,
          })),
  };
}
