import { ConflictError, DomainError } from '../../../common/errors/domain.error';
import type { QueuedQuestion } from '@openbrief/contracts';

/** Someone changed the answer since the caller read it: 409 with the question as it is now, as tenders do. */
export class StaleQuestionRevisionError extends ConflictError {
  constructor(current: QueuedQuestion) {
    super(
      `Someone else changed this answer since you opened it (it is now at revision ${current.revision}). Your draft was not saved: review theirs, then save again.`,
      { current },
    );
  }
}

export class AlreadyAnsweredError extends ConflictError {
  constructor() {
    super('This question has already been answered. A published answer cannot be changed: answer a new question if more needs saying.');
  }
}

export class PrivateReasonRequiredError extends DomainError {
  constructor() {
    super(
      'unprocessable',
      'Say why this answer is private. Answers are published to every supplier unless the question is commercially sensitive.',
      [{ field: 'privateReason', message: 'Give the reason the question is commercially sensitive.' }],
    );
  }
}

export class TooManyQuestionsError extends DomainError {
  constructor(limit: number) {
    super(
      'unprocessable',
      `Your organisation has already asked ${limit} questions about this tender, the most one organisation can ask. Read the published answers, or contact the buyer.`,
    );
  }
}
