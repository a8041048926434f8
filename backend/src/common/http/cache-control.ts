import type { FastifyReply, FastifyRequest } from 'fastify';
import { isApiPath, pathOf } from './request-path';

/** Reads anyone may make: a cache may keep them but must ask us again before reuse (they change at publication). */
const PUBLIC_READS = /^\/api\/(v1\/public\/|docs)/;

/**
 * Cache-Control for every /api response, set before the route runs so a route may still choose its own (the public
 * tender pack is `public, max-age=300`). Anything that may carry a person's or an organisation's data is
 * `no-store`: no shared proxy or browser back-button cache may keep it after sign-out. An `onRequest` hook.
 */
export function cacheControl(req: FastifyRequest, reply: FastifyReply, done: () => void): void {
  const path = pathOf(req.url);
  if (isApiPath(path)) {
    const publicRead = (req.method === 'GET' || req.method === 'HEAD') && PUBLIC_READS.test(path);
    reply.header('Cache-Control', publicRead ? 'no-cache' : 'no-store');
  }
  done();
}
