import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { CurrentUser } from '@openbrief/contracts';
import type { FastifyRequest } from 'fastify';
import { NotFoundError } from '../errors/domain.error';

/**
 * For routes with an `:organisationId` parameter: only members of that organisation pass.
 * Answers 404, not 403, so that outsiders cannot learn which organisations exist.
 */
@Injectable()
export class OrganisationMemberGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const organisationId = (req.params as Record<string, string | undefined>)['organisationId'];
    if (!organisationId || !req.user || req.user.organisation.id !== organisationId) {
      throw new NotFoundError('That organisation');
    }
    return true;
  }
}

/** The same rule for services that load a record first: someone else's record is "not found". */
export function assertSameOrganisation(user: CurrentUser, organisationId: string, what: string): void {
  if (user.organisation.id !== organisationId) throw new NotFoundError(what);
}
