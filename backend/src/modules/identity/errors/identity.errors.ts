import { ConflictError, DomainError } from '../../../common/errors/domain.error';

export class WrongCredentialsError extends DomainError {
  constructor() {
    super('unauthenticated', 'The e-mail or password is not right.');
  }
}

export class EmailTakenError extends ConflictError {
  constructor() {
    super('There is already an account for that e-mail address. Sign in instead, or use another address.');
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
