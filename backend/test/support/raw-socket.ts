import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';

export interface RawAnswer {
  /** The first line the server wrote ('' if it closed without a word). */
  statusLine: string;
  status: number;
  headers: string;
  body: string;
}

/**
 * Writes bytes exactly as given on a fresh TCP connection and reads what the server answers: until it
 * closes the connection, or (until: 'headers') until the end of the response head, for a 101 that keeps
 * the connection open. HTTP clients would refuse to send most of what a prober sends, hence raw sockets.
 */
export function sendRaw(baseUrl: string, bytes: string | Buffer, until: 'close' | 'headers' = 'close'): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = connect(Number(port), hostname);
    const answer = (): RawAnswer => {
      const text = Buffer.concat(chunks).toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const statusLine = text.split('\r\n', 1)[0] ?? '';
      return {
        statusLine,
        status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0),
        headers: end === -1 ? text : text.slice(0, end),
        body: end === -1 ? '' : text.slice(end + 4),
      };
    };
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (until === 'headers' && Buffer.concat(chunks).includes('\r\n\r\n')) {
        socket.destroy();
        resolve(answer());
      }
    });
    socket.on('close', () => resolve(answer()));
    // A reset after the answer arrived still leaves the answer to check; before it, there is none.
    socket.on('error', (error) => (chunks.length ? resolve(answer()) : reject(error)));
    socket.write(bytes);
  });
}

/** A WebSocket handshake, written by hand: `null` leaves a header out, and headers are sent in order as given. */
export function handshake(opts: { method?: string; target?: string; headers?: Record<string, string | null> } = {}): string {
  const headers: Record<string, string | null> = {
    Connection: 'Upgrade',
    Upgrade: 'websocket',
    'Sec-WebSocket-Version': '13',
    'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
    ...opts.headers,
  };
  const lines = Object.entries(headers).flatMap(([k, v]) => (v === null ? [] : [`${k}: ${v}`]));
  return `${opts.method ?? 'GET'} ${opts.target ?? '/api/v1/collab'} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

export interface MalformedUpgrade {
  name: string;
  /** The request, for a server whose Host header value is `host`. */
  bytes: (host: string) => string | Buffer;
  status: number;
}

/** What a prober sends to a WebSocket endpoint, and what each must be answered. */
export const MALFORMED_UPGRADES: MalformedUpgrade[] = [
  { name: 'Origin: null (a sandboxed frame)', bytes: (host) => handshake({ headers: { Host: host, Origin: 'null' } }), status: 403 },
  {
    name: 'an Origin that is not a URL (http://[::1)',
    bytes: (host) => handshake({ headers: { Host: host, Origin: 'http://[::1' } }),
    status: 400,
  },
  {
    name: 'an Origin of another site',
    bytes: (host) => handshake({ headers: { Host: host, Origin: 'https://attacker.example' } }),
    status: 403,
  },
  {
    name: 'an Origin with another port of this host',
    bytes: (host) => handshake({ headers: { Host: host, Origin: `http://${host.split(':')[0]}:1` } }),
    status: 403,
  },
  {
    name: 'an Origin of a browser extension',
    bytes: (host) => handshake({ headers: { Host: host, Origin: 'chrome-extension://abcdefghijklmnop' } }),
    status: 403,
  },
  { name: 'the request target //', bytes: (host) => handshake({ target: '//', headers: { Host: host } }), status: 400 },
  {
    name: 'the request target //api/v1/collab',
    bytes: (host) => handshake({ target: '//api/v1/collab', headers: { Host: host } }),
    status: 400,
  },
  { name: 'the request target *', bytes: (host) => handshake({ target: '*', headers: { Host: host } }), status: 400 },
  {
    name: 'an absolute request target',
    bytes: (host) => handshake({ target: `http://${host}/api/v1/collab`, headers: { Host: host } }),
    status: 400,
  },
  { name: 'a garbage path', bytes: (host) => handshake({ target: '/%%%/%ff/../..;x=%00', headers: { Host: host } }), status: 404 },
  {
    name: 'a path with raw bytes the HTTP parser refuses',
    bytes: (host) => Buffer.from(handshake({ target: '/api/v1/collab\u00ff\u0001', headers: { Host: host } }), 'latin1'),
    status: 400,
  },
  {
    name: 'a path next to the collaboration path',
    bytes: (host) => handshake({ target: '/api/v1/collab/../collab2', headers: { Host: host } }),
    status: 404,
  },
  {
    name: 'Upgrade: websocket on another path',
    bytes: (host) => handshake({ target: '/api/health', headers: { Host: host } }),
    status: 404,
  },
  { name: 'an upgrade to another protocol', bytes: (host) => handshake({ headers: { Host: host, Upgrade: 'h2c' } }), status: 400 },
  { name: 'a POST upgrade', bytes: (host) => handshake({ method: 'POST', headers: { Host: host } }), status: 400 },
  { name: 'no Host header', bytes: () => handshake({ headers: { Origin: 'http://localhost' } }), status: 400 },
  { name: 'no Host header and no Origin', bytes: () => handshake(), status: 400 },
  { name: 'no Sec-WebSocket-Key', bytes: (host) => handshake({ headers: { Host: host, 'Sec-WebSocket-Key': null } }), status: 400 },
  {
    name: 'an unknown WebSocket version',
    bytes: (host) => handshake({ headers: { Host: host, 'Sec-WebSocket-Version': '99' } }),
    status: 400,
  },
  { name: 'headers over 16 KB', bytes: (host) => handshake({ headers: { Host: host, 'X-Padding': 'a'.repeat(20_000) } }), status: 431 },
  { name: 'bytes that are not HTTP', bytes: () => Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x0d, 0x0a, 0x0d, 0x0a]), status: 400 },
  {
    name: 'a request line with no version',
    bytes: (host) => `GET /api/v1/collab\r\nHost: ${host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n`,
    status: 400,
  },
];
