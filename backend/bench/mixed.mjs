// npm run bench (mixed load): many users at once on the built server over loopback, on SQLite and then on
// PostgreSQL, then the p99 of /api/health while the largest allowed .docx is imported again and again.
//
//   node backend/bench/mixed.mjs         (after node backend/build.mjs; run.mjs runs it too)
//   BENCH_MIXED_SECONDS (60), BENCH_MIXED_CLIENTS (200), BENCH_MIXED_THINK_MS (1000),
//   BENCH_MIXED_FLAT_SECONDS (15), BENCH_MIXED_PUBLISHED (300), BENCH_IMPORT_SECONDS (20),
//   BENCH_MIXED_POSTGRES_URL (an admin connection that creates and drops a fresh database; "off" skips it)
//
// The users: half read one published tender, 15% page through the public list, 15% check a short
// specification, 10% save a draft over REST (two editors per draft, so some saves meet a 409 and retry),
// 10% type into a draft live over the WebSocket (two per draft). It reports and never fails on timing.
// See docs/benchmarks.md for the method and the figures measured.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { connectDoc, HttpSession } from './collab-client.mjs';
import { importHealthBench } from './import-health.mjs';
import { LoadClient, percentile, Recorder, resent } from './load-client.mjs';
import { checker, KINDS, lister, liveEditor, reader, restEditor, runUser, toContent } from './mixed-users.mjs';
import { onInterrupt, printTable, startBuiltServer } from './server.mjs';

const setting = (name, fallback) => Number(process.env[name] ?? fallback);
const SECONDS = setting('BENCH_MIXED_SECONDS', 60);
const CLIENTS = setting('BENCH_MIXED_CLIENTS', 200);
// Each user waits 0–2× this between operations (a person reads before the next click). 0: flat out.
const THINK_MS = setting('BENCH_MIXED_THINK_MS', 1000);
// Then the same users without think time for this long, for the most the server manages (0 skips it).
const FLAT_SECONDS = setting('BENCH_MIXED_FLAT_SECONDS', 15);
const PUBLISHED = setting('BENCH_MIXED_PUBLISHED', 300);
const POSTGRES_ADMIN = process.env.BENCH_MIXED_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BUYER = 'buyer@demo.test';
const BUYER_SESSIONS = 4; // a few signed-in tabs shared by the editors: sign-in throttling is not measured here
const P99_TARGET_MS = 200;
// Users per kind, as shares of CLIENTS (at least one each).
const MIX = [
  ['read', 0.5],
  ['list', 0.15],
  ['check', 0.15],
  ['save', 0.1],
  ['live', 0.1],
];
// Limits meant for the internet are raised so the bench measures throughput, not the throttles: every user
// comes from 127.0.0.1, which the per-address limits would count as one visitor (see docs/security.md).
export const BENCH_SERVER_ENV = {
  SIGN_IN_LIMIT_PER_ADDRESS: '1000',
  SPEC_CHECK_RATE_LIMIT: '1000000',
  SPEC_CHECK_RATE_LIMIT_SIGNED_IN: '1000000',
};

const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
const verdict = (ok) => (ok ? 'pass' : 'FAIL');
const corpus = readFileSync(fileURLToPath(new URL('../../libs/spec-check/corpus/requirements.jsonl', import.meta.url)), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line).text);

const DAY = 86_400_000;
const inDays = (days) => new Date(Date.now() + days * DAY).toISOString();

let templateId;
async function createDraft(session, title) {
  templateId ??= (await session.request('GET', '/api/v1/tender-templates'))[0]?.id;
  return session.request('POST', '/api/v1/tenders', { title, templateId });
}

/**
 * Drafts filled as publication needs, then published, four at a time. Two creations at once can pick the
 * same reference on PostgreSQL (409): such a creation is simply tried again.
 */
