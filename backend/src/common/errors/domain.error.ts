/**
 * Services throw these instead of HTTP exceptions, so domain code stays transport-free.
 * The global filter maps each kind to a status code.
 */
export type DomainErrorKind =
  'bad-request' | 'unauthenticated' | 'forbidden' | 'not-found' | 'conflict' | 'gone' | 'unprocessable' | 'too-many-requests';

export interface DomainErrorDetail {
  field?: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly details?: DomainErrorDetail[],
    /** Extra body fields, e.g. the current state of a record on a version conflict. */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('not-found', `${what} was not found.`);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, extra?: Record<string, unknown>) {
    super('conflict', message, undefined, extra);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You do not have permission to do that.') {
    super('forbidden', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Please sign in to continue.') {
    super('unauthenticated', message);
  }
}

/**
 * A refusal that knows when to come back (throttles, busy queues): 429 with a `Retry-After` header, set by
 * the global filter, so clients wait rather than hammer. A 4xx even when the server is the busy one: a client
 * that backs off on 429 does the right thing, and nothing a caller sends should be answered 5xx.
 */
export class RetryLaterError extends DomainError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('too-many-requests', message);
  }
}

export class ValidationFailedError extends DomainError {
  constructor(message: string, details?: DomainErrorDetail[]) {
    super('bad-request', message, details);
  }
}
