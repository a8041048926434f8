import { Injectable } from '@nestjs/common';
import type { CurrentUser, TenderDetail } from '@openbrief/contracts';
import type { Action, ResourceArgs, TenderResource } from './actions';
import { refusal } from './access-policy';

/**
 * The one place that decides access (rules in access-policy.ts). Routes declare their action with
 * `@Allow(...)`, which `AccessGuard` checks before anything is loaded (the role); services then call
 * `require` with the record they loaded (whose it is, its status, who is mentioned in it).
 * `null` as the user means nobody is signed in.
 */
@Injectable()
export class AccessService {
  /** Throws the refusal (401, 403, 404 or 409, as a DomainError) unless `user` may do `action`. */
  require<A extends Action>(user: CurrentUser | null | undefined, action: A, ...resource: ResourceArgs<A>): void {
    const refused = refusal(user, action, resource[0]);
    if (refused) throw refused;
  }

  can<A extends Action>(user: CurrentUser | null | undefined, action: A, ...resource: ResourceArgs<A>): boolean {
    return refusal(user, action, resource[0]) === null;
  }

  /** The part of the rule a route can apply before loading anything: is the user's role one that may? */
  requireRole(user: CurrentUser | null | undefined, action: Action): void {
    const refused = refusal(user, action);
    if (refused) throw refused;
  }
}

/** A tender as the API answers it, as the policy reads it. */
export function tenderResource(tender: Pick<TenderDetail, 'buyer' | 'status'>): TenderResource {
  return { organisationId: tender.buyer.id, status: tender.status };
}
