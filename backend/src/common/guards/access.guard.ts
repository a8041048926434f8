import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { CurrentUser } from '@openbrief/contracts';
import type { Action } from '../access/actions';
import { AccessService } from '../access/access.service';
import { ACCESS_ACTION } from '../decorators/access.decorators';
import { IS_PUBLIC } from '../decorators/auth.decorators';
import { ForbiddenError } from '../errors/domain.error';

/**
 * Global, after authentication: the route's declared action (`@Allow`) decides by role before any pipe or
 * service runs, so a refused caller gets the policy's answer (403, or 404 where the route must not reveal
 * anything) whatever they sent. Deny by default: a route that declares neither an action nor `@Public()`
 * is refused, so a route someone forgot is closed, not open.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    const action = this.reflector.getAllAndOverride<Action | undefined>(ACCESS_ACTION, targets);
    const user = context.switchToHttp().getRequest<{ user?: CurrentUser }>().user;
    if (action) {
      this.access.requireRole(user, action);
      return true;
    }
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    throw new ForbiddenError('This route declares no access rule, so it is closed.');
  }
}
