import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AuthService } from '../auth/auth.service';
import { toAppError } from './app-error';
import { EXPECT_UNAUTHORISED } from './http-context';

/** Turns API failures into AppError; an unexpected 401 sends the user to sign in again. */
export const errorInterceptor: HttpInterceptorFn = (request, next) => {
  const router = inject(Router);
  const auth = inject(AuthService);
  return next(request).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401 && !request.context.get(EXPECT_UNAUTHORISED)) {
        auth.forgetUser();
        if (!router.url.startsWith('/sign-in')) {
          void router.navigate(['/sign-in'], {
            queryParams: { returnUrl: router.url, reason: 'expired' },
          });
        }
      }
      return throwError(() => toAppError(error));
    }),
  );
};
