import type { EngagementFeedbackKind } from '@openbrief/contracts';
import { type Actor, DomainEvent } from '../../common/events/domain-events';

/**
 * Market engagement happens before the tender, so every event names its tender: the buying team's audit trail
 * reads it. Texts stay in their rows; events carry ids, numbers and the supplier's name (the trail is the buying
 * team's alone, and they see names beside the feedback anyway).
 */
export class EngagementPublished extends DomainEvent {
  readonly action = 'engagement.published';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly engagementId: string,
    readonly outcomes: number,
    readonly feedbackCloses: string,
    readonly hasEvent: boolean,
  ) {
    super(actor, `engagement:${engagementId}`, tenderId);
  }
  details() {
    return { outcomes: this.outcomes, feedbackCloses: this.feedbackCloses, hasEvent: this.hasEvent };
  }
}

export class EngagementClosed extends DomainEvent {
  readonly action = 'engagement.closed';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly engagementId: string,
    readonly feedback: number,
  ) {
    super(actor, `engagement:${engagementId}`, tenderId);
  }
  details() {
    return { feedback: this.feedback };
  }
}

export class EngagementFeedbackGiven extends DomainEvent {
  readonly action = 'engagement.feedback-given';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly feedbackId: string,
    readonly kind: EngagementFeedbackKind,
    readonly requirementNumber: string,
    readonly supplierName: string,
  ) {
    super(actor, `engagement-feedback:${feedbackId}`, tenderId);
  }
  details() {
    return { kind: this.kind, requirementNumber: this.requirementNumber, supplierName: this.supplierName };
  }
}

/** "Priya Shah adopted Acme Ltd's suggestion for requirement 1.3": the credit stays in the trail, never in public. */
export class EngagementFeedbackAdopted extends DomainEvent {
  readonly action = 'engagement.feedback-adopted';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly feedbackId: string,
    readonly kind: EngagementFeedbackKind,
    readonly requirementNumber: string,
    readonly supplierName: string,
  ) {
    super(actor, `engagement-feedback:${feedbackId}`, tenderId);
  }
  details() {
    return { kind: this.kind, requirementNumber: this.requirementNumber, supplierName: this.supplierName };
  }
}

export class EngagementRegistered extends DomainEvent {
  readonly action = 'engagement.registered';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly registrationId: string,
    readonly attendees: number,
    readonly supplierName: string,
  ) {
    super(actor, `engagement-registration:${registrationId}`, tenderId);
  }
  details() {
    return { attendees: this.attendees, supplierName: this.supplierName };
  }
}

export class EngagementRegistrationWithdrawn extends DomainEvent {
  readonly action = 'engagement.registration-withdrawn';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly registrationId: string,
    readonly supplierName: string,
  ) {
    super(actor, `engagement-registration:${registrationId}`, tenderId);
  }
  details() {
    return { supplierName: this.supplierName };
  }
}
