import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { API_PREFIX } from '@openbrief/contracts';
import { cacheControlFor } from './cache-policy';
import type { PendingRead, PublicCache } from './public-cache';
import type { CachedResponse } from './response-store';

/** Where every cached read lives (a prefix test is all a request outside it pays). */
const PUBLIC_TENDERS = `/${API_PREFIX}/public/tenders`;
/** The headers a route's response is kept with, besides ETag and Cache-Control (never Set-Cookie). */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'x-content-sha256'];
const PENDING = Symbol('public-read');

/** Marks the request as a cacheable public read (PublicCacheInterceptor, before the controller runs). */
export function markPending(req: FastifyRequest, read: PendingRead): void {
  (req as unknown as Record<symbol, PendingRead>)[PENDING] = read;
}

function pendingOf(req: FastifyRequest): PendingRead | undefined {
  return (req as unknown as Record<symbol, PendingRead | undefined>)[PENDING];
}

/**
 * The public cache's two hooks on the Fastify instance. `onRequest` (added after the security headers and the
 * request id, before cookies are parsed) answers a GET it holds at once: no cookie parsing, CSRF, session
 * lookup, guards, controller or serialisation. `onSend` keeps a 200 of a marked read and gives every such
 * response its ETag and Cache-Control; both answer a matching `If-None-Match` with 304 and no body.
 */
export function registerPublicCache(fastify: FastifyInstance, cache: PublicCache): void {
  fastify.addHook('onRequest', (req, reply, done) => {
    const hit = req.method === 'GET' && req.url.startsWith(PUBLIC_TENDERS) ? cache.lookup(req.url) : undefined;
    if (!hit) return done();
    void reply.send(answer(req, reply, hit, cache.now()) ? undefined : hit.body);
  });

  fastify.addHook('onSend', (req, reply, payload, done) => {
    const read = pendingOf(req);
    if (!read || req.method !== 'GET' || reply.statusCode !== 200 || !(typeof payload === 'string' || Buffer.isBuffer(payload))) {
      return done(null, payload);
    }
    const headers: Record<string, string> = {};
    for (const name of KEPT_HEADERS) {
      const value = reply.getHeader(name);
      if (typeof value === 'string') headers[name] = value;
    }
    const entry = cache.keep(read, typeof payload === 'string' ? Buffer.from(payload) : payload, headers);
    done(null, answer(req, reply, entry, cache.now()) ? null : payload);
  });
}

/** Sets the entry's headers on the reply, or a 304 if the client holds this very body; true when it is a 304 (send no body). */
function answer(req: FastifyRequest, reply: FastifyReply, entry: CachedResponse, now: number): boolean {
  void reply.header('ETag', entry.etag).header('Cache-Control', cacheControlFor(entry.kind, entry.expiresAt, now));
  if (notModified(req, entry)) {
    void reply.code(304);
    reply.removeHeader('content-type');
    reply.removeHeader('content-length');
    return true;
  }
  void reply.code(200);
  for (const [name, value] of Object.entries(entry.headers)) void reply.header(name, value);
  return false;
}

/** `If-None-Match` names this entry's ETag (weak comparison, as RFC 9110 asks for this header), or is `*`. */
function notModified(req: FastifyRequest, entry: CachedResponse): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === entry.etag || tag === '*');
}
