// npm run bench (collaboration part): live co-editing of draft tenders on loopback, with the built server
// on SQLite and real Yjs clients (HocuspocusProvider over WebSockets, carrying the session cookie).
//
//   node backend/bench/collab.mjs          (after node backend/build.mjs; run.mjs runs it too)
//   BENCH_COLLAB_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test   PostgreSQL (fresh schemas) instead
//   BENCH_REDIS_URL (default redis://127.0.0.1:6379), BENCH_COLLAB_KEYSTROKES, BENCH_COLLAB_DOCUMENTS,
//   BENCH_COLLAB_STEP_SECONDS                                            see the constants below
//
// 1. Propagation: one client types into the tender summary (a Y.Text) at a fixed rate; the time from its
//    insert to another client applying it, through one instance, through two instances sharing documents
//    through Redis, and through a bare Hocuspocus server (the comparison). The paths take turns keystroke
//    by keystroke, so a busy machine slows them alike.
// 2. Memory per open document: N tenders opened live, one client each; the server's RSS and its JS heap
//    (after a full collection) before and after, divided by N.
// 3. Editors on one document: 2, 5, 10, 20… clients each typing at a fixed rate, until the p95 of
//    propagation to the others reaches 100 ms or a keystroke is lost; then two bisecting steps. The same
//    ramp on the bare server.
// See docs/benchmarks.md for the method and the figures measured.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import sqlite3 from 'sqlite3';
import * as Y from 'yjs';
import { connectDoc, HttpSession, waitFor } from './collab-client.mjs';
import { freePort, onInterrupt, printTable, startBuiltServer, startNode } from './server.mjs';

const setting = (name, fallback) => Number(process.env[name] ?? fallback);
const KEYSTROKES = setting('BENCH_COLLAB_KEYSTROKES', 300);
const KEYSTROKE_MS = 100; // one typist in the propagation rows: 10 keystrokes a second, a fast typist
const DOCUMENTS = setting('BENCH_COLLAB_DOCUMENTS', 200);
const EDITOR_KEYSTROKE_MS = 200; // each editor on a shared document: 5 keystrokes a second
const STEP_MS = setting('BENCH_COLLAB_STEP_SECONDS', 3) * 1000;
// Small steps type for longer, up to 8 s, so their p95 rests on at least 80 timings.
const STEP_SAMPLES = 80;
const STEP_MAX_MS = 8000;
const RAMP = [2, 5, 10, 20, 40, 80, 160, 320];
const OBSERVERS = 3; // whole clients per shared document; the other editors only type (see editorsStep)
const BISECTIONS = 1;
const RAMP_BUDGET_MS = 50_000; // per server, so the whole collaboration bench stays near three minutes
const P95_LIMIT_MS = 100;
const DRAIN_MS = 10_000;
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
// Unset: SQLite files. Set (postgres://…): the Openbrief servers use fresh schemas in that database instead.
const POSTGRES_URL = process.env.BENCH_COLLAB_DATABASE_URL;
const BUYER = 'buyer@demo.test';
// Hundreds of sockets from one bench client: sign-in throttling must not be what limits it.
const SERVER_ENV = { SIGN_IN_LIMIT_PER_ADDRESS: '1000', SIGN_IN_LIMIT_PER_ACCOUNT: '1000' };
const PHRASE = 'The service should reduce missed outpatient appointments by a fifth within a year. ';
const HOCUSPOCUS = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../node_modules/@hocuspocus/server/package.json'), 'utf8'),
).version;

