import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SESSION_COOKIE } from '@openbrief/contracts';
import type { FastifyRequest } from 'fastify';
import { UnauthenticatedError } from '../errors/domain.error';
import { IS_PUBLIC } from '../decorators/auth.decorators';
import { SessionService } from '../../modules/identity/session.service';

/** Global: every route needs a valid session cookie unless marked @Public(). */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const token: unknown = req.cookies[SESSION_COOKIE];
    if (typeof token === 'string' && token) {
      req.user = (await this.sessions.resolve(token)) ?? undefined;
    }
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (!isPublic && !req.user) {
      throw new UnauthenticatedError(token ? 'Your session has ended. Please sign in again.' : 'Please sign in to continue.');
    }
    return true;
  }
}
