import { CSRF_COOKIE, CSRF_HEADER } from '@openbrief/contracts';
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { storeSetCookies } from './cookies';

const root = resolve(__dirname, '../../..');

export interface RunningServer {
  process: ChildProcess;
  port: number;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/**
 * A port for a spawned server, below Linux's ephemeral range (32768–60999), where the kernel hands out ports to
 * every outgoing connection on the machine (database, Redis, other test runs) and would collide sooner or later.
 */
function candidatePort(): number {
  return 10000 + Math.floor(Math.random() * 22000);
}

/** Starts the real backend entry point (TypeScript via @swc-node/register, no build needed) in its own process. */
export async function spawnServer(env: Record<string, string>): Promise<RunningServer> {
  // Another process may take the chosen port between choosing and listening: try another one, a few times.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOn(candidatePort(), env);
    } catch (error) {
      if (attempt >= 5 || !(error instanceof PortTaken)) throw error;
    }
  }
}

class PortTaken extends Error {}

async function startOn(port: number, env: Record<string, string>): Promise<RunningServer> {
  let out = '';
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'backend/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      SWC_NODE_PROJECT: 'backend/tsconfig.json',
      LOG_LEVEL: 'warn',
      PORT: String(port),
      FRONTEND_DIST: '/nonexistent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  // Up to two minutes: a busy 2-core machine can take that long to compile and start the app from sources.
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) {
      if (out.includes('EADDRINUSE')) throw new PortTaken(`port ${port} was taken`);
      throw new Error(`server exited early:\n${out}`);
    }
    const up = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { process: child, port, url: `http://127.0.0.1:${port}`, output: () => out, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not start:\n${out}`);
}

/** A browser-like HTTP client for a spawned server: keeps cookies and echoes the CSRF cookie in the header. */
export class RemoteClient {
  private readonly cookies = new Map<string, string>();

  constructor(readonly baseUrl: string) {}

  async signIn(email: string, password = 'demo-password'): Promise<void> {
    const res = await this.send('POST', '/api/v1/auth/sign-in', { email, password });
    if (res.status !== 200) throw new Error(`sign-in failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  get(path: string) {
    return this.send('GET', path);
  }

  post(path: string, body?: unknown) {
    return this.send('POST', path, body);
  }

  put(path: string, body?: unknown) {
    return this.send('PUT', path, body);
  }

  // The body is whatever the API answered, typed loosely like supertest's, for tests to read.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private async send(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    if (method !== 'GET' && !this.cookies.has(CSRF_COOKIE)) await this.send('GET', '/api/v1/auth/session');
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers['cookie'] = this.cookieHeader();
    if (method !== 'GET') headers[CSRF_HEADER] = this.cookies.get(CSRF_COOKIE) ?? '';
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    storeSetCookies(this.cookies, res.headers.getSetCookie());
    const text = await res.text();
    return { status: res.status, body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  }
}
