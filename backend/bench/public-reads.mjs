// npm run bench (public-reads part, issue 15 "Fast public reads"): the public read path with 5,000 published
// tenders loaded (seed-published.mjs), against a bare Fastify JSON route in the same run. For the public list, a
// search (?q= a common word; the list's second page where the server has no search), a tender's JSON and its pack
// PDF, each at 10 and 100 connections: requests/s, p50/p99 and the ratio to the bare route, with the targets (JSON
// at least 0.5× bare, p99 under 25 ms at 100 connections). Anonymous, as a CDN or a crawler reads. The endpoints
// and the bare route take turns, ROUNDS times, so a busy machine slows them alike (as http-stack.mjs does).
// Any non-2xx, error or timeout fails the bench.
//
//   node backend/bench/public-reads.mjs        (after node backend/build.mjs; run.mjs runs it too)
//   BENCH_TENDERS (5000), BENCH_SECONDS (5), BENCH_READS_ROUNDS (3)
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPublished } from './seed-published.mjs';
import { freePort, printTable, startBuiltServer, startNode } from './server.mjs';

const COUNT = Number(process.env.BENCH_TENDERS ?? 5000);
const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_READS_ROUNDS ?? 3);
const CONNECTIONS = [10, 100];
/** Targets from issue 15, for the JSON endpoints at 100 connections. */
const TARGET_RATIO = 0.5;
const TARGET_P99_MS = 25;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function startBareFastify() {
  const port = await freePort();
  const bare = startNode([join(import.meta.dirname, 'bare-fastify.mjs')], { PORT: String(port) });
  await new Promise((ok, fail) => {
    bare.child.once('message', ok);
    bare.exited.then(() => fail(new Error('the bare Fastify server did not start')));
  });
  bare.url = `http://127.0.0.1:${port}`;
  return bare;
}

async function measure(url, connections) {
  const r = await autocannon({ url, connections, duration: DURATION });
  if (r.non2xx || r.errors || r.timeouts || !r.requests.total) {
    throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts, ${r.requests.total} answered`);
  }
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

async function json(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.json();
}

/** The search to bench: a word of the newest title, if the server searches (`q`); otherwise the list's second page. */
async function searchTarget(base, title) {
  const word = title.split(/\W+/).find((w) => w.length >= 4) ?? 'tender';
  const probe = await fetch(`${base}/api/v1/public/tenders?q=${encodeURIComponent(word)}`);
  if (probe.ok) {
    const page = await probe.json();
    if (page.items?.length) {
      return {
        label: `GET /api/v1/public/tenders?q=${word} (${page.total} found)`,
        path: `/api/v1/public/tenders?q=${encodeURIComponent(word)}`,
      };
    }
  }
  const first = await json(`${base}/api/v1/public/tenders`);
  return {
    label: 'GET /api/v1/public/tenders, page 2 (no search in this build)',
    path: `/api/v1/public/tenders?cursor=${encodeURIComponent(first.nextCursor)}`,
  };
}

export async function publicReadsBench() {
  const dir = mkdtempSync(join(tmpdir(), 'openbrief-bench-reads-'));
  const db = { DATABASE_PATH: join(dir, 'bench.sqlite') };
  let server;
  let bare;
  try {
    // First start: migrations and the demo data, which the seed clones.
    await (await startBuiltServer({ ...db, SEED_DEMO: 'true' })).stop();
    await seedPublished({ databasePath: db.DATABASE_PATH, count: COUNT });
    [server, bare] = await Promise.all([startBuiltServer({ ...db, SEED_DEMO: 'true' }), startBareFastify()]);
    const first = await json(`${server.url}/api/v1/public/tenders?limit=1`);
    const tender = first.items[0];
    if (first.total < COUNT) throw new Error(`expected ${COUNT} published tenders, the list has ${first.total}`);
    const search = await searchTarget(server.url, tender.title);
    const targets = {
      bare: { label: 'GET /bare (bare Fastify, fixed JSON)', url: `${bare.url}/bare`, json: true },
      list: { label: 'GET /api/v1/public/tenders', url: `${server.url}/api/v1/public/tenders`, json: true },
      search: { label: search.label, url: server.url + search.path, json: true },
      detail: { label: 'GET /api/v1/public/tenders/:id', url: `${server.url}/api/v1/public/tenders/${tender.id}`, json: true },
      pack: {
        label: 'GET /api/v1/public/tenders/:id/pack.pdf',
        url: `${server.url}/api/v1/public/tenders/${tender.id}/pack.pdf`,
        json: false,
      },
    };
    // Warm-up: JIT, the first (uncached) read of each, connection pools.
    for (const { url } of Object.values(targets)) await autocannon({ url, connections: 10, duration: 1 });

    const failures = [];
    for (const connections of CONNECTIONS) {
      const runs = Object.fromEntries(Object.keys(targets).map((k) => [k, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name, { url }] of Object.entries(targets)) runs[name].push(await measure(url, connections));
      }
      const rows = [['endpoint', 'requests/s', 'p50 ms', 'p99 ms', 'ratio to bare', 'ratio range', 'target']];
      for (const [name, { label, json: isJson }] of Object.entries(targets)) {
        const ratios = runs[name].map((r, i) => r.rps / runs.bare[i].rps);
        const rps = median(runs[name].map((r) => r.rps));
        const p99 = median(runs[name].map((r) => r.p99));
        let target = '';
        if (name !== 'bare' && isJson && connections === 100) {
          const met = median(ratios) >= TARGET_RATIO && p99 < TARGET_P99_MS;
          target = `≥ ${TARGET_RATIO}×, p99 < ${TARGET_P99_MS} ms: ${met ? 'met' : 'NOT met'}`;
          if (!met) failures.push(`${label} at ${connections} connections`);
        }
        rows.push([
          label,
          rps.toFixed(0),
          median(runs[name].map((r) => r.p50)),
          p99,
          name === 'bare' ? '1.00×' : `${median(ratios).toFixed(2)}×`,
          name === 'bare' ? '' : `${Math.min(...ratios).toFixed(2)}×–${Math.max(...ratios).toFixed(2)}×`,
          target,
        ]);
      }
      printTable(
        `Public reads, ${first.total} published tenders, SQLite, loopback, anonymous: ${connections} connections, ${ROUNDS} rounds of ${DURATION}s, taking turns`,
        rows,
      );
    }
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    if (failures.length) console.log(`Targets not met: ${failures.join('; ')}.`);
  } finally {
    await Promise.allSettled([server?.stop(), bare?.stop()]);
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await publicReadsBench();
