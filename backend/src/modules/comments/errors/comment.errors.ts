import { ConflictError, ValidationFailedError } from '../../../common/errors/domain.error';

export class ThreadAlreadyResolvedError extends ConflictError {
  constructor(by: string | null) {
    super(`This thread has already been resolved${by ? ` by ${by}` : ''}.`);
  }
}

export class ThreadAlreadyOpenError extends ConflictError {
  constructor() {
    super('This thread is already open.');
  }
}

export class ThreadResolvedError extends ConflictError {
  constructor() {
    super('This thread has been resolved. Reopen it to reply.');
  }
}

export class UnknownRequirementError extends ValidationFailedError {
  constructor() {
    super(
      'That requirement is not in this tender. It may have been deleted, or not saved yet: wait for your changes to save, then try again.',
      [{ field: 'anchor.requirementId', message: 'Choose a requirement of this tender.' }],
    );
  }
}
