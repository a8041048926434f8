import type { CurrentUser } from '@openbrief/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Typed domain events. The module that owns a change emits its event inside the transaction that makes
 * the change (`DomainEvents.emit(tx, event)`); subscribers choose when they hear it:
 *
 * - `@OnEvent(inTransaction(TenderSaved), { suppressErrors: false })` runs inside that transaction, with
 *   `event.tx`, and its failure rolls the change back (the audit log appends this way, so a change and its
 *   audit entry are written together or not at all);
 * - `@OnEvent(afterCommit(TenderSaved))` runs once the transaction has committed; its failure is logged and
 *   never undoes or fails the change (collaboration updates the live document this way).
 *
 * Every event says who acted, what it is about and which tender (if any), in the words the audit trail uses.
 */

/** Who made a change: a signed-in person, or the system (a scheduled job, the demo seed). */
export interface Actor {
  userId: string | null;
  name: string;
  organisationId: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, name: 'Openbrief', organisationId: null };

/** A signed-in person as the actor of the change they make. */
export const actorOf = (user: CurrentUser): Actor => ({ userId: user.id, name: user.name, organisationId: user.organisation.id });

export abstract class DomainEvent {
  /** Stable name, also the audit log's `action` (e.g. "tender.saved"). */
  abstract readonly action: string;
  /** The transaction the change is written in; set by DomainEvents.emit. */
  tx!: EntityManager;
  readonly occurredAt = new Date();
  constructor(
    readonly actor: Actor,
    /** The thing changed, as "kind:id" (e.g. "tender:…", "comment-thread:…", "user:…"). */
    readonly subject: string,
    /** The tender it belongs to, if any (the buyer's audit trail lists a tender's events). */
    readonly tenderId: string | null,
  ) {}
  /** What changed, as plain JSON: hashed into the audit chain and shown in words in the trail. */
  abstract details(): Record<string, unknown>;
}

export class TenderCreated extends DomainEvent {
  readonly action = 'tender.created';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly reference: string,
    readonly title: string,
  ) {
    super(actor, `tender:${tenderId}`, tenderId);
  }
  details() {
    return { reference: this.reference, title: this.title };
  }
}

/** A save through the REST API (`source: 'rest'`) or a projection of live edits (`source: 'live'`): one per revision, never per keystroke. */
export class TenderSaved extends DomainEvent {
  readonly action = 'tender.saved';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly revision: number,
    readonly source: 'rest' | 'live',
    readonly changedFields: string[],
    /** The content as saved (for subscribers that mirror it, e.g. the live document). Not audited whole. */
    readonly content: unknown,
  ) {
    super(actor, `tender:${tenderId}`, tenderId);
  }
  details() {
    return { revision: this.revision, source: this.source, changedFields: this.changedFields };
  }
}

export class TenderStatusChanged extends DomainEvent {
  readonly action = 'tender.status-changed';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly from: string,
    readonly to: string,
    readonly reason: string | null,
  ) {
    super(actor, `tender:${tenderId}`, tenderId);
  }
  details() {
    return { from: this.from, to: this.to, reason: this.reason };
  }
}

export class TenderPublished extends DomainEvent {
  readonly action = 'tender.published';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly version: number,
    readonly changeNote: string | null,
    /** SHA-256 of the published record (the pack is made after commit and audited as tender.pack-made). */
    readonly recordSha256: string,
  ) {
    super(actor, `tender:${tenderId}`, tenderId);
  }
  details() {
    return { version: this.version, changeNote: this.changeNote, recordSha256: this.recordSha256 };
  }
}

export class TenderPackMade extends DomainEvent {
  readonly action = 'tender.pack-made';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly version: number,
    readonly packSha256: string,
  ) {
    super(actor, `tender:${tenderId}`, tenderId);
  }
  details() {
    return { version: this.version, packSha256: this.packSha256 };
  }
}

export class CommentResolved extends DomainEvent {
  readonly action = 'comment.resolved';
  constructor(
    actor: Actor,
    tenderId: string,
    readonly threadId: string,
  ) {
    super(actor, `comment-thread:${threadId}`, tenderId);
  }
  details() {
    return { threadId: this.threadId };
  }
}

export class InvitationSent extends DomainEvent {
  readonly action = 'invitation.sent';
  constructor(
    actor: Actor,
    invitationId: string,
    readonly role: string,
    readonly emailDomain: string,
  ) {
    super(actor, `invitation:${invitationId}`, null);
  }
  details() {
    // The domain, not the address: the chain is kept for years and must not be a list of personal data.
    return { role: this.role, emailDomain: this.emailDomain };
  }
}

export class InvitationAccepted extends DomainEvent {
  readonly action = 'invitation.accepted';
  constructor(
    actor: Actor,
    invitationId: string,
    readonly userId: string,
    readonly role: string,
  ) {
    super(actor, `invitation:${invitationId}`, null);
  }
  details() {
    return { userId: this.userId, role: this.role };
  }
}

export class RoleChanged extends DomainEvent {
  readonly action = 'user.role-changed';
  constructor(
    actor: Actor,
    userId: string,
    readonly from: string | null,
    readonly to: string,
  ) {
    super(actor, `user:${userId}`, null);
  }
  details() {
    return { from: this.from, to: this.to };
  }
}

export class SignInFailed extends DomainEvent {
  readonly action = 'identity.sign-in-failed';
  constructor(
    readonly userId: string | null,
    readonly reason: 'wrong-password' | 'unknown-account' | 'throttled',
  ) {
    super(SYSTEM_ACTOR, userId ? `user:${userId}` : 'user:unknown', null);
  }
  details() {
    return { reason: this.reason };
  }
}

type EventClass = abstract new (...args: never[]) => DomainEvent;

/** The event name an in-transaction subscriber listens on. */
export const inTransaction = (type: EventClass): string => `in-transaction.${type.name}`;
/** The event name an after-commit subscriber listens on. */
export const afterCommit = (type: EventClass): string => `after-commit.${type.name}`;
/** Every event, in its transaction (the audit log). */
export const EVERY_EVENT_IN_TRANSACTION = 'in-transaction.*';
