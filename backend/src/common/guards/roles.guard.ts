import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@openbrief/contracts';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError } from '../errors/domain.error';
import { ROLES } from '../decorators/auth.decorators';

/** Global: enforces @Roles(...) after authentication. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, [context.getHandler(), context.getClass()]);
    if (!roles?.length) return true;
    const user = context.switchToHttp().getRequest<FastifyRequest>().user;
    if (!user || !roles.includes(user.role)) {
      throw new ForbiddenError('Your role does not allow this. Ask an administrator in your organisation.');
    }
    return true;
  }
}
