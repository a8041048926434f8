import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { answerAndClose } from '../../common/http/raw-answers';

export interface UpgradeRefusal {
  status: 400 | 403 | 404;
  message: string;
}

const MALFORMED: UpgradeRefusal = { status: 400, message: 'This connection request is not valid.' };
const FOREIGN: UpgradeRefusal = { status: 403, message: 'Live editing only takes connections from pages of this site.' };
const ELSEWHERE: UpgradeRefusal = { status: 404, message: 'There is nothing to connect to at that address.' };

/**
 * Why a WebSocket upgrade must be refused, or null to take it. Never throws: anyone on the internet
 * can send anything here, and the listener runs outside every request handler.
 *
 * - the target must be the collaboration path itself (a query string is allowed): anything that is
 *   not a plain path is 400, another path 404;
 * - the handshake must be a GET asking for `Upgrade: websocket`, with a Host header (400);
 * - an Origin, when sent, must be this site (same host as the Host header): another site, `null`
 *   (sandboxed frames, local files) or a scheme other than http(s) is 403. An absent Origin is taken:
 *   browsers always send one on WebSocket requests, so only non-browser clients leave it out, and they
 *   cannot borrow anyone's cookie.
 */
export function upgradeRefusal(request: Pick<IncomingMessage, 'method' | 'url' | 'headers'>, path: string): UpgradeRefusal | null {
  const target = request.url;
  if (typeof target !== 'string' || !target.startsWith('/') || target.startsWith('//')) return MALFORMED;
  const query = target.indexOf('?');
  if ((query === -1 ? target : target.slice(0, query)) !== path) return ELSEWHERE;
  if (request.method !== 'GET') return MALFORMED;
  if (headerValue(request.headers.upgrade)?.toLowerCase() !== 'websocket') return MALFORMED;
  const host = headerValue(request.headers.host);
  if (!host) return MALFORMED;
  const origin = headerValue(request.headers.origin);
  if (origin === undefined) return null;
  if (origin === 'null') return FOREIGN;
  const from = parseUrl(origin);
  if (!from) return MALFORMED;
  if (from.protocol !== 'http:' && from.protocol !== 'https:') return FOREIGN;
  // Host parsed with the origin's scheme, so "example.org:443" and "https://example.org" compare equal.
  const own = parseUrl(`${from.protocol}//${host}`);
  if (!own) return MALFORMED;
  return own.host === from.host ? null : FOREIGN;
}

/** Answers the refusal with a real HTTP response in the API's error shape, then closes the connection. */
export function refuseUpgrade(socket: Duplex, { status, message }: UpgradeRefusal): void {
  answerAndClose(socket, status, message);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

function parseUrl(value: string): URL | null {
  return URL.canParse(value) ? new URL(value) : null;
}
