import { ConflictError, DomainError, RetryLaterError, ValidationFailedError } from '../../../common/errors/domain.error';

export class WrongCredentialsError extends DomainError {
  constructor() {
    super('unauthenticated', 'The e-mail or password is not right.');
  }
}

export class TooManySignInAttemptsError extends RetryLaterError {
  constructor(retryAfterSeconds: number) {
    super(`Too many attempts. Please wait ${waitText(retryAfterSeconds)} and try again.`, retryAfterSeconds);
  }
}

/** More passwords to check at once than the server will queue: a 4xx, so clients back off rather than retry at once. */
export class PasswordChecksBusyError extends RetryLaterError {
  constructor(retryAfterSeconds: number) {
    super('We are checking a lot of passwords right now. Please try again in a few seconds.', retryAfterSeconds);
  }
}

export class WeakPasswordError extends ValidationFailedError {
  constructor(field: string, message: string) {
    super(message, [{ field, message }]);
  }
}

export class WrongCurrentPasswordError extends ValidationFailedError {
  constructor() {
    super('Your current password is not right.', [{ field: 'currentPassword', message: 'Your current password is not right.' }]);
  }
}

/** Told only to whoever holds the invitation link, which is sent to the owner of the address. */
export class InvitationForExistingAccountError extends ConflictError {
  constructor() {
    super(
      'There is already an Openbrief account for this e-mail address, and an address can hold only one account. ' +
        'Sign in with that account, or ask the person who invited you to invite a different address.',
    );
  }
}

export class InvitationUnusableError extends DomainError {
  constructor(reason: 'expired' | 'used') {
    super(
      'gone',
      reason === 'expired'
        ? 'This invitation has expired. Ask the person who invited you to send a new one.'
        : 'This invitation has already been used. Sign in with the account it created.',
    );
  }
}

function waitText(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? '' : 's'}`;
}

/**
 * Each kind of organisation invites its own kind of people: a supplier cannot bring a buyer in, nor a buyer a
 * supplier. 403: the request is well formed, but the inviter's role may not hand out that role.
 */
export class RoleNotInvitableError extends DomainError {
  constructor(allowed: readonly string[]) {
    const message = allowed.length
      ? `You can invite people only as ${allowed.join(' or ')} into your organisation.`
      : 'Your role cannot invite people.';
    super('forbidden', message, [{ field: 'role', message }]);
  }
}
