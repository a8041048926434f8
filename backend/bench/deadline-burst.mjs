// npm run bench (deadline burst): many suppliers submitting sealed responses with a 1 MB attachment just before
// the deadline, on the built server over loopback, on SQLite and then on PostgreSQL.
//
//   node backend/bench/deadline-burst.mjs   (after node backend/build.mjs; run.mjs runs it too)
//   BENCH_BURST_SUPPLIERS (200), BENCH_BURST_SECONDS (60), BENCH_BURST_ATTACHMENT_KB (1024),
//   BENCH_BURST_SQLITE (off: PostgreSQL only), BENCH_MIXED_POSTGRES_URL (an admin connection that creates and drops a fresh database; "off" skips it)
//
// Set-up (not measured): a buyer publishes a tender; each supplier signs up, signs in, starts a response and
// fills it in (every question, every declaration, a price line). Then two phases:
//   - the burst: every supplier uploads a 1 MB PDF and submits, each at a random moment within the window
//     (BENCH_BURST_SECONDS), as a rush before a deadline arrives;
//   - flat out: every supplier withdraws, uploads another 1 MB PDF and submits again, all at once: the most
//     submissions per second the server takes.
// Reported: submissions per second, p50/p99 of the upload and of the submit, errors (target 0). It reports and
// never fails on timing. See docs/benchmarks.md.
import { randomBytes, randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { HttpSession } from './collab-client.mjs';
import { percentile } from './load-client.mjs';
import { freshPostgres } from './mixed.mjs';
import { toContent } from './mixed-users.mjs';
import { printTable, startBuiltServer } from './server.mjs';

const setting = (name, fallback) => Number(process.env[name] ?? fallback);
const SUPPLIERS = setting('BENCH_BURST_SUPPLIERS', 200);
const WINDOW_SECONDS = setting('BENCH_BURST_SECONDS', 60);
const ATTACHMENT_BYTES = setting('BENCH_BURST_ATTACHMENT_KB', 1024) * 1024;
const SET_UP_AT_ONCE = 8;
const PASSWORD = 'plum harbour violin forty seven';
const DAY = 86_400_000;
const CSRF_COOKIE = 'XSRF-TOKEN';
const CSRF_HEADER = 'X-XSRF-TOKEN';

// Throttles meant for the internet are raised: every supplier here comes from 127.0.0.1.
const SERVER_ENV = {
  SIGN_IN_LIMIT_PER_ADDRESS: '100000',
  SIGN_IN_LIMIT_PER_ACCOUNT: '100000',
  PASSWORD_HASH_QUEUE: '1000',
};

const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** A small valid PDF of about `bytes` bytes: one page and a stream of random bytes (so nothing compresses it away). */
function pdfOf(bytes) {
  const filler = randomBytes(Math.max(0, bytes - 400));
  const head = Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n' +
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n' +
      `4 0 obj << /Length ${filler.length} >> stream\n`,
  );
  const tail = Buffer.from('\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
  return Buffer.concat([head, filler, tail]);
}

/** One multipart upload with the session's cookies and CSRF header; resolves to the status and the time it took. */
async function upload(session, path, file) {
  if (!session.cookies.has(CSRF_COOKIE)) await session.request('GET', '/api/v1/auth/session');
  const form = new FormData();
  form.append('file', new Blob([file], { type: 'application/pdf' }), 'method-statement.pdf');
  const res = await fetch(`${session.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie: session.cookieHeader(), [CSRF_HEADER]: session.cookies.get(CSRF_COOKIE) },
    body: form,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path} answered ${res.status}: ${text.slice(0, 200)}`);
  return JSON.parse(text);
}

/** The tender every supplier answers: published by the demo buyer, its deadline a day away. */
async function publishTender(server) {
  const buyer = await HttpSession.signIn(server.url, 'buyer@demo.test');
  const [template] = await buyer.request('GET', '/api/v1/tender-templates');
  const draft = await buyer.request('POST', '/api/v1/tenders', {
    title: 'Deadline burst: school transport booking',
    templateId: template.id,
  });
  const { id, revision } = draft;
  const content = toContent(draft);
  content.summary = 'Parents book school transport online and know the same day whether a place is confirmed.';
  content.problem = 'Applications are on paper and take weeks.';
  content.contact = { name: 'Alex Morgan', email: 'alex@council.test', phone: null };
  const at = (days) => new Date(Date.now() + days * DAY).toISOString();
  content.timetable = { ...content.timetable, clarificationDeadline: at(0.5), answersPublishedBy: at(0.6), submissionDeadline: at(1) };
  content.estimatedValue = 80_000;
  const saved = await buyer.request('PUT', `/api/v1/tenders/${id}`, { revision, content });
  await buyer.request('POST', `/api/v1/tenders/${id}/publish`, { revision: saved.revision });
  return buyer.request('GET', `/api/v1/tenders/${id}`);
}

/** A supplier with a filled-in draft response: signed up, signed in, response started and saved. */
async function preparedSupplier(server, tender, n) {
  const email = `burst-supplier-${n}-${randomUUID().slice(0, 8)}@bench.test`;
  const anonymous = new HttpSession(server.url);
  await anonymous.request('POST', '/api/v1/auth/sign-up', {
    name: `Supplier ${n}`,
    email,
    password: PASSWORD,
    organisationName: `Burst Supplies ${n} Ltd`,
    isSme: true,
  });
  const session = await HttpSession.signIn(server.url, email, PASSWORD);
  const lot = tender.lots[0];
  const started = await session.request('POST', '/api/v1/responses', { tenderId: tender.id, lotId: lot.id });
  const content = {
    answers: started.answers.map((a) => ({
      criterionId: a.criterionId,
      text: `We will meet this with a team that has run similar services for three councils. (${a.criterionName})`,
    })),
    declarations: started.declarations.map((d) => ({ requirementId: d.requirementId, meets: true, evidence: '' })),
    priceLines: [{ description: 'Service for the contract term', quantity: 12, unit: 'month', unitPrice: 4_500 }],
  };
  const saved = await fetchJson(session, 'PUT', `/api/v1/responses/${started.id}`, content, { 'if-match': `"${started.revision}"` });
  if (saved.missing?.length && !saved.missing.every((m) => m.kind === 'attachment'))
    throw new Error(`response of supplier ${n} still misses ${JSON.stringify(saved.missing)}`);
  return { session, responseId: started.id };
}

async function fetchJson(session, method, path, body, extra = {}) {
  if (!session.cookies.has(CSRF_COOKIE)) await session.request('GET', '/api/v1/auth/session');
  const res = await fetch(`${session.baseUrl}${path}`, {
    method,
    headers: {
      cookie: session.cookieHeader(),
      [CSRF_HEADER]: session.cookies.get(CSRF_COOKIE),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...extra,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : null;
}

async function inBatches(count, atOnce, fn) {
  const out = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: atOnce }, async () => {
      while (next < count) {
        const i = next++;
        out[i] = await fn(i);
      }
    }),
  );
  return out;
}

/** Each supplier uploads a PDF and submits, starting at `startAt(i)` ms after the phase begins. */
async function phase(suppliers, startAt, { withdrawFirst }) {
  const uploads = [];
  const submits = [];
  const errors = [];
  const file = pdfOf(ATTACHMENT_BYTES);
  const t0 = performance.now();
  await Promise.all(
    suppliers.map(async (s, i) => {
      await new Promise((r) => setTimeout(r, startAt(i)));
      try {
        if (withdrawFirst) await fetchJson(s.session, 'POST', `/api/v1/responses/${s.responseId}/withdraw`);
        let t = performance.now();
        await upload(s.session, `/api/v1/responses/${s.responseId}/attachments`, file);
        uploads.push(performance.now() - t);
        t = performance.now();
        await fetchJson(s.session, 'POST', `/api/v1/responses/${s.responseId}/submit`, undefined, { 'idempotency-key': randomUUID() });
        submits.push(performance.now() - t);
      } catch (error) {
        errors.push(error.cause ? `${error.message}: ${error.cause.code ?? ''} ${error.cause.message ?? error.cause}` : error.message);
      }
    }),
  );
  const wall = performance.now() - t0;
  return { uploads: uploads.sort((a, b) => a - b), submits: submits.sort((a, b) => a - b), errors, wall };
}

function row(label, { uploads, submits, errors, wall }, serverCpu) {
  return [
    label,
    submits.length,
    (submits.length / (wall / 1000)).toFixed(1),
    fmt(percentile(uploads, 50)),
    fmt(percentile(uploads, 99)),
    fmt(percentile(submits, 50)),
    fmt(percentile(submits, 99)),
    errors.length,
    `${serverCpu}%`,
  ];
}

async function onDatabase(label, env, drop = null) {
  const server = await startBuiltServer({ ...SERVER_ENV, ...env });
  try {
    const started = performance.now();
    const tender = await publishTender(server);
    const suppliers = await inBatches(SUPPLIERS, SET_UP_AT_ONCE, (i) => preparedSupplier(server, tender, i + 1));
    const seeding = ((performance.now() - started) / 1000).toFixed(0);
    const rows = [
      ['phase', 'submitted', 'per s', 'upload p50 ms', 'upload p99 ms', 'submit p50 ms', 'submit p99 ms', 'errors', 'server CPU'],
    ];
    const loadBefore = load();
    const measure = async (name, startAt, opts) => {
      const cpu0 = server.cpuMs();
      const t0 = performance.now();
      const result = await phase(suppliers, startAt, opts);
      const cpu = (((server.cpuMs() - cpu0) / (performance.now() - t0)) * 100).toFixed(0);
      rows.push(row(name, result, cpu));
      return result;
    };
    const burst = await measure(`burst within ${WINDOW_SECONDS} s`, () => Math.random() * WINDOW_SECONDS * 1000, { withdrawFirst: false });
    const flat = await measure('all at once (withdraw, attach, resubmit)', () => 0, { withdrawFirst: true });
    printTable(
      `Deadline burst, ${label}: ${SUPPLIERS} suppliers, ${(ATTACHMENT_BYTES / 1024 / 1024).toFixed(1)} MB attachment each (set up in ${seeding} s)`,
      rows,
    );
    // A server that stopped answering is the finding, not a footnote to the timings.
    if (server.child.exitCode !== null || server.child.signalCode !== null)
      console.log(`the server exited during the bench: code ${server.child.exitCode}, signal ${server.child.signalCode}`);
    const errors = burst.errors.length + flat.errors.length;
    console.log(
      `targets: errors ${errors} (target 0) ${errors === 0 ? 'pass' : 'FAIL'}; load average before / after: ${loadBefore} / ${load()}`,
    );
    for (const e of [...burst.errors, ...flat.errors].slice(0, 5)) console.log(`  error: ${e}`);
  } finally {
    await server.stop();
    await drop?.();
  }
}

export async function deadlineBurstBench() {
  // BENCH_BURST_SQLITE=off measures PostgreSQL alone.
  if (process.env.BENCH_BURST_SQLITE !== 'off') await onDatabase('SQLite', {});
  const postgres = await freshPostgres();
  if (postgres) await onDatabase('PostgreSQL (127.0.0.1)', postgres.env, postgres.drop);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await deadlineBurstBench();
