import { SESSION_COOKIE } from '@openbrief/contracts';
import type { FastifyReply } from 'fastify';
import { cookieSecureFor, issueCsrfCookie } from '../../common/http/csrf';

/**
 * Sets the session cookie and a fresh CSRF token signed for this session, so a token seen before sign-in is
 * useless after it. `secure` is the COOKIE_SECURE setting; a request that came over HTTPS gets Secure cookies anyway.
 */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: cookieSecureFor(reply, secure),
    path: '/',
    expires: expiresAt,
  });
  issueCsrfCookie(reply, token);
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: cookieSecureFor(reply, secure), path: '/' });
  issueCsrfCookie(reply, null);
}
