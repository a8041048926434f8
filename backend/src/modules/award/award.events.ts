import { type Actor, DomainEvent } from '../../common/events/domain-events';

/** An abnormally low price investigated: the outcome and the note (re-recording is a new event; the latest counts). */
export class PriceInvestigationRecorded extends DomainEvent {
  readonly action = 'award.price-investigated';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly panelId: string,
    readonly responseId: string,
    readonly outcome: 'accepted' | 'rejected',
    readonly note: string,
  ) {
    super(actor, `evaluation-panel:${panelId}`, tenderId);
  }
  details() {
    return { panelId: this.panelId, responseId: this.responseId, outcome: this.outcome, note: this.note };
  }
}

export class AwardDecided extends DomainEvent {
  readonly action = 'award.decided';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly panelId: string,
    readonly responseId: string,
    readonly reasons: string,
    /** The chosen response was not the leader. */
    readonly departsFromRanking: boolean,
    /** The scoring library's version the ranking came from. */
    readonly scoringVersion: string,
  ) {
    super(actor, `evaluation-panel:${panelId}`, tenderId);
  }
  details() {
    return {
      panelId: this.panelId,
      responseId: this.responseId,
      reasons: this.reasons,
      departsFromRanking: this.departsFromRanking,
      scoringVersion: this.scoringVersion,
    };
  }
}

/** Drafts are not audited; the issued PDF is, by its hash. */
export class AssessmentSummaryIssued extends DomainEvent {
  readonly action = 'award.summary-issued';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly panelId: string,
    readonly responseId: string,
    readonly sha256: string,
  ) {
    super(actor, `assessment-summary:${panelId}:${responseId}`, tenderId);
  }
  details() {
    return { panelId: this.panelId, responseId: this.responseId, sha256: this.sha256 };
  }
}

export class AwardNoticePublished extends DomainEvent {
  readonly action = 'award.notice-published';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly panelId: string,
    readonly publishedAt: string,
    readonly standstillLastDay: string,
    readonly standstillEndsAt: string,
  ) {
    super(actor, `evaluation-panel:${panelId}`, tenderId);
  }
  details() {
    return {
      panelId: this.panelId,
      publishedAt: this.publishedAt,
      standstillLastDay: this.standstillLastDay,
      standstillEndsAt: this.standstillEndsAt,
    };
  }
}

export class ContractEntered extends DomainEvent {
  readonly action = 'award.contract-entered';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly panelId: string,
    readonly enteredAt: string,
  ) {
    super(actor, `evaluation-panel:${panelId}`, tenderId);
  }
  details() {
    return { panelId: this.panelId, enteredAt: this.enteredAt };
  }
}