async function seedPublished(session, count) {
  const ids = [];
  let next = 0;
  const publishOne = async (i) => {
    let created;
    for (let attempt = 0; !created; attempt++) {
      created = await createDraft(session, `Bench tender ${i + 1}: ${corpus[i % corpus.length].slice(0, 120)}`).catch((error) => {
        if (attempt > 5 || !/answered 409/.test(error.message)) throw error;
      });
    }
    const content = toContent(created);
    content.summary = `${corpus[(i * 7) % corpus.length]} ${corpus[(i * 11) % corpus.length]}`.slice(0, 2000);
    content.problem = 'Applications are on paper and take weeks.';
    content.contact = { name: 'Alex Morgan', email: 'alex@council.test', phone: null };
    content.timetable = { ...content.timetable, clarificationDeadline: inDays(10), submissionDeadline: inDays(20) };
    content.estimatedValue = 50_000 + i * 1_000;
    const saved = await session.request('PUT', `/api/v1/tenders/${created.id}`, { revision: created.revision, content });
    await session.request('POST', `/api/v1/tenders/${created.id}/publish`, { revision: saved.revision });
    ids.push(created.id);
  };
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < count) await publishOne(next++);
    }),
  );
  return ids;
}

function usersPerKind() {
  const counts = Object.fromEntries(MIX.map(([kind, share]) => [kind, Math.max(1, Math.round(CLIENTS * share))]));
  counts.read += CLIENTS - Object.values(counts).reduce((a, b) => a + b, 0);
  return counts;
}

/** A fresh PostgreSQL database (created here, dropped by `drop`), or null when PostgreSQL is off or not answering. */
export async function freshPostgres() {
  if (POSTGRES_ADMIN === 'off') return null;
  const name = `openbrief_bench_${randomBytes(4).toString('hex')}`;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: POSTGRES_ADMIN });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    await admin(`CREATE DATABASE ${name}`);
  } catch (error) {
    console.log(`\nPostgreSQL skipped: ${POSTGRES_ADMIN} did not answer (${error.message}).`);
    return null;
  }
  const url = new URL(POSTGRES_ADMIN);
  url.pathname = `/${name}`;
  let dropped;
  const drop = () => (dropped ??= admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  const forget = onInterrupt(drop);
  // PostgreSQL requires APP_SECRET (it signs the CSRF tokens); a build that predates it ignores it.
  const env = {
    DATABASE_URL: url.toString(),
    APP_SECRET: randomBytes(32).toString('base64url'),
    BID_MASTER_KEY: randomBytes(32).toString('base64'),
  };
  return { env, drop: () => drop().finally(forget) };
}

/** Seeds the data and sets up the users: one operation function per user, all recording into `rec`. */
async function setUp(server) {
  const counts = usersPerKind();
  const sessions = [];
  for (let i = 0; i < BUYER_SESSIONS; i++) sessions.push(await HttpSession.signIn(server.url, BUYER));
  const seedSession = sessions[0];
  const started = performance.now();
  const publishedIds = await seedPublished(seedSession, PUBLISHED);
  const drafts = async (n, label) => {
    const list = [];
    for (let i = 0; i < n; i++) list.push(await createDraft(seedSession, `Bench ${label} draft ${i + 1}`));
    return list;
  };
  // Two editors per draft.
  const restDrafts = await drafts(Math.ceil(counts.save / 2), 'REST');
  const liveDrafts = await drafts(Math.ceil(counts.live / 2), 'live');
  const seeding = ((performance.now() - started) / 1000).toFixed(0);

  const rec = new Recorder();
  const buyerClient = (i) => new LoadClient(server.url, sessions[i % sessions.length].cookies);
  const ops = [];
  for (let i = 0; i < counts.read; i++) ops.push(reader(new LoadClient(server.url), rec, publishedIds));
  for (let i = 0; i < counts.list; i++) ops.push(lister(new LoadClient(server.url), rec));
  for (let i = 0; i < counts.check; i++) ops.push(checker(new LoadClient(server.url), rec, corpus));
  for (let i = 0; i < counts.save; i++) ops.push(restEditor(buyerClient(i), rec, restDrafts[i >> 1], (i % 2) + 1));
  const yClients = [];
  const wsUrl = `${server.url.replace(/^http/, 'ws')}/api/v1/collab`;
  for (let i = 0; i < counts.live; i++) {
    const y = await connectDoc(wsUrl, `tender:${liveDrafts[i >> 1].id}`, sessions[i % sessions.length].cookieHeader());
    yClients.push(y);
    ops.push(liveEditor(y, rec));
  }
  return { counts, seeding, rec, ops, close: () => yClients.forEach((y) => y.close()) };
}

