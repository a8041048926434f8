import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CSRF_COOKIE, CSRF_HEADER } from '@openbrief/contracts';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/bootstrap';
import { loadSettings, type Settings } from '../../src/config/settings';
import { storeSetCookies } from './cookies';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: INestApplication;
  /** The real address it listens on, for WebSocket and fetch clients. */
  url: string;
  settings: Settings;
  db: TestDatabase;
  dataSource: DataSource;
  client(): TestClient;
  close(): Promise<void>;
}

/** The real application (all middleware, guards, filters) on a fresh database. */
export async function startTestApp(
  env: Record<string, string> = {},
  opts: {
    db?: TestDatabase;
    /** Runs after createApp, before Nest registers its routes (app.init). */ beforeInit?: (app: NestFastifyApplication) => void;
  } = {},
): Promise<TestApp> {
  const db = opts.db ?? (await createTestDatabase());
  const settings = loadSettings({
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'true',
    FRONTEND_DIST: '/nonexistent',
    SIGN_IN_LIMIT_PER_ADDRESS: '1000',
    SIGN_IN_LIMIT_PER_ACCOUNT: '1000',
    ...db.env,
    ...env,
  });
  const app = await createApp(settings);
  opts.beforeInit?.(app);
  await app.init();
  // Fastify finishes its routes (their hooks) when it is ready: listen() waits for that; supertest's requests do not.
  await app.getHttpAdapter().getInstance().ready();
  // Always listening: given a server that is not, supertest listens for each request and closes the server when that
  // request ends, which resets any other request still in flight on it (ECONNRESET under concurrent requests).
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  return {
    app,
    url,
    settings,
    db,
    dataSource: app.get(DataSource),
    client: () => new TestClient(app),
    close: async () => {
      await app.close();
      if (!opts.db) await db.drop();
    },
  };
}

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** A browser-like client: keeps cookies and echoes the CSRF cookie in the header, as Angular does. */
export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly app: INestApplication) {}

  get(path: string) {
    return this.send('get', path);
  }
  post(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.send('post', path, body, headers);
  }
  put(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.send('put', path, body, headers);
  }
  patch(path: string, body?: unknown, headers: Record<string, string> = {}) {
    return this.send('patch', path, body, headers);
  }
  delete(path: string, headers: Record<string, string> = {}) {
    return this.send('delete', path, undefined, headers);
  }

  async signIn(email: string, password = 'demo-password') {
    const res = await this.post('/api/v1/auth/sign-in', { email, password });
    if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return res;
  }

  /** The Cookie header this client would send. */
  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  /** Sends without the CSRF header, to prove the server refuses. */
  raw() {
    return request(this.app.getHttpServer());
  }

  private async send(method: Method, path: string, body?: unknown, headers: Record<string, string> = {}) {
    if (method !== 'get' && !this.cookies.has(CSRF_COOKIE)) await this.get('/api/v1/auth/session');
    let req = request(this.app.getHttpServer())[method](path);
    if (this.cookies.size) req = req.set('Cookie', this.cookieHeader());
    if (method !== 'get') req = req.set(CSRF_HEADER, this.cookies.get(CSRF_COOKIE) ?? '');
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    const res = body === undefined ? await req : await req.send(body as object);
    storeSetCookies(this.cookies, res.headers['set-cookie']);
    return res;
  }
}
