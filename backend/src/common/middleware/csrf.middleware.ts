import { CSRF_COOKIE, CSRF_HEADER, SESSION_COOKIE } from '@openbrief/contracts';
import type { NextFunction, Request, Response } from 'express';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

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

  issue(req: Request, res: Response, sessionToken: string | null): string {
    const nonce = randomBytes(18).toString('base64url');
    const token = `${nonce}.${this.sign(sessionToken, nonce)}`;
    // Readable by the page's script (not httpOnly): that is what makes double-submit work.
    res.cookie(CSRF_COOKIE, token, { httpOnly: false, sameSite: 'lax', secure: this.secureFor(req), path: '/' });
    return token;
  }

  isValid(token: unknown, sessionToken: string | null): boolean {
    if (typeof token !== 'string') return false;
    const dot = token.indexOf('.');
    if (dot <= 0) return false;
    return sameText(token.slice(dot + 1), this.sign(sessionToken, token.slice(0, dot)));
  }

  secureFor(req: Request): boolean {
    return this.cookieSecure || req.secure;
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

function sessionOf(req: Request): string | null {
  const session: unknown = req.cookies?.[SESSION_COOKIE];
  return typeof session === 'string' && session ? session : null;
}

function tokensOf(res: Response): CsrfTokens {
  const tokens: unknown = res.locals['csrfTokens'];
  if (!(tokens instanceof CsrfTokens)) throw new Error('csrfProtection() must run before a CSRF token is issued');
  return tokens;
}

/** A fresh token for the session just started (or, with null, ended) on this response. */
export function issueCsrfCookie(res: Response, sessionToken: string | null): string {
  return tokensOf(res).issue(res.req, res, sessionToken);
}

/** Whether this response's cookies should be Secure: configured so, or the request came over HTTPS. */
export function cookieSecureFor(res: Response, configured: boolean): boolean {
  return configured || res.req.secure;
}

/**
 * CSRF protection for the API (see docs/security.md): every safe request makes sure the browser holds a token
 * valid for its current session; every state-changing request must echo that token in the X-XSRF-TOKEN header.
 */
export function csrfProtection(tokens: CsrfTokens) {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals['csrfTokens'] = tokens;
    const cookie: unknown = req.cookies?.[CSRF_COOKIE];
    const session = sessionOf(req);
    if (SAFE_METHODS.has(req.method)) {
      if (!tokens.isValid(cookie, session)) tokens.issue(req, res, session);
      return next();
    }
    const header = req.get(CSRF_HEADER);
    if (typeof cookie === 'string' && header && sameText(cookie, header) && tokens.isValid(cookie, session)) return next();
    res.status(403).json({
      statusCode: 403,
      error: 'Forbidden',
      message:
        'This request was refused because its security token is missing or out of date. Reload the page and try again.',
    });
  };
}
