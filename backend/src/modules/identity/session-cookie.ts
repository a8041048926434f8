import { SESSION_COOKIE } from '@openbrief/contracts';
import type { Response } from 'express';
import { cookieSecureFor, issueCsrfCookie } from '../../common/middleware/csrf.middleware';

/**
 * Sets the session cookie and a fresh CSRF token signed for this session, so a token seen before sign-in is
 * useless after it. `secure` is the COOKIE_SECURE setting; a request that came over HTTPS gets Secure cookies anyway.
 */
export function setSessionCookie(res: Response, token: string, expiresAt: Date, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: cookieSecureFor(res, secure), path: '/', expires: expiresAt });
  issueCsrfCookie(res, token);
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: cookieSecureFor(res, secure), path: '/' });
  issueCsrfCookie(res, null);
}
