import { SESSION_COOKIE } from '@openbrief/contracts';
import type { Response } from 'express';
import { issueCsrfCookie } from '../../common/middleware/csrf.middleware';

/** Sets the session cookie and a fresh CSRF token, so a token seen before sign-in is useless after it. */
export function setSessionCookie(res: Response, token: string, expiresAt: Date, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
  issueCsrfCookie(res, secure);
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
  issueCsrfCookie(res, secure);
}
