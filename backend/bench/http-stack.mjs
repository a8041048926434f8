// npm run bench (HTTP-stack part): what the app's HTTP stack costs, as requests/s relative to a bare Fastify
// route measured in the same run (issue 11, item 9). Openbrief's `GET /api/health` (a database check) and a
// public tender's page (`GET /api/v1/public/tenders/:id`, a published snapshot read from the database) are
// each divided by `GET /bare` on bare-fastify.mjs. The three take turns, ROUNDS times, so a busy machine
// slows them alike; the table shows each figure's median and the ratios' median and range.
//
//   node backend/bench/http-stack.mjs        (after node backend/build.mjs; run.mjs runs it too)
//   BENCH_SECONDS (5), BENCH_STACK_ROUNDS (3), BENCH_STACK_CONNECTIONS (20)
import autocannon from 'autocannon';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { freePort, printTable, startBuiltServer, startNode } from './server.mjs';

const DURATION = Number(process.env.BENCH_SECONDS ?? 5);
const ROUNDS = Number(process.env.BENCH_STACK_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_STACK_CONNECTIONS ?? 20);

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ratio = (x) => `${x.toFixed(2)}×`;

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

/** Requests/s over DURATION seconds; anything but 200 counts as a failure of the bench, not a figure. */
async function requestsPerSecond(url) {
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION });
  if (r.non2xx || r.errors || r.timeouts) throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts`);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
}

/** A published tender's id: the demo data publishes one. */
async function publishedTenderId(url) {
  const page = await (await fetch(`${url}/api/v1/public/tenders?limit=1`)).json();
  const id = (page.items ?? page)[0]?.id;
  if (!id) throw new Error('no published tender on the server (is SEED_DEMO on?)');
  return id;
}

export async function httpStackBench() {
  const [server, bare] = await Promise.all([startBuiltServer({ SEED_DEMO: 'true' }), startBareFastify()]);
  try {
    const id = await publishedTenderId(server.url);
    const targets = {
      bare: `${bare.url}/bare`,
      health: `${server.url}/api/health`,
      detail: `${server.url}/api/v1/public/tenders/${id}`,
    };
    // Warm-up: JIT, database caches and connection pools before anything is timed.
    for (const url of Object.values(targets)) await autocannon({ url, connections: CONNECTIONS, duration: 1 });
    const runs = { bare: [], health: [], detail: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, url] of Object.entries(targets)) runs[name].push(await requestsPerSecond(url));
    }
    const ratios = (name) => runs[name].map((r, i) => r.rps / runs.bare[i].rps);
    const row = (label, name) => {
      const r = ratios(name);
      return [
        label,
        median(runs[name].map((x) => x.rps)).toFixed(0),
        median(runs[name].map((x) => x.p50)),
        median(runs[name].map((x) => x.p99)),
        name === 'bare' ? '1.00×' : ratio(median(r)),
        name === 'bare' ? '' : `${ratio(Math.min(...r))}–${ratio(Math.max(...r))}`,
      ];
    };
    printTable(
      `HTTP stack vs a bare Fastify route: SQLite, loopback, ${CONNECTIONS} connections, ${ROUNDS} rounds of ${DURATION}s each, taking turns`,
      [
        ['endpoint', 'requests/s', 'p50 ms', 'p99 ms', 'ratio to bare', 'ratio range'],
        row('GET /bare (bare Fastify, fixed JSON)', 'bare'),
        row('GET /api/health (database check)', 'health'),
        row('GET /api/v1/public/tenders/:id', 'detail'),
      ],
    );
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await Promise.allSettled([server.stop(), bare.stop()]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await httpStackBench();
