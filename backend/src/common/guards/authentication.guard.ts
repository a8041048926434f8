import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { CUSTOM_ROUTE_ARGS_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Reflector } from '@nestjs/core';
import { SESSION_COOKIE } from '@openbrief/contracts';
import type { FastifyRequest } from 'fastify';
import { isOpenToAnyone } from '../access/access-policy';
import type { Action } from '../access/actions';
import { ACCESS_ACTION } from '../decorators/access.decorators';
import { UnauthenticatedError } from '../errors/domain.error';
import { IS_PUBLIC } from '../decorators/auth.decorators';
import { SessionService } from '../../modules/identity/session.service';

/**
 * Global: every route needs a valid session cookie unless marked @Public(). A public route whose action is
 * open to anyone and whose handler reads nothing of the caller (no custom parameter such as @CurrentUser(),
 * no @Req()) does not look the session up at all: its answer is the same for everyone, and a signed-in
 * visitor costs no more than an anonymous one. Public routes that personalise (`/auth/session`) still see theirs.
 */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  /** Per handler: whether it needs to know who is calling (worked out once). */
  private readonly needsUser = new WeakMap<object, boolean>();

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic && !this.readsUser(context)) return true;
    const token: unknown = req.cookies[SESSION_COOKIE];
    if (typeof token === 'string' && token) {
      req.user = (await this.sessions.resolve(token)) ?? undefined;
    }
    if (!isPublic && !req.user) {
      throw new UnauthenticatedError(token ? 'Your session has ended. Please sign in again.' : 'Please sign in to continue.');
    }
    return true;
  }

  /** A public route reads the user unless its action is open to anyone and its handler takes nothing that could carry the user. */
  private readsUser(context: ExecutionContext): boolean {
    const handler = context.getHandler();
    let needs = this.needsUser.get(handler);
    if (needs === undefined) {
      const action = this.reflector.getAllAndOverride<Action | undefined>(ACCESS_ACTION, [handler, context.getClass()]);
      needs = !action || !isOpenToAnyone(action) || takesCaller(context.getClass(), handler.name);
      this.needsUser.set(handler, needs);
    }
    return needs;
  }
}

/** Whether the handler has a custom parameter (@CurrentUser() is one) or the raw request, either of which may read `req.user`. */
function takesCaller(controller: object, method: string): boolean {
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, unknown>;
  return Object.keys(args).some((key) => key.includes(CUSTOM_ROUTE_ARGS_METADATA) || key.split(':')[0] === String(RouteParamtypes.REQUEST));
}
