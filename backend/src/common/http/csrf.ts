import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@openbrief/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isApiPath, isPublicReadPath, pathOf } from './request-path';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Where the hook leaves the app's token issuer on each request, for the handlers that start or end a session. */
const TOKENS = Symbol('csrf-tokens');

/**
 * Signed double-submit tokens: `<nonce>.<HMAC(secret, session cookie, nonce)>`. Echoing the cookie in the header
 * proves the page could read it (same site); the signature proves we issued it for this session, so a cookie pair
 * planted by a sibling subdomain, or copied from the attacker's own session, is refused. Before sign-in the token
 * is bound to "no session"; signing in, signing up, accepting an invitation and signing out issue a new one.
 */
export class CsrfTokens {
  constructor(
    private readonly secret: string,
    /** Cookies are Secure when configured so, or when this request itself came over HTTPS. */
    private readonly cookieSecure: boolean,
  ) {}

  issue(reply: FastifyReply, sessionToken: string | null): string {
    const nonce = randomBytes(18).toString('base64url');
    const token = `${nonce}.${this.sign(sessionToken, nonce)}`;
    // Readable by the page's script (not httpOnly): that is what makes double-submit work.
    reply.setCookie(CSRF_COOKIE, token, { httpOnly: false, sameSite: 'lax', secure: cookieSecureFor(reply, this.cookieSecure), path: '/' });
    return token;
  }

  isValid(token: unknown, sessionToken: string | null): boolean {
    if (typeof token !== 'string') return false;
    const dot = token.indexOf('.');
    if (dot <= 0) return false;
    return sameText(token.slice(dot + 1), this.sign(sessionToken, token.slice(0, dot)));
  }

  private sign(sessionToken: string | null, nonce: string): string {
    return createHmac('sha256', this.secret)
      .update(`openbrief-csrf\n${sessionToken ?? ''}\n${nonce}`)
      .digest('base64url');
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function sessionOf(req: FastifyRequest): string | null {
  const session: unknown = req.cookies[SESSION_COOKIE];
  return typeof session === 'string' && session ? session : null;
}

function tokensOf(req: FastifyRequest): CsrfTokens {
  const tokens: unknown = (req as unknown as Record<symbol, unknown>)[TOKENS];
  if (!(tokens instanceof CsrfTokens)) throw new Error('csrfProtection() must run before a CSRF token is issued');
  return tokens;
}

/** A fresh token for the session just started (or, with null, ended) on this response. */
export function issueCsrfCookie(reply: FastifyReply, sessionToken: string | null): string {
  return tokensOf(reply.request).issue(reply, sessionToken);
}

/** Whether this response's cookies should be Secure: configured so, or the request came over HTTPS (TRUST_PROXY decides whose word counts). */
export function cookieSecureFor(reply: FastifyReply, configured: boolean): boolean {
  return configured || reply.request.protocol === 'https';
}

/**
 * CSRF protection for the API (see docs/security.md), as an `onRequest` hook after @fastify/cookie's: every safe
 * request but a public read (isPublicReadPath) makes sure the browser holds a token valid for its current session
 * (the Angular app asks `/auth/session` as it starts); every state-changing request must echo that token in the
 * X-XSRF-TOKEN header. Refused before the body is read.
 */
export function csrfProtection(tokens: CsrfTokens) {
  return (req: FastifyRequest, reply: FastifyReply, done: () => void): void => {
    (req as unknown as Record<symbol, unknown>)[TOKENS] = tokens;
    const path = pathOf(req.url);
    if (!isApiPath(path)) return done();
    const cookie: unknown = req.cookies[CSRF_COOKIE];
    const session = sessionOf(req);
    if (SAFE_METHODS.has(req.method)) {
      // Public reads mint nothing (they stay cacheable and cookie-free); the app asks /auth/session first.
      if (!isPublicReadPath(path) && !tokens.isValid(cookie, session)) tokens.issue(reply, session);
      return done();
    }
    const header = req.headers[CSRF_HEADER.toLowerCase()];
    if (typeof cookie === 'string' && typeof header === 'string' && header && sameText(cookie, header) && tokens.isValid(cookie, session))
      return done();
    void reply.code(403).send({
      statusCode: 403,
      error: 'Forbidden',
      message: 'This request was refused because its security token is missing or out of date. Reload the page and try again.',
    });
  };
}
