// Benchmark worker: runs in a fresh process so that one case's memory does not pollute another's.
//
//   node --expose-gc worker.js time <requirements> <pairs>
//       Warms up, then alternates floor and pack renders, reporting each pair. Pairing cancels out the
//       drift of a busy machine; CPU time (all threads of this process) is reported next to wall time.
//   node --expose-gc worker.js memory <pack|floor|floor-tender> <requirements>
//       One render in a fresh process: peak RSS over the baseline, and the heap's peak over the baseline
//       (sampled whenever output is written, and after the render).
'use strict';
const path = require('node:path');
const { Writable } = require('node:stream');

process.env.SWC_NODE_PROJECT = path.resolve(__dirname, '../../../tsconfig.base.json');
require('@swc-node/register');

const { buildTenderPack, renderTenderPack } = require('../src');
const { renderFloor, tenderStrings } = require('./floor');
const { generateTender } = require('../test/fixtures/generate-tender');
const { SAMPLE_CLARIFICATIONS } = require('../test/fixtures/sample-tender');

const packOptions = { draft: false, version: 3, generatedAt: new Date('2026-11-02T10:30:00Z'), clarifications: SAMPLE_CLARIFICATIONS };

let heapPeak = 0;
const sampleHeap = () => {
  const h = process.memoryUsage().heapUsed;
  if (h > heapPeak) heapPeak = h;
};

function sink() {
  let bytes = 0;
  const out = new Writable({
    write(chunk, _enc, cb) {
      bytes += chunk.length;
      sampleHeap();
      cb();
    },
  });
  out.bytes = () => bytes;
  return out;
}

async function render(kind, tender, floorRuns) {
  const out = sink();
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let pages = null;
  if (kind === 'pack') pages = (await renderTenderPack(tender, packOptions, out)).pageCount;
  else await renderFloor(floorRuns, out);
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(c0);
  sampleHeap();
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000, bytes: out.bytes(), pages };
}

async function time(count, pairs) {
  const tender = generateTender(count);
  const floorRuns = buildTenderPack(tender, packOptions).textRuns();
  for (let i = 0; i < 3; i++) {
    await render('floor', tender, floorRuns);
    await render('pack', tender, floorRuns);
  }
  const results = [];
  for (let i = 0; i < pairs; i++) {
    // Alternate which goes first so neither always runs on a freshly collected heap.
    const first = i % 2 === 0 ? 'floor' : 'pack';
    const a = await render(first, tender, floorRuns);
    const b = await render(first === 'floor' ? 'pack' : 'floor', tender, floorRuns);
    const [floor, pack] = first === 'floor' ? [a, b] : [b, a];
    results.push({ floor, pack });
  }
  return { count, results };
}

async function memory(kind, count) {
  const tender = generateTender(count);
  const floorRuns = kind === 'floor-tender' ? tenderStrings(tender) : buildTenderPack(tender, packOptions).textRuns();
  global.gc();
  const base = process.memoryUsage();
  heapPeak = base.heapUsed;
  const r = await render(kind === 'pack' ? 'pack' : 'floor', tender, floorRuns);
  return {
    kind,
    count,
    ...r,
    rssPeakDeltaMb: (process.resourceUsage().maxRSS * 1024 - base.rss) / 1048576,
    heapPeakDeltaMb: (heapPeak - base.heapUsed) / 1048576,
  };
}

async function main() {
  const [mode, a, b] = process.argv.slice(2);
  const result = mode === 'time' ? await time(Number(a), Number(b || 15)) : await memory(a, Number(b));
  process.stdout.write(JSON.stringify(result));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
