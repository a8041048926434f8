import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

/**
 * The request's id (Fastify's `genReqId`): the caller's X-Request-Id when it is a plain token (a proxy's trace id),
 * else a new UUID. Logged with every line about the request and sent back in X-Request-Id.
 */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers['x-request-id'];
  return typeof incoming === 'string' && /^[\w.-]{1,100}$/.test(incoming) ? incoming : randomUUID();
}
