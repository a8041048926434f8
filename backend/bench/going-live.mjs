// npm run bench (going-live part): how long a buyer waits, after opening a tender, before editing it live.
//
//   node backend/bench/going-live.mjs       (after node backend/build.mjs; run.mjs runs it too)
//   BENCH_GOING_LIVE_SAMPLES (default 15)   tenders opened per row
//   BENCH_GOING_LIVE_DATABASE_URL=postgres://…/db   PostgreSQL (a fresh schema) instead of a SQLite file
//
// Each sample is one tender made through the API from a template, then opened live by real Yjs clients
// (HocuspocusProvider over a WebSocket that carries the session cookie, as the browser does). The time is
// from creating the provider to its first "synced" (the editor's "Live"), split into its steps: the
// socket opening, the server accepting the session, and the document arriving.
//
// - first time live: nobody has opened the tender live before, so the server builds its document from
//   the tender tables;
// - again, after everyone left: the document was open before and has been unloaded, so it is read back
//   from the durable log (snapshot and updates);
// - two editors at once: two people open a first-time tender at the same moment (each one's time).
// See docs/benchmarks.md for the figures.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { HttpSession, waitFor } from './collab-client.mjs';
import { printTable, startBuiltServer } from './server.mjs';

const SAMPLES = Number(process.env.BENCH_GOING_LIVE_SAMPLES ?? 15);
const POSTGRES_URL = process.env.BENCH_GOING_LIVE_DATABASE_URL;
const BUYER = 'buyer@demo.test';
// Many tenders and sockets from one bench client: sign-in and write throttling must not be what is measured.
const SERVER_ENV = { SIGN_IN_LIMIT_PER_ADDRESS: '1000', SIGN_IN_LIMIT_PER_ACCOUNT: '1000' };
const SYNC_LIMIT_MS = 60_000;
// Hocuspocus stores a document (then unloads it) a moment after its last client leaves.
const UNLOAD_WAIT_MS = 4_000;

const now = () => performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Opens `tender:<id>` live and resolves with the times (ms from creating the provider) of each step. */
async function goLive(wsUrl, tenderId, cookie) {
  class CookieWebSocket extends WebSocket {
    constructor(address, protocols) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  const start = now();
  const steps = {};
  const socket = new HocuspocusProviderWebsocket({ url: wsUrl, WebSocketPolyfill: CookieWebSocket, maxAttempts: 1 });
  socket.on('open', () => (steps.open ??= now() - start));
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: `tender:${tenderId}`, document: new Y.Doc() });
  provider.on('authenticated', () => (steps.authenticated ??= now() - start));
  provider.attach();
  const close = () => {
    provider.destroy();
    socket.destroy();
  };
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`tender ${tenderId} did not sync within ${SYNC_LIMIT_MS / 1000} s`)), SYNC_LIMIT_MS);
      provider.on('synced', () => {
        clearTimeout(timer);
        steps.synced = now() - start;
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
  return { steps, provider, close };
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const ms = (n) => (Number.isFinite(n) ? n.toFixed(0) : '—');

function row(name, samples) {
  const of = (step) => samples.map((s) => s[step]).filter(Number.isFinite);
  const synced = of('synced');
  // After the socket opened: what the server itself took (accepting the session, then loading and sending the document).
  const serverSide = samples.map((s) => s.synced - s.open);
  return [
    name,
    samples.length,
    ms(quantile(of('open'), 0.5)),
    ms(quantile(of('authenticated'), 0.5)),
    ms(quantile(serverSide, 0.5)),
    ms(quantile(synced, 0.5)),
    ms(quantile(synced, 0.95)),
    ms(Math.max(...synced)),
  ];
}

async function postgresDatabase() {
  if (!POSTGRES_URL) return { env: {}, drop: async () => undefined, label: 'SQLite' };
  const schema = `bench_live_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    env: {
      DATABASE_URL: url.toString(),
      APP_SECRET: randomBytes(32).toString('base64url'),
      BID_MASTER_KEY: randomBytes(32).toString('base64'),
    },
    label: 'PostgreSQL',
    drop: async () => {
      const c = new pg.Client({ connectionString: POSTGRES_URL });
      await c.connect();
      await c.query(`DROP SCHEMA ${schema} CASCADE`);
      await c.end();
    },
  };
}

export async function goingLiveBench() {
  const database = await postgresDatabase();
  const server = await startBuiltServer({ ...SERVER_ENV, ...database.env });
  try {
    const wsUrl = `${server.url.replace(/^http/, 'ws')}/api/v1/collab`;
    const session = await HttpSession.signIn(server.url, BUYER);
    const templateId = (await session.request('GET', '/api/v1/tender-templates'))[0]?.id;
    const newTender = async (n) => (await session.request('POST', '/api/v1/tenders', { title: `Going live ${n}`, templateId })).id;
    const cookie = session.cookieHeader();

    // One untimed round first, so the server's code paths are compiled before anything is measured.
    const warmUp = await goLive(wsUrl, await newTender('warm-up'), cookie);
    warmUp.close();

    const first = [];
    const again = [];
    const pairs = [];
    for (let i = 0; i < SAMPLES; i++) {
      const id = await newTender(i);
      const opened = await goLive(wsUrl, id, cookie);
      first.push(opened.steps);
      // An edit, so the durable log has something to replay besides the first state.
      opened.provider.document.getMap('tender').get('summary')?.insert(0, 'Edited live. ');
      await waitFor(() => opened.provider.unsyncedChanges === 0, SYNC_LIMIT_MS);
      opened.close();
      await sleep(UNLOAD_WAIT_MS);
      const reopened = await goLive(wsUrl, id, cookie);
      again.push(reopened.steps);
      reopened.close();

      const pairId = await newTender(`pair ${i}`);
      const together = await Promise.all([goLive(wsUrl, pairId, cookie), goLive(wsUrl, pairId, cookie)]);
      for (const t of together) {
        pairs.push(t.steps);
        t.close();
      }
    }

    printTable(
      `Going live (${database.label}, built server on loopback; ms from opening the provider; load average ${loadavg()[0].toFixed(2)})`,
      [
        ['case', 'n', 'socket open p50', 'session accepted p50', 'server: open → synced p50', 'synced p50', 'synced p95', 'synced max'],
        row('first time live (document built from the tables)', first),
        row('again, after everyone left (read from the log)', again),
        row('two editors at once, first time (each)', pairs),
      ],
    );
  } finally {
    await server.stop();
    await database.drop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await goingLiveBench();
