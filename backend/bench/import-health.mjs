// Part of the mixed-load bench: does one buyer importing the largest .docx the server accepts slow down
// everyone else? /api/health is polled at a steady rate (a load balancer's view of the process) while
// the document is imported again and again, one after another; its p99 is compared with the target.
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { HttpSession } from './collab-client.mjs';
import { buildDocx, FIXED_BYTES, PARAGRAPH_OVERHEAD } from './docx.mjs';
import { percentile, send } from './load-client.mjs';
import { printTable } from './server.mjs';

const IMPORT_SECONDS = Number(process.env.BENCH_IMPORT_SECONDS ?? 20);
const IDLE_SECONDS = 5;
const POLL_MS = 20; // 50 health checks a second, on a schedule that does not wait for slow answers
const HEALTH_P99_TARGET_MS = 50;
const SETTINGS_TS = fileURLToPath(new URL('../src/config/settings.ts', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../libs/spec-check/corpus/requirements.jsonl', import.meta.url));

const fmt = (n) => (Number.isFinite(n) ? n.toFixed(1) : '—');
const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;

/**
 * The import limits' defaults, read from settings.ts (the IMPORT_MAX_* variables), so the document is
 * sized to whatever the server enforces today. Units follow the name (…_BYTES, …_KB, …_MB).
 */
export function importLimits(source = readFileSync(SETTINGS_TS, 'utf8')) {
  const found = {};
  for (const [, name, value] of source.matchAll(/\b(IMPORT_MAX_\w+)\s*=\s*([\d_]+(?:\s*\*\s*[\d_]+)*)/g)) {
    const number = value.split('*').reduce((n, f) => n * Number(f.trim().replaceAll('_', '')), 1);
    found[name] = number * (/_MB$|_MIB$/.test(name) ? 1024 * 1024 : /_KB$|_KIB$/.test(name) ? 1024 : 1);
  }
  const named = (re) => Object.entries(found).find(([name]) => re.test(name))?.[1] ?? null;
  return {
    found,
    upload: named(/^IMPORT_MAX_(FILE_|UPLOAD_)?(BYTES|KB|MB|KIB|MIB)$/),
    uncompressed: named(/UNCOMPRESSED|EXPANDED|INFLATED|XML/),
    paragraphs: named(/PARAGRAPH/),
    chars: named(/CHARS/),
  };
}

/**
 * Paragraphs of realistic requirement text that fill just under the limits (98% of the paragraph count and
 * of the expanded size: long paragraphs, since the server keeps only the first 2,000 characters of each).
 */
function paragraphsFor(limits, scale) {
  const sentences = readFileSync(CORPUS, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l).text);
  const budget = limits.uncompressed ? limits.uncompressed * 0.98 * scale - FIXED_BYTES : null;
  const count = limits.paragraphs
    ? Math.floor(limits.paragraphs * 0.98 * scale)
    : budget
      ? Math.floor(budget / (400 + PARAGRAPH_OVERHEAD))
      : 2000;
  const byBytes = budget ? Math.floor(budget / count) - PARAGRAPH_OVERHEAD : 200;
  // The characters the answer may hold (the server keeps 2,000 of each paragraph) bound the length too.
  const byChars = limits.chars ? Math.floor((limits.chars * 0.98 * scale) / count) : Infinity;
  const length = Math.max(20, Math.min(byBytes, byChars));
  return Array.from({ length: count }, (_, i) => {
    let text = '';
    for (let k = i; text.length < length; k += 13) text += `${sentences[k % sentences.length]} `;
    return text.slice(0, length).trim();
  });
}

/**
 * One upload as the buyer. The answer (megabytes of JSON for the largest document) is read as a stream and
 * dropped unless `keep`: parsing it here would stall this process's event loop, which times the health checks.
 */
async function upload(server, session, docx, keep = false) {
  const form = new FormData();
  form.append('file', new Blob([docx.buffer]), 'largest-specification.docx');
  const headers = { cookie: session.cookieHeader(), 'x-xsrf-token': session.cookies.get('XSRF-TOKEN') ?? '' };
  const res = await fetch(`${server.url}/api/v1/tenders/import/file`, { method: 'POST', headers, body: form });
  if (keep || !res.ok) return { status: res.status, text: await res.text() };
  for await (const _chunk of res.body);
  return { status: res.status, text: '' };
}

/** The largest document the server takes: starts at 98% of the limits and shrinks while it is refused. */
async function largestAccepted(server, session, limits) {
  const refusals = [];
  let scale = 1;
  for (let i = 0; i < 8; i++, scale *= 0.8) {
    const paragraphs = paragraphsFor(limits, scale);
    const docx = buildDocx(paragraphs);
    if (limits.upload && docx.buffer.length > limits.upload * 0.98) continue;
    const res = await upload(server, session, docx, true).catch((e) => ({
      status: 'socket',
      text: `${e.message} (${e.cause?.message ?? ''})`,
    }));
    if (res.status === 200) return { docx, paragraphs: paragraphs.length, requirements: JSON.parse(res.text).requirements.length };
    refusals.push(`${kib(docx.buffer.length)}: ${res.status} ${res.text.slice(0, 200)}`);
    if (![413, 422, 400, 'socket'].includes(res.status)) break;
  }
  throw new Error(`the import took none of the sizes tried:\n  ${refusals.join('\n  ')}`);
}

/** Polls /api/health every POLL_MS on its own connections while `during()` runs; returns the latencies. */
async function pollHealth(server, during) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  const samples = [];
  const failed = [];
  let running = true;
  const pending = [];
  const poller = (async () => {
    const start = performance.now();
    for (let i = 0; running; i++) {
      await sleep(start + i * POLL_MS - performance.now());
      const t0 = performance.now();
      pending.push(
        send(`${server.url}/api/health`, { via: agent }).then(
          (res) => (res.status === 200 ? samples.push(performance.now() - t0) : failed.push(`HTTP ${res.status}`)),
          (error) => failed.push(error.message),
        ),
      );
    }
  })();
  await during();
  running = false;
  await poller;
  await Promise.all(pending);
  agent.destroy();
  return { sorted: samples.sort((a, b) => a - b), failures: failed.length, failed };
}

