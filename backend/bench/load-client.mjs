// Lean HTTP clients for the mixed-load bench: node:http over one keep-alive agent (fetch costs the bench
// process several times the CPU per request, and on a 2-core machine the bench shares the server's cores),
// with the cookies and CSRF double submit a browser sends, and a recorder of latencies per kind.
import http from 'node:http';

const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'x-xsrf-token';
const TIMEOUT_MS = 30_000;

/** One keep-alive connection pool for every simulated client (each awaits its own request, so ≤ 1 socket each). */
export const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });

/** Requests sent again because a kept-alive connection was closed by the server as they went out. */
export const resent = { count: 0 };

/**
 * One request; resolves with status, headers and the body as text, or rejects on a socket error or after 30 s.
 * A request that finds its reused keep-alive connection just closed by the server (its idle timeout racing the
 * next request) is sent once more on a new one, as browsers do; those are counted in `resent`.
 */
export function send(url, { method = 'GET', headers = {}, body, via = agent } = {}, retry = true) {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(url, { method, headers, agent: via }, (res) => {
      answered = true;
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', (error) => {
      if (retry && !answered && req.reusedSocket && ['ECONNRESET', 'EPIPE'].includes(error.code)) {
        resent.count++;
        send(url, { method, headers, body, via }, false).then(resolve, reject);
      } else reject(error);
    });
    req.setTimeout(TIMEOUT_MS, () => req.destroy(new Error(`no answer within ${TIMEOUT_MS / 1000} s`)));
    req.end(body);
  });
}

/** A browser-like client: keeps its cookies, echoes the CSRF cookie in the header on state-changing requests. */
export class LoadClient {
  cookies = new Map();

  constructor(baseUrl, cookies = null) {
    this.baseUrl = baseUrl;
    if (cookies) this.cookies = new Map(cookies);
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  /** Resolves with { status, json, text }; never throws for an HTTP status, only for a socket error. */
  async request(method, path, body) {
    if (method !== 'GET' && !this.cookies.has(CSRF_COOKIE)) await this.request('GET', '/api/health');
    const headers = { cookie: this.cookieHeader(), accept: 'application/json' };
    if (method !== 'GET') headers[CSRF_HEADER] = this.cookies.get(CSRF_COOKIE) ?? '';
    let payload;
    if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
      headers['content-length'] = Buffer.byteLength(payload);
    }
    const res = await send(`${this.baseUrl}${path}`, { method, headers, body: payload });
    for (const c of [].concat(res.headers['set-cookie'] ?? [])) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      const value = decodeURIComponent(pair.slice(eq + 1));
      if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
    let json = null;
    if (res.text && /json/.test(res.headers['content-type'] ?? '')) json = JSON.parse(res.text);
    return { status: res.status, json, text: res.text };
  }
}

/** The p-th percentile (nearest rank) of ascending `sorted`. */
export function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Latencies (every one, not a histogram: a minute of load is tens of thousands of numbers) and errors per kind. */
export class Recorder {
  kinds = new Map();
  errorSamples = [];

  /** Forgets everything recorded, for the next phase with the same users. */
  reset() {
    this.kinds = new Map();
    this.errorSamples = [];
  }

  kind(name) {
    let k = this.kinds.get(name);
    if (!k) this.kinds.set(name, (k = { ms: [], errors: 0, expected: 0 }));
    return k;
  }

  ok(name, ms) {
    this.kind(name).ms.push(ms);
  }

  /** An expected refusal (a 409 for a stale revision): timed, counted, not an error. */
  expected(name, ms) {
    const k = this.kind(name);
    k.expected++;
    k.ms.push(ms);
  }

  /** Counts an error; keeps the first two of each kind to print (one kind failing must not hide another). */
  error(name, what) {
    const k = this.kind(name);
    if (++k.errors <= 2) this.errorSamples.push(`${name}: ${what}`);
  }
}
