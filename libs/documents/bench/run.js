#!/usr/bin/env node
// Tender pack benchmark: time and peak memory for a 300-requirement pack against the "floor" — pdfkit
// writing the same text runs in the same fonts with no layout, tagging or contents of ours.
//
//   node libs/documents/bench/run.js [requirements=300] [pairs=15]
//
// Prints a plain table. Timing alternates floor and pack renders in one warm process and reports
// medians; the ratio is the median of per-pair ratios, which is robust to a busy machine.
'use strict';
const { execFileSync } = require('node:child_process');
const path = require('node:path');

const TARGET = 1.5;
const count = Number(process.argv[2] || 300);
const pairs = Number(process.argv[3] || 15);
const worker = path.join(__dirname, 'worker.js');

function run(args) {
  const out = execFileSync(process.execPath, ['--expose-gc', worker, ...args], {
    cwd: path.resolve(__dirname, '../../..'),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out);
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const fmt = (n, d = 0) => n.toFixed(d);

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows
    .map((r, ri) => {
      const line = r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
      return ri === 0 ? `${line}\n${widths.map((w) => '-'.repeat(w)).join('  ')}` : line;
    })
    .join('\n');
}

const timing = run(['time', String(count), String(pairs)]);
const memPack = run(['memory', 'pack', String(count)]);
const memFloor = run(['memory', 'floor', String(count)]);
const memFloorTender = run(['memory', 'floor-tender', String(count)]);
// Memory must stay modest at the largest size we expect.
const mem500 = count === 500 ? null : run(['memory', 'pack', '500']);

const pick = (k, f) => timing.results.map((r) => r[k][f]);
const wallRatio = median(timing.results.map((r) => r.pack.wallMs / r.floor.wallMs));
const cpuRatio = median(timing.results.map((r) => r.pack.cpuMs / r.floor.cpuMs));

console.log(`Tender pack benchmark: ${count} requirements, ${pairs} alternating pairs after warm-up (Node ${process.version})\n`);
console.log(
  table([
    ['case', 'pages', 'size KB', 'wall ms (median)', 'CPU ms (median)', 'peak RSS Δ MB', 'peak heap Δ MB'],
    [
      'pack (layout + tagging + streaming)',
      memPack.pages,
      fmt(memPack.bytes / 1024),
      fmt(median(pick('pack', 'wallMs'))),
      fmt(median(pick('pack', 'cpuMs'))),
      fmt(memPack.rssPeakDeltaMb, 1),
      fmt(memPack.heapPeakDeltaMb, 1),
    ],
    [
      'floor (same text runs, plain doc.text)',
      '',
      fmt(memFloor.bytes / 1024),
      fmt(median(pick('floor', 'wallMs'))),
      fmt(median(pick('floor', 'cpuMs'))),
      fmt(memFloor.rssPeakDeltaMb, 1),
      fmt(memFloor.heapPeakDeltaMb, 1),
    ],
    [
      'floor, tender fields only (memory only)',
      '',
      fmt(memFloorTender.bytes / 1024),
      '',
      '',
      fmt(memFloorTender.rssPeakDeltaMb, 1),
      fmt(memFloorTender.heapPeakDeltaMb, 1),
    ],
    ...(mem500
      ? [
          [
            'pack, 500 requirements (one cold render)',
            mem500.pages,
            fmt(mem500.bytes / 1024),
            fmt(mem500.wallMs),
            fmt(mem500.cpuMs),
            fmt(mem500.rssPeakDeltaMb, 1),
            fmt(mem500.heapPeakDeltaMb, 1),
          ],
        ]
      : []),
  ]),
);
console.log('');
console.log(
  table([
    ['ratio pack / floor', 'median of pairs', 'target', 'met?'],
    ['wall time', fmt(wallRatio, 2), `≤ ${TARGET}`, wallRatio <= TARGET ? 'yes' : 'NO'],
    ['CPU time', fmt(cpuRatio, 2), `≤ ${TARGET}`, cpuRatio <= TARGET ? 'yes' : 'NO'],
  ]),
);