export async function importHealthBench(server, database) {
  const limits = importLimits();
  const session = await HttpSession.signIn(server.url, 'buyer@demo.test');
  await session.request('GET', '/api/health'); // the CSRF cookie
  const largest = await largestAccepted(server, session, limits);
  const idle = await pollHealth(server, () => sleep(IDLE_SECONDS * 1000));
  const imports = [];
  const importErrors = [];
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  const busy = await pollHealth(server, async () => {
    const until = performance.now() + IMPORT_SECONDS * 1000;
    while (performance.now() < until) {
      const t0 = performance.now();
      const res = await upload(server, session, largest.docx).catch((e) => ({ status: 'socket', text: e.message }));
      if (res.status === 200) imports.push(performance.now() - t0);
      else importErrors.push(`${res.status} ${res.text.slice(0, 200)}`);
    }
  });
  loop.disable();
  imports.sort((a, b) => a - b);
  const p99 = percentile(busy.sorted, 99);
  const limitText =
    Object.entries(limits.found)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ') || 'no IMPORT_MAX_* settings found';
  printTable(`/api/health during .docx imports, ${database}: polled every ${POLL_MS} ms`, [
    ['measure', 'count', 'p50 ms', 'p99 ms', 'max ms', 'failed', `p99 < ${HEALTH_P99_TARGET_MS} ms`],
    [
      'health, idle',
      idle.sorted.length,
      fmt(percentile(idle.sorted, 50)),
      fmt(percentile(idle.sorted, 99)),
      fmt(idle.sorted.at(-1)),
      idle.failures,
      '',
    ],
    [
      'health, during imports',
      busy.sorted.length,
      fmt(percentile(busy.sorted, 50)),
      fmt(p99),
      fmt(busy.sorted.at(-1)),
      busy.failures,
      p99 < HEALTH_P99_TARGET_MS && !busy.failures ? 'pass' : 'FAIL',
    ],
    [
      'import of the .docx (one at a time)',
      imports.length,
      fmt(percentile(imports, 50)),
      fmt(percentile(imports, 99)),
      fmt(imports.at(-1)),
      importErrors.length,
      '',
    ],
  ]);
  console.log(
    `the .docx: ${kib(largest.docx.buffer.length)} compressed, ${kib(largest.docx.uncompressed)} of XML, ${largest.paragraphs} paragraphs → ${largest.requirements} requirements; limits (defaults in settings.ts): ${limitText}`,
  );
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; bench process event-loop delay p99 ${fmt(loop.percentile(99) / 1e6)} ms during the imports`,
  );
  for (const f of [...new Set(busy.failed)].slice(0, 3)) console.log(`  health check failed: ${f}`);
  for (const e of [...new Set(importErrors)].slice(0, 3)) console.log(`  import failed: ${e}`);
}
