import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Response } from 'express';
import { catchError, type Observable, throwError } from 'rxjs';
import { BUSY_RETRY_AFTER_SECONDS, WorkersBusyError } from './worker-pool';

/** Adds Retry-After to the 503 a full worker queue answers, so clients and proxies know when to come back. */
@Injectable()
export class RetryAfterInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof WorkersBusyError) {
          context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(BUSY_RETRY_AFTER_SECONDS));
        }
        return throwError(() => error);
      }),
    );
  }
}