const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const wsUrl = (httpUrl) => `${httpUrl.replace(/^http/, 'ws')}/api/v1/collab`;
const ms = (n) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(0);
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function percentile(values, p) {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Times every keystroke from its insert to each other client applying it (one process, one clock). */
class Propagation {
  sent = new Map();
  samples = [];
  expected = 0;

  watch(doc) {
    doc.on('afterTransaction', (tr) => {
      if (tr.local) return;
      const now = performance.now();
      // The clocks a remote transaction added, per client, name exactly the keystrokes it carried.
      tr.afterState.forEach((after, client) => {
        for (let clock = tr.beforeState.get(client) ?? 0; clock < after; clock++) {
          const at = this.sent.get(`${client}:${clock}`);
          if (at !== undefined) this.samples.push(now - at);
        }
      });
    });
  }

  /** One keystroke by `typist`, which `receivers` other clients should each apply. */
  keystroke(typist, receivers) {
    const { doc } = typist;
    this.sent.set(`${doc.clientID}:${Y.getState(doc.store, doc.clientID)}`, performance.now());
    this.expected += receivers;
    typist.type();
  }

  delivered() {
    return waitFor(() => this.samples.length >= this.expected, DRAIN_MS);
  }

  reset() {
    this.sent.clear();
    this.samples = [];
    this.expected = 0;
  }
}

/** Types the phrase one character per call at its own cursor in a Y.Text (the cursor moves with others' edits). */
class Typist {
  next = 0;

  constructor(client, field, start) {
    this.doc = client.doc;
    this.text = client.text(field);
    this.cursor = Y.createRelativePositionFromTypeIndex(this.text, start ?? this.text.length);
  }

  type() {
    const index = Y.createAbsolutePositionFromRelativePosition(this.cursor, this.doc)?.index ?? this.text.length;
    this.text.insert(index, PHRASE[this.next++ % PHRASE.length]);
    this.cursor = Y.createRelativePositionFromTypeIndex(this.text, index + 1);
  }
}

function redisAnswers(url) {
  const { hostname, port } = new URL(url);
  return new Promise((ok) => {
    const socket = connect(Number(port || 6379), hostname);
    const done = (answer) => {
      socket.destroy();
      ok(answer);
    };
    socket.setTimeout(1000, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** A fresh database for one or more instances: a SQLite file in `dir`, or a PostgreSQL schema. */
async function freshDatabase(dir, name, schemas) {
  if (!POSTGRES_URL) return { DATABASE_PATH: join(dir, `${name}.sqlite`) };
  const schema = `bench_${name}_${randomUUID().slice(0, 8)}`;
  await adminQuery(`CREATE SCHEMA ${schema}`);
  schemas.push(schema);
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  // PostgreSQL requires APP_SECRET; every instance on this schema shares it (CSRF tokens must verify on each).
  return {
    DATABASE_URL: url.toString(),
    APP_SECRET: `bench-${randomUUID()}${randomUUID()}`,
    BID_MASTER_KEY: randomBytes(32).toString('base64'),
  };
}

async function adminQuery(sql) {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Commit latency of the database the bench uses (a one-row insert per transaction, as Openbrief logs
 * each update), printed beside the figures: a slow or busy disk shows in Openbrief's, not in bare's.
 */
async function commitLatency(dir, schemas) {
  const times = [];
  const time = async (commit) => {
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await commit();
      times.push(performance.now() - t);
    }
  };
  if (POSTGRES_URL) {
    const schema = `bench_probe_${randomUUID().slice(0, 8)}`;
    await adminQuery(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.probe (id serial PRIMARY KEY, data bytea)`);
    schemas.push(schema);
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await time(async () => {
      await client.query('BEGIN');
      await client.query(`INSERT INTO ${schema}.probe (data) VALUES ($1)`, [Buffer.alloc(32)]);
      await client.query('COMMIT');
    });
    await client.end();
  } else {
    const db = new sqlite3.Database(join(dir, 'probe.sqlite'));
    const run = (sql, params = []) => new Promise((ok, fail) => db.run(sql, params, (error) => (error ? fail(error) : ok())));
    await run('PRAGMA journal_mode = WAL');
    await run('CREATE TABLE probe (id INTEGER PRIMARY KEY, data BLOB)');
    await time(async () => {
      await run('BEGIN');
      await run('INSERT INTO probe (data) VALUES (?)', [Buffer.alloc(32)]);
      await run('COMMIT');
    });
    await new Promise((ok) => db.close(ok));
  }
  return `p50 ${ms(percentile(times, 50))} ms, p95 ${ms(percentile(times, 95))} ms`;
}

async function startBare() {
  const port = await freePort();
  const bare = startNode([join(import.meta.dirname, 'bare-hocuspocus.mjs')], { PORT: String(port) });
  await new Promise((ok, fail) => {
    bare.child.once('message', ok);
    bare.exited.then(() => fail(new Error('the bare Hocuspocus server did not start')));
  });
  bare.url = `ws://127.0.0.1:${port}`;
  return bare;
}

let templateId;
async function createTender(session, title) {
  templateId ??= (await session.request('GET', '/api/v1/tender-templates'))[0]?.id;
  return (await session.request('POST', '/api/v1/tenders', { title, templateId })).id;
}

/** Opens `count` clients, `batch` at a time (a stampede of handshakes is not what is measured here). */
async function openClients(count, open, batch = 20) {
  const clients = [];
  for (let i = 0; i < count; i += batch) {
    const opened = await Promise.allSettled(Array.from({ length: Math.min(batch, count - i) }, (_, k) => open(i + k)));
    clients.push(...opened.filter((o) => o.status === 'fulfilled').map((o) => o.value));
    const failure = opened.find((o) => o.status === 'rejected');
    if (failure) {
      for (const c of clients) c.close();
      throw failure.reason;
    }
  }
  return clients;
}

/** Waits until the server is idle (under 10% of a core for a quarter of a second), so steps do not overlap. */
async function settle(server) {
  for (let i = 0; i < 40; i++) {
    const before = server.cpuMs();
    await sleep(250);
    if (server.cpuMs() - before < 25) return;
  }
}

/** A typist and a watcher on one document: the clients whose propagation the first table reports. */
async function typingPair(name, connectOne, { seed = null, required = true } = {}) {
  const a = await connectOne();
  if (seed) Y.applyUpdate(a.doc, seed);
  const b = await connectOne();
  const close = () => {
    a.close();
    b.close();
  };
  const prop = new Propagation();
  prop.watch(b.doc);
  const typist = new Typist(a, 'summary');
  // One keystroke first proves the path works (two instances share nothing without Redis) and warms it.
  let works = await waitFor(() => b.text('summary')?.toString() === a.text('summary').toString(), 5000);
  if (works) {
    prop.keystroke(typist, 1);
    works = await waitFor(() => prop.samples.length === 1, 5000);
  }
  prop.reset();
  if (!works && required) {
    close();
    throw new Error(`${name}: a keystroke did not reach the second client`);
  }
  return { name, a, prop, typist, works, close };
}

/** The paths take turns: every KEYSTROKE_MS / paths ms the next one gets a keystroke. */
async function typeInTurns(pairs) {
  const slot = KEYSTROKE_MS / pairs.length;
  const start = performance.now();
  for (let i = 0; i < KEYSTROKES * pairs.length; i++) {
    await sleep(start + i * slot - performance.now());
    const pair = pairs[i % pairs.length];
    pair.prop.keystroke(pair.typist, 1);
  }
  await Promise.all(pairs.map((p) => p.prop.delivered()));
}

async function memoryPerDocument(server, session, tenderIds) {
  const cookie = session.cookieHeader();
  // The first document opened loads code and fills caches that every later one shares: not per document.
  const warm = await connectDoc(wsUrl(server.url), `tender:${tenderIds[0]}`, cookie);
  warm.close();
  await settle(server);
  const before = await server.memory();
  const rssBefore = server.rss();
  const clients = await openClients(DOCUMENTS, (i) => connectDoc(wsUrl(server.url), `tender:${tenderIds[i + 1]}`, cookie), 10);
  await settle(server);
  const after = await server.memory();
  const rssAfter = server.rss();
  const state = Y.encodeStateAsUpdate(clients[0].doc);
  for (const c of clients) c.close();
  const heap = (m) => m.heapUsed + m.external;
  return {
    state,
    rows: [
      ['measure', 'value'],
      ['documents open, one client each', DOCUMENTS],
      ['one document, encoded state', kib(state.length)],
      ['server RSS (VmRSS) before → after', `${mib(rssBefore)} → ${mib(rssAfter)}`],
      ['server JS heap + external, after GC', `${mib(heap(before))} → ${mib(heap(after))}`],
      ['RSS per open document', kib((rssAfter - rssBefore) / DOCUMENTS)],
      ['JS heap + external per open document', kib((heap(after) - heap(before)) / DOCUMENTS)],
    ],
  };
}

async function typeAtRate(prop, typist, receivers, until) {
  let next = performance.now() + Math.random() * EDITOR_KEYSTROKE_MS;
  while (next < until) {
    await sleep(next - performance.now());
    prop.keystroke(typist, receivers);
    next += EDITOR_KEYSTROKE_MS;
  }
}

/**
 * One ramp step: `n` editors on a fresh document, all typing for STEP_MS. The first OBSERVERS are whole
 * clients (they type, apply everything and time it); the others type but ignore what arrives, standing in
 * for browsers on other machines: the server's work is the same, and one bench process can play many.
 */
async function editorsStep(target, n, again = false) {
  let clients;
  try {
    clients = await target.open(n);
  } catch (error) {
    return {
      ok: false,
      row: [target.label, n, `could not connect: ${error.message}`, ...Array(7).fill('')],
      reason: `${n} editors could not all connect`,
    };
  }
  const prop = new Propagation();
  const observers = Math.min(n, OBSERVERS);
  const typists = clients.map((c, i) => {
    if (i < observers) prop.watch(c.doc);
    else c.provider.onMessage = () => undefined;
    return new Typist(c, 'summary', Math.floor(Math.random() * (c.text('summary').length + 1)));
  });
  const receivers = (i) => (i < observers ? observers - 1 : observers);
  const perSecond = (clients.reduce((sum, _, i) => sum + receivers(i), 0) * 1000) / EDITOR_KEYSTROKE_MS;
  const duration = Math.min(STEP_MAX_MS, Math.max(STEP_MS, (STEP_SAMPLES / perSecond) * 1000));
  await settle(target.server);
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const server0 = target.server.cpuMs();
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  loop.enable();
  await Promise.all(typists.map((t, i) => typeAtRate(prop, t, receivers(i), t0 + duration)));
  const delivered = await prop.delivered();
  loop.disable();
  const wall = performance.now() - t0;
  const own = process.cpuUsage(own0);
  const serverCpu = target.server.cpuMs() - server0;
  for (const c of clients) c.close();
  await settle(target.server);
  const p95 = percentile(prop.samples, 95);
  const ok = delivered && p95 < P95_LIMIT_MS;
  return {
    ok,
    reason: delivered ? `${n} editors: p95 ${ms(p95)} ms` : `${n} editors: not every keystroke arrived within ${DRAIN_MS / 1000} s`,
    row: [
      target.label,
      again ? `${n}, again` : n,
      `${prop.sent.size} in ${(duration / 1000).toFixed(0)} s`,
      `${prop.samples.length}/${prop.expected}`,
      ms(percentile(prop.samples, 50)),
      ms(p95),
      `${((serverCpu / wall) * 100).toFixed(0)}%`,
      (serverCpu / prop.sent.size).toFixed(2),
      `${(((own.user + own.system) / 1000 / wall) * 100).toFixed(0)}%`,
      ms(loop.percentile(99) / 1e6),
    ],
  };
}

/**
 * Doubles the editors until a step fails, then bisects once between the last pass and the failure. A
 * failed step runs a second time and fails only if that fails too: another user of a shared machine
 * can spoil one run, while a real limit spoils both.
 */
async function ramp(target) {
  const began = performance.now();
  const inBudget = () => performance.now() - began < RAMP_BUDGET_MS;
  const rows = [];
  let largest = 0;
  let failed = null;
  let reason = `every step up to ${RAMP.at(-1)} passed`;
  const step = async (n) => {
    let result = await editorsStep(target, n);
    rows.push(result.row);
    if (!result.ok && inBudget()) {
      result = await editorsStep(target, n, true);
      rows.push(result.row);
    }
    if (result.ok) largest = Math.max(largest, n);
    else [failed, reason] = [n, result.reason];
    return result.ok;
  };
  for (const n of RAMP) {
    if (!inBudget()) {
      reason = `stopped at ${largest}: time budget spent`;
      break;
    }
    if (!(await step(n))) break;
  }
  for (let i = 0; i < BISECTIONS && failed; i++) {
    const n = Math.round((largest + failed) / 2);
    if (n === largest || n === failed || !inBudget()) break;
    await step(n);
  }
  return { rows, largest, reason };
}

export async function collabBench() {
  const started = performance.now();
  const loadBefore = load();
  const dir = mkdtempSync(join(tmpdir(), 'openbrief-bench-collab-'));
  const servers = [];
  const pairs = [];
  const schemas = [];
  let removal;
  // Shared: on a signal, this `finally` and the interrupt handler may both get here.
  const removeDatabases = () =>
    (removal ??= (async () => {
      rmSync(dir, { recursive: true, force: true });
      for (const schema of schemas) await adminQuery(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    })());
  const forget = onInterrupt(removeDatabases);
  const start = async (env) => {
    const server = await startBuiltServer({ ...SERVER_ENV, ...env });
    servers.push(server);
    return server;
  };
  // Started early, while the tenders are made: server start-up is slow on a busy machine.
  const bareReady = startBare().then((bare) => (servers.push(bare), bare));
  const pairReady = (async () => {
    if (!(await redisAnswers(REDIS_URL))) return null;
    const shared = { ...(await freshDatabase(dir, 'shared', schemas)), REDIS_URL };
    // One after the other: the first creates and seeds the shared database, the second finds it ready.
    const first = await start(shared);
    return [first, await start(shared)];
  })();
  // Awaited below; this only keeps an early failure from counting as unhandled before then.
  for (const ready of [bareReady, pairReady]) ready.catch(() => undefined);
  try {
    // The tenders for the memory rows are made by a first process, so the measured one has not just
    // served hundreds of REST requests (their garbage would blur its memory figures).
    const oneDb = await freshDatabase(dir, 'one', schemas);
    const maker = await start(oneDb);
    const makerSession = await HttpSession.signIn(maker.url, BUYER);
    const tenderIds = [];
    // One at a time: two creations at once can pick the same reference on PostgreSQL (409).
    for (let i = 0; i <= DOCUMENTS; i++) tenderIds.push(await createTender(makerSession, `Bench tender ${i + 1}`));
    const draft = (await makerSession.request('GET', '/api/v1/tenders')).find(
      (t) => t.status === 'draft' && !t.title.startsWith('Bench'),
    ).id;
    await maker.stop();

    const phases = [`setting up ${seconds(started)} s`];
    let phase = performance.now();
    const single = await start(oneDb);
    const session = makerSession.at(single.url);
    const memory = await memoryPerDocument(single, session, tenderIds);

    phases.push(`memory ${seconds(phase)} s`);
    phase = performance.now();
    const one = await typingPair('Openbrief, one instance', () => connectDoc(wsUrl(single.url), `tender:${draft}`, session.cookieHeader()));
    pairs.push(one);
    const bare = await bareReady;
    const bareName = `bare Hocuspocus ${HOCUSPOCUS} (no auth, no persistence)`;
    pairs.push(await typingPair(bareName, () => connectDoc(bare.url, `tender:${draft}`), { seed: Y.encodeStateAsUpdate(one.a.doc) }));
    let twoInstances = `skipped: Redis at ${REDIS_URL} does not answer`;
    const pairServers = (await pairReady) ?? [];
    if (pairServers.length) {
      const pairSession = await HttpSession.signIn(pairServers[0].url, BUYER);
      const id = (await pairSession.request('GET', '/api/v1/tenders')).find((t) => t.status === 'draft').id;
      const urls = pairServers.map((s) => wsUrl(s.url));
      const pair = await typingPair(
        'Openbrief, two instances + Redis',
        () => connectDoc(urls.shift(), `tender:${id}`, pairSession.cookieHeader()),
        { required: false },
      );
      if (pair.works) {
        pairs.splice(1, 0, pair);
        twoInstances = null;
      } else {
        pair.close();
        twoInstances = 'skipped: a keystroke on one instance never reached the other (does this build read REDIS_URL?)';
      }
    }
    await typeInTurns(pairs);
    const propagation = [['path', 'median ms', 'p95 ms', 'max ms', 'delivered']];
    for (const p of pairs) {
      const s = p.prop.samples;
      propagation.push([p.name, ms(percentile(s, 50)), ms(percentile(s, 95)), ms(Math.max(...s)), `${s.length}/${p.prop.expected}`]);
    }
    if (twoInstances) propagation.splice(2, 0, ['Openbrief, two instances + Redis', twoInstances, '', '', '']);
    const ratio = (p) => (percentile(one.prop.samples, p) / percentile(pairs.at(-1).prop.samples, p)).toFixed(2);
    propagation.push(['Openbrief one instance / bare', `${ratio(50)}×`, `${ratio(95)}×`, '', '']);
    for (const p of pairs.splice(0)) p.close();
    for (const s of pairServers) await s.stop();

    phases.push(`propagation ${seconds(phase)} s`);
    const commits = await commitLatency(dir, schemas);
    phase = performance.now();
    const seed = memory.state;
    const ramps = [
      await ramp({
        label: 'Openbrief',
        server: single,
        open: async (n) => {
          const name = `tender:${await createTender(session, `Bench: ${n} editors`)}`;
          return openClients(n, () => connectDoc(wsUrl(single.url), name, session.cookieHeader()));
        },
      }),
      await ramp({
        label: 'bare Hocuspocus',
        server: bare,
        open: async (n) => {
          // The same content as Openbrief's documents (a tender from the template), written by the first client.
          const name = `bench:${randomUUID()}`;
          const first = await connectDoc(bare.url, name);
          Y.applyUpdate(first.doc, seed);
          await waitFor(() => first.provider.unsyncedChanges === 0);
          return [first, ...(await openClients(n - 1, () => connectDoc(bare.url, name)))];
        },
      }),
    ];

    phases.push(`editors ${seconds(phase)} s`);
    printTable(
      `Live co-editing: keystroke propagation between two clients on loopback (${POSTGRES_URL ? 'PostgreSQL' : 'SQLite'}), ${KEYSTROKES} keystrokes per path at one per ${KEYSTROKE_MS} ms, paths taking turns; load average ${loadBefore}`,
      propagation,
    );
    printTable('Live co-editing: memory per open document (a tender from a template, one client each)', memory.rows);
    printTable(
      `Live co-editing: editors on one document, each typing a keystroke every ${EDITOR_KEYSTROKE_MS} ms, timed at ${OBSERVERS} of them (CPU: % of one core over the step)`,
      [
        [
          'server',
          'editors',
          'keystrokes',
          'timed deliveries',
          'median ms',
          'p95 ms',
          'server CPU',
          'server CPU ms per keystroke',
          'bench CPU',
          'bench loop p99 ms',
        ],
        ...ramps.flatMap((r) => r.rows),
      ],
    );
    const [ob, b] = ramps;
    console.log(`A one-row commit on the bench's database, measured before the editors: ${commits}.`);
    console.log(
      `Largest number of editors on one document with p95 propagation under ${P95_LIMIT_MS} ms: Openbrief ${ob.largest} (${ob.reason}); bare Hocuspocus ${b.largest} (${b.reason}).`,
    );
    console.log(`Collaboration bench: ${seconds(started)} s (${phases.join(', ')}); load average now ${load()}.`);
  } finally {
    for (const p of pairs) p.close();
    await Promise.allSettled([bareReady, pairReady]);
    for (const s of servers) await s.stop();
    await removeDatabases();
    forget();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await collabBench();
