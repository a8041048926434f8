import { type Actor, DomainEvent } from '../../common/events/domain-events';

/**
 * The audit trail of an evaluation: who sits on the panel, what each member declared and how conflicts were
 * handled, gates, submitted scores and consensus scores. Drafts are not events. Texts stay in their rows; the
 * chain records ids, scores and sizes.
 */
export class PanelFormed extends DomainEvent {
  readonly action = 'evaluation.panel-formed';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly panelId: string,
    readonly lotId: string,
    readonly revision: number,
    readonly moderatorId: string,
    readonly evaluators: { userId: string; criterionIds: string[] }[],
  ) {
    super(actor, `evaluation-panel:${panelId}`, tenderId);
  }
  details() {
    return { lotId: this.lotId, revision: this.revision, moderatorId: this.moderatorId, evaluators: this.evaluators };
  }
}

export class ConflictsDeclared extends DomainEvent {
  readonly action = 'evaluation.conflicts-declared';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly panelId: string,
    readonly declarations: { declarationId: string; responseId: string; conflict: boolean }[],
  ) {
    super(actor, `evaluation-panel:${panelId}`, tenderId);
  }
  details() {
    return { declarations: this.declarations };
  }
}

export class ConflictHandlingRecorded extends DomainEvent {
  readonly action = 'evaluation.conflict-handled';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly panelId: string,
    readonly declarationId: string,
    readonly handling: string,
  ) {
    super(actor, `conflict-declaration:${declarationId}`, tenderId);
  }
  details() {
    return { panelId: this.panelId, handling: this.handling };
  }
}

export class GateRecorded extends DomainEvent {
  readonly action = 'evaluation.gate-recorded';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly panelId: string,
    readonly responseId: string,
    readonly requirementId: string,
    readonly passed: boolean,
    readonly reason: string,
  ) {
    super(actor, `evaluation-panel:${panelId}`, tenderId);
  }
  details() {
    return { responseId: this.responseId, requirementId: this.requirementId, passed: this.passed, reason: this.reason };
  }
}

/** One evaluator's scores of one criterion, submitted together: from now on they change only through moderation. */
export class ScoresSubmitted extends DomainEvent {
  readonly action = 'evaluation.scores-submitted';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly panelId: string,
    readonly criterionId: string,
    readonly scores: { responseId: string; score: number; justificationChars: number }[],
  ) {
    super(actor, `evaluation-panel:${panelId}`, tenderId);
  }
  details() {
    return { criterionId: this.criterionId, scores: this.scores };
  }
}

/** A consensus score (or a revised one: the earlier stays here, in the chain). */
export class ConsensusRecorded extends DomainEvent {
  readonly action = 'evaluation.consensus-recorded';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly panelId: string,
    readonly responseId: string,
    readonly criterionId: string,
    readonly score: number,
    readonly note: string,
    readonly previous: number | null,
  ) {
    super(actor, `evaluation-panel:${panelId}`, tenderId);
  }
  details() {
    return { responseId: this.responseId, criterionId: this.criterionId, score: this.score, note: this.note, previous: this.previous };
  }
}
