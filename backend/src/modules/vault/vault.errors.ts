import { DomainError } from '../../common/errors/domain.error';

/**
 * Sealed content that does not open: altered, moved to another record, or its key is gone. Never the plaintext
 * of what was expected, and never a crash: the caller gets a 422 and the audit trail of the record stays whole.
 */
export class SealBrokenError extends DomainError {
  constructor() {
    super('unprocessable', 'This sealed content cannot be opened: it has been altered, or the key that sealed it is not available.');
  }
}

/** An attachment refused for what it is (type, name, a zip bomb…): 422 with a message the supplier can act on. */
export class AttachmentRefusedError extends DomainError {
  constructor(message: string) {
    super('unprocessable', message, [{ field: 'file', message }]);
  }
}
