import { applyDecorators, CanActivate, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { TooManySignInAttemptsError } from './errors/identity.errors';
import { accountKey, type SignInAttempt, SignInLimiter } from './sign-in-limiter';

/** Whose account an attempt counts against: the e-mail in the body, the signed-in user, or none (address only). */
export type AttemptAccount = 'body-email' | 'session' | 'none';

const ATTEMPT_ACCOUNT = 'openbrief:attempt-account';

/** Request property holding the admitted attempt, for the handler to settle on success. */
const ATTEMPT = Symbol('sign-in-attempt');

/**
 * Limits password guessing on a route: per client address always, per account as chosen. Runs before
 * body validation, so malformed attempts count too, and before any password is hashed.
 */
export const PasswordAttempts = (account: AttemptAccount) =>
  applyDecorators(SetMetadata(ATTEMPT_ACCOUNT, account), UseGuards(SignInThrottlerGuard));

@Injectable()
export class SignInThrottlerGuard implements CanActivate {
  constructor(
    private readonly limiter: SignInLimiter,
    private readonly reflector: Reflector,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const kind = this.reflector.get<AttemptAccount>(ATTEMPT_ACCOUNT, context.getHandler()) ?? 'body-email';
    const account =
      kind === 'body-email'
        ? accountKey((req.body as { email?: unknown } | undefined)?.email)
        : kind === 'session'
          ? accountKey(req.user?.email)
          : null;
    // `req.ip` honours TRUST_PROXY (Fastify's trustProxy), so behind a trusted proxy this is the client's address.
    const admission = this.limiter.admit(req.ip || 'unknown', account);
    if (!admission.admitted) throw new TooManySignInAttemptsError(admission.retryAfterSeconds);
    (req as unknown as Record<symbol, SignInAttempt>)[ATTEMPT] = admission.attempt;
    return true;
  }
}

/** The attempt the guard admitted for this request, if any. */
export function attemptOf(req: FastifyRequest): SignInAttempt | undefined {
  return (req as unknown as Record<symbol, SignInAttempt | undefined>)[ATTEMPT];
}