/** Every user runs for `seconds` with mean think time `thinkMs`; returns the figures and what the machine did meanwhile. */
async function phase(server, users, thinkMs, seconds) {
  users.rec.reset();
  resent.count = 0;
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const loadBefore = load();
  const server0 = server.cpuMs();
  const own0 = process.cpuUsage();
  const t0 = performance.now();
  loop.enable();
  await Promise.all(users.ops.map((op) => runUser(op, thinkMs, t0 + seconds * 1000)));
  loop.disable();
  const wall = performance.now() - t0;
  const own = process.cpuUsage(own0);
  return {
    ...users,
    thinkMs,
    wall,
    conditions: [
      `load average before / after: ${loadBefore} / ${load()}; requests resent after a kept-alive connection closed under them: ${resent.count}`,
      `server CPU ${(((server.cpuMs() - server0) / wall) * 100).toFixed(0)}% of a core; bench process CPU ${(((own.user + own.system) / 1000 / wall) * 100).toFixed(0)}%, its event-loop delay p99 ${fmt(loop.percentile(99) / 1e6)} ms`,
    ],
  };
}

function report(database, { rec, counts, wall, seeding, thinkMs, conditions }) {
  const users = {
    [KINDS.read]: counts.read,
    [KINDS.list]: counts.list,
    [KINDS.check]: counts.check,
    [KINDS.save]: counts.save,
    [KINDS.live]: counts.live,
  };
  const rows = [
    ['operation', 'users', 'done', 'per s', 'p50 ms', 'p99 ms', 'max ms', 'errors', thinkMs ? `p99 < ${P99_TARGET_MS} ms` : ''],
  ];
  // Flat out, latency is queueing behind the other users: only the paced run is judged against the target.
  const judge = (sorted) => (thinkMs && sorted.length ? verdict(percentile(sorted, 99) < P99_TARGET_MS) : '');
  const all = [];
  let errors = 0;
  let stale = 0;
  for (const kind of Object.values(KINDS)) {
    const k = rec.kinds.get(kind);
    if (!k) continue;
    const sorted = k.ms.sort((a, b) => a - b);
    all.push(...sorted);
    errors += k.errors;
    stale += k.expected;
    rows.push([
      kind,
      users[kind] ?? '',
      sorted.length,
      (sorted.length / (wall / 1000)).toFixed(1),
      fmt(percentile(sorted, 50)),
      fmt(percentile(sorted, 99)),
      fmt(sorted.at(-1)),
      k.errors,
      judge(sorted),
    ]);
  }
  all.sort((a, b) => a - b);
  const p99 = percentile(all, 99);
  rows.push([
    'all',
    CLIENTS,
    all.length,
    (all.length / (wall / 1000)).toFixed(1),
    fmt(percentile(all, 50)),
    fmt(p99),
    fmt(all.at(-1)),
    errors,
    judge(all),
  ]);
  const pace = thinkMs ? `think time 0–${2 * thinkMs} ms (mean ${thinkMs})` : 'flat out (no think time: the capacity)';
  printTable(
    `Mixed load, ${database}: ${CLIENTS} users for ${(wall / 1000).toFixed(0)} s, ${pace}; ${PUBLISHED} published tenders (seeded in ${seeding} s)`,
    rows,
  );
  const targets = `errors ${errors} (target 0) ${verdict(errors === 0)}; p99 ${fmt(p99)} ms (target < ${P99_TARGET_MS} ms) ${thinkMs ? verdict(p99 < P99_TARGET_MS) : '(not judged flat out)'}`;
  console.log(`targets: ${targets}; stale-revision 409s (expected, retried): ${stale}`);
  for (const line of conditions) console.log(line);
  for (const sample of rec.errorSamples) console.log(`  error: ${sample}`);
}

async function onDatabase(label, env, drop = null) {
  const server = await startBuiltServer({ ...BENCH_SERVER_ENV, ...env });
  try {
    const users = await setUp(server);
    try {
      report(label, await phase(server, users, THINK_MS, SECONDS));
      if (FLAT_SECONDS > 0) report(label, await phase(server, users, 0, FLAT_SECONDS));
    } finally {
      users.close();
    }
    // A refusal of every size is a finding to print, not a reason to skip the benches after this one.
    await importHealthBench(server, label).catch((error) =>
      console.log(`\n/api/health during imports, ${label}: not measured: ${error.message}`),
    );
  } finally {
    await server.stop();
    await drop?.();
  }
}

export async function mixedBench() {
  await onDatabase('SQLite', {});
  const postgres = await freshPostgres();
  if (postgres) await onDatabase('PostgreSQL (127.0.0.1)', postgres.env, postgres.drop);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await mixedBench();
