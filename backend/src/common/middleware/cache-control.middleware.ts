import type { NextFunction, Request, Response } from 'express';

/** Reads anyone may make: a cache may keep them but must ask us again before reuse (they change at publication). */
const PUBLIC_READS = /^\/api\/(v1\/public\/|docs)/;

/**
 * Cache-Control for every /api response, set before the route runs so a route may still choose its own (the public
 * tender pack is `public, max-age=300`). Anything that may carry a person's or an organisation's data is
 * `no-store`: no shared proxy or browser back-button cache may keep it after sign-out.
 */
export function cacheControl() {
  return (req: Request, res: Response, next: NextFunction) => {
    const path = req.baseUrl + req.path;
    const publicRead = (req.method === 'GET' || req.method === 'HEAD') && PUBLIC_READS.test(path);
    res.setHeader('Cache-Control', publicRead ? 'no-cache' : 'no-store');
    next();
  };
}
