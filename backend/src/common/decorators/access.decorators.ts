import { SetMetadata } from '@nestjs/common';
import type { Action } from '../access/actions';

export const ACCESS_ACTION = 'openbrief:access-action';

/**
 * The action the route performs, from the access policy (common/access/access-policy.ts). `AccessGuard`
 * checks the user's role against it before anything is loaded; the service then enforces the whole rule
 * with the record loaded. A route declares either this or `@Public()` (a public route with an action
 * declares both); a route with neither is refused, and `access-routes.spec.ts` fails on it.
 */
export const Allow = (action: Action) => SetMetadata(ACCESS_ACTION, action);
