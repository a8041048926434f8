// Clients for the collaboration bench: a browser-like HTTP session (cookies, CSRF double submit) and a
// real Yjs client (HocuspocusProvider over a `ws` WebSocket that carries the session cookie).
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';

export class HttpSession {
  cookies = new Map();

  constructor(baseUrl) {
    this.baseUrl = baseUrl;
  }

  static async signIn(baseUrl, email, password = 'demo-password') {
    const session = new HttpSession(baseUrl);
    await session.request('POST', '/api/v1/auth/sign-in', { email, password });
    return session;
  }

  /** The same signed-in session against another instance (sessions live in the shared database). */
  at(baseUrl) {
    const session = new HttpSession(baseUrl);
    session.cookies = new Map(this.cookies);
    return session;
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  async request(method, path, body) {
    if (method !== 'GET' && !this.cookies.has(CSRF_COOKIE)) await this.request('GET', '/api/v1/auth/session');
    const headers = { cookie: this.cookieHeader() };
    if (method !== 'GET') headers[CSRF_HEADER] = this.cookies.get(CSRF_COOKIE);
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      const value = decodeURIComponent(pair.slice(eq + 1));
      if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(c)) this.cookies.delete(pair.slice(0, eq));
      else this.cookies.set(pair.slice(0, eq), value);
    }
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  }
}

/**
 * A Yjs client synced with document `name` at `url` (ws://…). `cookie` goes in the upgrade request, as a
 * browser sends it. Resolves once the first sync is done.
 */
export async function connectDoc(url, name, cookie = null) {
  const headers = cookie ? { cookie } : {};
  class CookieWebSocket extends WebSocket {
    constructor(address, protocols) {
      super(address, protocols, { headers });
    }
  }
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: CookieWebSocket, maxAttempts: 1 });
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc });
  // With a socket of our own (to carry the cookie), the provider must be attached to it explicitly.
  provider.attach();
  const close = () => {
    provider.destroy();
    socket.destroy();
  };
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no sync with ${name} within 15 s`)), 15_000);
      provider.on('synced', () => {
        clearTimeout(timer);
        resolve();
      });
      provider.on('authenticationFailed', ({ reason }) => {
        clearTimeout(timer);
        reject(new Error(`authentication failed: ${reason}`));
      });
    });
  } catch (error) {
    close();
    throw error;
  }
  return { doc, provider, close, text: (field) => doc.getMap('tender').get(field) };
}

/** Resolves true once `condition()` holds (checked every 10 ms), or false after `timeoutMs`. */
export async function waitFor(condition, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
  return true;
}
