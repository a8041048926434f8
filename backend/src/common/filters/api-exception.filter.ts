import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError } from '@openbrief/contracts';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, DomainErrorKind, RetryLaterError } from '../errors/domain.error';

const STATUS_BY_KIND: Record<DomainErrorKind, number> = {
  'bad-request': HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  gone: HttpStatus.GONE,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
  'too-many-requests': HttpStatus.TOO_MANY_REQUESTS,
};

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** One error shape for the whole API; logs unexpected errors once, with the request id. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const { body, extra } = this.toBody(exception, req);
    if (res.headersSent) return;
    if (exception instanceof RetryLaterError) res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    res.status(body.statusCode).json({ ...extra, ...body });
  }

  private toBody(exception: unknown, req: Request): { body: ApiError; extra?: Record<string, unknown> } {
    if (exception instanceof DomainError) {
      const statusCode = STATUS_BY_KIND[exception.kind];
      return {
        body: shape(statusCode, exception.message, exception.details),
        extra: exception.extra,
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response && 'details' in response) {
        const r = response as ApiError;
        return { body: shape(statusCode, r.message, r.details) };
      }
      return { body: shape(statusCode, friendlyHttpMessage(statusCode, exception, req)) };
    }
    if (exception instanceof QueryFailedError && /UNIQUE|duplicate key/i.test(exception.message)) {
      return { body: shape(409, 'That record already exists.') };
    }
    this.logger.error({ err: exception, reqId: req.id }, 'Unhandled error');
    return { body: shape(500, 'Something went wrong on our side. Nothing was saved. Please try again.') };
  }
}

function shape(statusCode: number, message: string, details?: ApiError['details']): ApiError {
  const body: ApiError = { statusCode, error: REASON[statusCode] ?? 'Error', message };
  if (details?.length) body.details = details;
  return body;
}

function friendlyHttpMessage(status: number, exception: HttpException, req: Request): string {
  if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE)/.test(exception.message)) {
    return `There is nothing at ${req.method} ${req.path}.`;
  }
  if (status === 429) return 'Too many attempts. Please wait a minute and try again.';
  // multer's own wording for an upload over its size limit (IMPORT_MAX_BYTES)
  if (status === 413 && exception.message === 'File too large') {
    return 'That file is too large to upload. Split it into smaller documents, or paste the text instead.';
  }
  return exception.message;
}
