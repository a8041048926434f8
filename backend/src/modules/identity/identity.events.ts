import { type Actor, DomainEvent } from '../../common/events/domain-events';

/*
 * Changes to accounts and organisations. None belongs to a tender (tenderId null), and none carries the new
 * values: the audit chain is kept for years and must not become a copy of people's names and addresses, so
 * each names the fields that changed.
 */

export class ProfileChanged extends DomainEvent {
  readonly action = 'account.profile-changed';
  constructor(
    actor: Actor,
    userId: string,
    readonly changedFields: string[],
  ) {
    super(actor, `user:${userId}`, null);
  }
  details() {
    return { changedFields: this.changedFields };
  }
}

export class PasswordChanged extends DomainEvent {
  readonly action = 'account.password-changed';
  constructor(actor: Actor, userId: string) {
    super(actor, `user:${userId}`, null);
  }
  details() {
    return { otherSessionsEnded: true };
  }
}

export class OrganisationDetailsChanged extends DomainEvent {
  readonly action = 'organisation.details-changed';
  constructor(
    actor: Actor,
    organisationId: string,
    readonly changedFields: string[],
  ) {
    super(actor, `organisation:${organisationId}`, null);
  }
  details() {
    return { changedFields: this.changedFields };
  }
}
