import { CSRF_COOKIE, CSRF_HEADER } from '@openbrief/contracts';
import type { NextFunction, Request, Response } from 'express';
import { randomBytes, timingSafeEqual } from 'node:crypto';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function issueCsrfCookie(res: Response, secure: boolean): string {
  const token = randomBytes(32).toString('base64url');
  // Readable by the page's script (not httpOnly): that is what makes double-submit work.
  res.cookie(CSRF_COOKIE, token, { httpOnly: false, sameSite: 'lax', secure, path: '/' });
  return token;
}

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Double-submit cookie CSRF protection (see docs/security.md): every response makes sure the browser holds
 * an XSRF-TOKEN cookie; every state-changing API request must echo it in the X-XSRF-TOKEN header,
 * which a page on another site cannot read and so cannot forge.
 */
export function csrfProtection(secure: boolean) {
  return (req: Request, res: Response, next: NextFunction) => {
    const cookie: unknown = req.cookies?.[CSRF_COOKIE];
    if (SAFE_METHODS.has(req.method)) {
      if (typeof cookie !== 'string' || !cookie) issueCsrfCookie(res, secure);
      return next();
    }
    const header = req.get(CSRF_HEADER);
    if (typeof cookie === 'string' && cookie && header && sameToken(cookie, header)) return next();
    res.status(403).json({
      statusCode: 403,
      error: 'Forbidden',
      message:
        'This request was refused because its security token is missing or out of date. Reload the page and try again.',
    });
  };
}
