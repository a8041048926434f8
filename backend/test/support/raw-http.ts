import { CSRF_COOKIE, CSRF_HEADER } from '@openbrief/contracts';
import { request as httpRequest } from 'node:http';
import { storeSetCookies } from './cookies';

export interface RawRequest {
  method: string;
  /** Sent exactly as given: no normalising of "..", no re-encoding, so odd paths reach the server as written. */
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text: string;
}

/**
 * One HTTP request over node:http against a listening server. supertest and fetch both tidy the URL,
 * which would hide exactly the paths a prober sends.
 */
export function rawRequest(baseUrl: string, req: RawRequest, timeoutMs?: number): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
    const r = httpRequest(
      { host: hostname, port, method: req.method, path: req.path, headers, agent: false, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8') });
        });
      },
    );
    r.on('timeout', () => r.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    r.on('error', reject);
    r.end(req.body);
  });
}

/** Cookies as a browser keeps them, and the CSRF header echoed from its cookie as the Angular app does. */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Headers for a request from this browser: its cookies and, for writes, the CSRF echo. */
  headersFor(method: string): Record<string, string> {
    const h: Record<string, string> = {};
    if (this.cookies.size) h['cookie'] = this.header();
    const csrf = this.cookies.get(CSRF_COOKIE);
    if (method !== 'GET' && csrf) h[CSRF_HEADER] = csrf;
    return h;
  }

  take(res: RawResponse): void {
    storeSetCookies(this.cookies, res.headers['set-cookie']);
  }

  copy(): CookieJar {
    const jar = new CookieJar();
    for (const [k, v] of this.cookies) jar.cookies.set(k, v);
    return jar;
  }
}
