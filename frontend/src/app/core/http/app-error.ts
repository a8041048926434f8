import { HttpErrorResponse } from '@angular/common/http';
import { ApiError, ApiErrorDetail } from '@openbrief/contracts';

/** The one error shape pages deal with: a status and a message fit to show to users. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: readonly ApiErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

const NETWORK_MESSAGE = 'We could not reach Openbrief. Check your internet connection and try again.';
const SERVER_MESSAGE = 'Sorry, something went wrong on our side. Try again in a few minutes.';
const TOO_MANY_MESSAGE = 'You have tried too many times. Wait a few minutes, then try again.';
const FALLBACK_MESSAGE = 'Sorry, that did not work. Try again.';

export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (!(error instanceof HttpErrorResponse)) return new AppError(0, FALLBACK_MESSAGE);

  const body = isApiError(error.error) ? error.error : undefined;
  const details = body?.details ?? [];
  if (error.status === 0) return new AppError(0, NETWORK_MESSAGE);
  // Server faults may carry internal wording; users get a plain apology instead.
  if (error.status >= 500) return new AppError(error.status, SERVER_MESSAGE);
  if (error.status === 429) return new AppError(429, body ? messageOf(body) : TOO_MANY_MESSAGE);
  return new AppError(error.status, body ? messageOf(body) : FALLBACK_MESSAGE, details);
}

function messageOf(body: ApiError): string {
  const message: unknown = body.message;
  if (Array.isArray(message)) return message.join(' ');
  return typeof message === 'string' && message.trim() ? message : FALLBACK_MESSAGE;
}

function isApiError(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && 'message' in value;
}
