import { inject } from '@angular/core';
import { CanMatchFn, Router } from '@angular/router';
import { Role } from '@openbrief/contracts';
import { AuthService } from './auth.service';
import { homeFor } from './role-home';

/** Lets a route match only for the given roles; others go to sign-in or their own start page. */
export function requireRole(...roles: Role[]): CanMatchFn {
  return (_route, segments) => {
    const auth = inject(AuthService);
    const router = inject(Router);
    const role = auth.role();
    if (role === null) {
      const returnUrl = '/' + segments.map((segment) => segment.path).join('/');
      return router.createUrlTree(['/sign-in'], { queryParams: { returnUrl } });
    }
    return roles.includes(role) ? true : router.parseUrl(homeFor(role));
  };
}

/** Keeps signed-in users away from sign-in and sign-up pages. */
export const anonymousOnly: CanMatchFn = () => {
  const role = inject(AuthService).role();
  return role === null ? true : inject(Router).parseUrl(homeFor(role));
};
