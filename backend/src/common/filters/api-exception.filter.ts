import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ApiError } from '@openbrief/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueryFailedError } from 'typeorm';
import { DomainError, DomainErrorKind, RetryLaterError } from '../errors/domain.error';
import { bodyRefusalMessage } from '../http/json-body';
import { pathOf } from '../http/request-path';

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
    const reply = ctx.getResponse<FastifyReply>();
    const req = ctx.getRequest<FastifyRequest>();
    const { body, extra } = this.toBody(exception, req);
    if (reply.sent || reply.raw.headersSent) return;
    if (exception instanceof RetryLaterError) void reply.header('Retry-After', String(exception.retryAfterSeconds));
    void reply
      .code(body.statusCode)
      .header('Content-Type', 'application/json; charset=utf-8')
      .send({ ...extra, ...body });
  }

  private toBody(exception: unknown, req: FastifyRequest): { body: ApiError; extra?: Record<string, unknown> } {
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

function friendlyHttpMessage(status: number, exception: HttpException, req: FastifyRequest): string {
  if (status === 404 && /^Cannot (GET|POST|PUT|PATCH|DELETE)/.test(exception.message)) {
    return `There is nothing at ${req.method} ${pathOf(req.url)}.`;
  }
  if (status === 429) return 'Too many attempts. Please wait a minute and try again.';
  // Fastify's own refusals (a body over the limit, a content type with no parser) arrive as plain HttpExceptions
  // made by Nest from Fastify's error; ours are subclasses and keep their words.
  if (exception.constructor === HttpException) return bodyRefusalMessage(status) ?? exception.message;
  return exception.message;
}
