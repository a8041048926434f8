// The public list with many published tenders (issue 10, item 12): body size, server CPU per request,
// resident memory, and throughput at 10 connections. Runs the built server on a SQLite file seeded by
// seed-published.mjs (or PostgreSQL with BENCH_DATABASE_URL, an empty database or schema).
//
//   node backend/bench/public-list.mjs            (BENCH_TENDERS=5000 by default)
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedPublished } from './seed-published.mjs';
import { printTable, startBuiltServer } from './server.mjs';

const COUNT = Number(process.env.BENCH_TENDERS ?? 5000);
const REQUESTS = 50;

export async function publicListBench() {
  const dir = mkdtempSync(join(tmpdir(), 'openbrief-bench-list-'));
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const db = databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_PATH: join(dir, 'bench.sqlite') };
  try {
    // First start: migrations and the demo data, which the seed clones.
    await (await startBuiltServer({ ...db, SEED_DEMO: 'true' })).stop();
    await seedPublished({ databasePath: db.DATABASE_PATH, databaseUrl, count: COUNT });
    const server = await startBuiltServer({ ...db, SEED_DEMO: 'true' });
    try {
      const rows = [['request', 'body KB', 'server CPU ms/request', 'wall ms/request']];
      for (const path of ['/api/v1/public/tenders', '/api/v1/public/tenders?limit=100']) {
        const body = await (await fetch(server.url + path)).text();
        const cpu = server.cpuMs();
        const started = performance.now();
        for (let i = 0; i < REQUESTS; i++) await (await fetch(server.url + path)).arrayBuffer();
        rows.push([
          `GET ${path}`,
          (body.length / 1024).toFixed(1),
          ((server.cpuMs() - cpu) / REQUESTS).toFixed(2),
          ((performance.now() - started) / REQUESTS).toFixed(2),
        ]);
      }
      // Every page, following the cursor, as a crawler would.
      const cpu = server.cpuMs();
      let pages = 0;
      let seen = 0;
      for (let cursor = null; ; pages++) {
        const page = await (await fetch(`${server.url}/api/v1/public/tenders?limit=100${cursor ? `&cursor=${cursor}` : ''}`)).json();
        seen += page.items.length;
        cursor = page.nextCursor;
        if (!cursor) break;
      }
      rows.push([`all ${pages + 1} pages of 100 (${seen} tenders)`, '', ((server.cpuMs() - cpu) / (pages + 1)).toFixed(2), '']);
      const load = await autocannon({
        url: `${server.url}/api/v1/public/tenders`,
        connections: 10,
        duration: Number(process.env.BENCH_SECONDS ?? 10),
      });
      const memory = await server.memory();
      printTable(`Public list, ${COUNT + 1} published tenders, ${databaseUrl ? 'PostgreSQL' : 'SQLite'}`, rows);
      printTable('GET /api/v1/public/tenders at 10 connections', [
        ['requests/s', 'p50 ms', 'p99 ms', 'non-2xx', 'RSS MB after', 'heap MB after GC'],
        [
          load.requests.average.toFixed(0),
          load.latency.p50,
          load.latency.p99,
          load.non2xx,
          (server.rss() / 1048576).toFixed(0),
          (memory.heapUsed / 1048576).toFixed(0),
        ],
      ]);
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await publicListBench();
