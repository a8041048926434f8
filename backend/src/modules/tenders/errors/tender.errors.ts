import type { PublishBlocker, TenderDetail, TenderStatus } from '@openbrief/contracts';
import { ConflictError, DomainError } from '../../../common/errors/domain.error';

/** Someone saved since the caller read: 409, with the current state so the client can merge. */
export class StaleRevisionError extends ConflictError {
  constructor(current: TenderDetail) {
    super(
      `Someone else saved this tender since you opened it (it is now at revision ${current.revision}). Your changes were not saved: review theirs, then save again.`,
      { current },
    );
  }
}

export class PublishBlockedError extends DomainError {
  constructor(blockers: PublishBlocker[]) {
    super(
      'unprocessable',
      blockers.length === 1
        ? `This tender cannot be published yet: ${blockers[0].message}`
        : `This tender cannot be published yet: ${blockers.length} things need fixing.`,
      blockers.map((b) => ({ field: b.path, message: b.message })),
      { blockers },
    );
  }
}

export class TransitionNotAllowedError extends ConflictError {
  constructor(from: TenderStatus, to: TenderStatus, why?: string) {
    super(why ?? `A tender cannot go from ${from.replace('_', ' ')} to ${to.replace('_', ' ')}.`);
  }
}
