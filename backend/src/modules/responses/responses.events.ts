import { type Actor, DomainEvent } from '../../common/events/domain-events';

/**
 * The responses module's events. Sealing: until the opening, an event about a response must not let the
 * buying team learn who is bidding, so every one of them has `tenderId = null` (the tender's audit trail lists
 * events by tender) and its details hold ids, numbers and hashes only, never content or a supplier's name.
 * The actor's own organisation sees its people's actions; nobody else reads them before the opening.
 */
abstract class ResponseEvent extends DomainEvent {
  constructor(actor: Actor, responseId: string) {
    super(actor, `response:${responseId}`, null);
  }
}

export class ResponseStarted extends ResponseEvent {
  readonly action = 'response.started';
  details() {
    return {};
  }
}

/** Every save is recorded (revision only), so the audit log shows each change without its content. */
export class ResponseSaved extends ResponseEvent {
  readonly action = 'response.saved';
  constructor(
    actor: Actor,
    responseId: string,
    readonly revision: number,
  ) {
    super(actor, responseId);
  }
  details() {
    return { revision: this.revision };
  }
}

export class ResponseAttachmentAdded extends ResponseEvent {
  readonly action = 'response.attachment-added';
  constructor(
    actor: Actor,
    responseId: string,
    readonly attachmentId: string,
  ) {
    super(actor, responseId);
  }
  details() {
    return { attachmentId: this.attachmentId };
  }
}

export class ResponseAttachmentRemoved extends ResponseEvent {
  readonly action = 'response.attachment-removed';
  constructor(
    actor: Actor,
    responseId: string,
    readonly attachmentId: string,
  ) {
    super(actor, responseId);
  }
  details() {
    return { attachmentId: this.attachmentId };
  }
}

export class ResponseSubmitted extends ResponseEvent {
  readonly action = 'response.submitted';
  constructor(
    actor: Actor,
    responseId: string,
    readonly submissionId: string,
    readonly sequence: number,
    readonly sha256: string,
  ) {
    super(actor, responseId);
  }
  details() {
    return { submissionId: this.submissionId, sequence: this.sequence, sha256: this.sha256 };
  }
}

export class ResponseWithdrawn extends ResponseEvent {
  readonly action = 'response.withdrawn';
  constructor(
    actor: Actor,
    responseId: string,
    readonly submissionId: string,
  ) {
    super(actor, responseId);
  }
  details() {
    return { submissionId: this.submissionId };
  }
}

export class ResponseChangesConfirmed extends ResponseEvent {
  readonly action = 'response.changes-confirmed';
  constructor(
    actor: Actor,
    responseId: string,
    readonly fromVersion: number,
    readonly toVersion: number,
  ) {
    super(actor, responseId);
  }
  details() {
    return { fromVersion: this.fromVersion, toVersion: this.toVersion };
  }
}

/** The buying team's own steps: about the tender, so in its trail; they say nothing of who responded. */
export class ResponsesOpeningRequested extends DomainEvent {
  readonly action = 'responses.opening-requested';
  constructor(actor: Actor, tenderId: string) {
    super(actor, `tender:${tenderId}`, tenderId);
  }
  details() {
    return { twoPersonOpening: true };
  }
}

/** The opening: who, when (the entry's time), and the hash of each counted response, equal to its receipt's. */
export class ResponsesOpened extends DomainEvent {
  readonly action = 'responses.opened';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly requestedBy: string,
    readonly confirmedBy: string | null,
    readonly responses: { responseId: string; submissionId: string; sha256: string }[],
  ) {
    super(actor, `tender:${tenderId}`, tenderId);
  }
  details() {
    return { requestedBy: this.requestedBy, confirmedBy: this.confirmedBy, count: this.responses.length, responses: this.responses };
  }
}
