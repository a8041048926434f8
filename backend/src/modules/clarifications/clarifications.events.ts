import { type Actor, DomainEvent } from '../../common/events/domain-events';

/**
 * Sealed: who is interested in a tender is not the buying team's to know before the deadline, so interest
 * events carry no tender id (the tender's audit trail lists events by it) and nothing but the row's id.
 */
export class InterestRegistered extends DomainEvent {
  readonly action = 'interest.registered';
  constructor(actor: Actor, interestId: string) {
    super(actor, `tender-interest:${interestId}`, null);
  }
  details() {
    return {};
  }
}

export class InterestWithdrawn extends DomainEvent {
  readonly action = 'interest.withdrawn';
  constructor(actor: Actor, interestId: string) {
    super(actor, `tender-interest:${interestId}`, null);
  }
  details() {
    return {};
  }
}

/** A question asked: its id and size, not its text (the text is in the question row; the chain is kept for years). */
export class QuestionAsked extends DomainEvent {
  readonly action = 'question.asked';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly questionId: string,
    readonly words: number,
  ) {
    super(actor, `clarification-question:${questionId}`, tenderId);
  }
  details() {
    return { questionId: this.questionId, words: this.words };
  }
}

export class AnswerDrafted extends DomainEvent {
  readonly action = 'question.answer-drafted';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly questionId: string,
    readonly revision: number,
  ) {
    super(actor, `clarification-question:${questionId}`, tenderId);
  }
  details() {
    return { questionId: this.questionId, revision: this.revision };
  }
}

/** Public: published to everyone as number `number`. Private: to the asker only, and the reason is recorded. */
export class AnswerPublished extends DomainEvent {
  readonly action = 'question.answered';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly questionId: string,
    readonly visibility: 'public' | 'private',
    readonly number: number | null,
    readonly privateReason: string | null,
  ) {
    super(actor, `clarification-question:${questionId}`, tenderId);
  }
  details() {
    return { questionId: this.questionId, visibility: this.visibility, number: this.number, privateReason: this.privateReason };
  }
}
