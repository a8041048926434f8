// npm run bench (backend part): throughput of the built server on loopback, the HTTP stack against a bare
// Fastify route (http-stack.mjs), then a mixed load of many users on SQLite and PostgreSQL (mixed.mjs), then
// live co-editing (collab.mjs), then going live (going-live.mjs), then a deadline burst of sealed responses
// (deadline-burst.mjs), then the public read path with 5,000 published tenders (public-reads.mjs).
import autocannon from 'autocannon';
import { collabBench } from './collab.mjs';
import { deadlineBurstBench } from './deadline-burst.mjs';
import { goingLiveBench } from './going-live.mjs';
import { httpStackBench } from './http-stack.mjs';
import { mixedBench } from './mixed.mjs';
import { publicReadsBench } from './public-reads.mjs';
import { printTable, startBuiltServer } from './server.mjs';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);

async function measure(url, opts = {}) {
  const r = await autocannon({ url, connections: 20, duration: DURATION, ...opts });
  return [r.requests.average.toFixed(0), r.latency.p50, r.latency.p99, r.non2xx];
}

const server = await startBuiltServer();
try {
  const rows = [['endpoint', 'requests/s', 'p50 ms', 'p99 ms', 'non-2xx']];
  rows.push(['GET /api/health (database check)', ...(await measure(`${server.url}/api/health`))]);
  rows.push(['GET /api/v1/public/tenders', ...(await measure(`${server.url}/api/v1/public/tenders`))]);
  printTable(`Backend on loopback, SQLite, 20 connections, ${DURATION}s each`, rows);
} finally {
  await server.stop();
}

await httpStackBench();
await mixedBench();
await collabBench();
await goingLiveBench();
await deadlineBurstBench();
await publicReadsBench();
