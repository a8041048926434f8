import { ConflictError, DomainError, type DomainErrorDetail } from '../../common/errors/domain.error';

/** A request that is well formed but breaks an evaluation rule (422), with what to put right. */
export class EvaluationRuleError extends DomainError {
  constructor(message: string, details?: DomainErrorDetail[]) {
    super('unprocessable', message, details);
  }
}

/** A change based on an out-of-date revision: the current state comes with the refusal. */
export class StaleEvaluationError extends ConflictError {
  constructor(what: string, current: unknown) {
    super(`${what} was changed since you read it: here it is as it is now.`, { current });
  }
}
