#!/usr/bin/env node
'use strict';
/*
 * Bench: quality on the labelled corpus, and speed.
 *   node libs/spec-check/bench/run.js [--verbose] [--heldout]   (--verbose lists the main corpus's misses and false
 *   alarms; the regression set is only ever reported in aggregate; --heldout measures the held-out set again, in
 *   aggregate only: see HELDOUT_FIRST in bench/evaluate.ts before using it)
 * Prints plain-text tables. Timing lives here only, never in Jest tests.
 */
const path = require('node:path');
const root = path.resolve(__dirname, '..', '..', '..');
process.env.SWC_NODE_PROJECT = path.join(root, 'tsconfig.base.json');
require(require.resolve('@swc-node/register', { paths: [root] }));

const { checkRequirement, checkTender } = require('../src/index.ts');
const {
  loadCorpus,
  evaluate,
  GATES,
  REGRESSION_FILE,
  GENERALISATION_FILE,
  GENERALISATION_FIRST,
  HELDOUT_FILE,
  HELDOUT_FIRST,
} = require('./evaluate.ts');
const writeGood = require(require.resolve('write-good', { paths: [root] }));

const verbose = process.argv.includes('--verbose');
const measureHeldout = process.argv.includes('--heldout');
const pct = (x) => (100 * x).toFixed(1).padStart(5) + '%';
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);

// ── quality ──────────────────────────────────────────────────────────────
const corpus = loadCorpus();
const ev = evaluate(corpus);
console.log(
  `spec-check bench — corpus ${path.relative(root, path.join(__dirname, '..', 'corpus', 'requirements.jsonl'))} (${ev.entries} statements)`,
);
console.log('');
console.log('Quality per category (a statement is flagged in a category when it has any finding of that category)');
console.log(
  `${pad('category', 12)}${lpad('support', 8)}${lpad('TP', 6)}${lpad('FP', 6)}${lpad('FN', 6)}${lpad('precision', 11)}${lpad('recall', 9)}`,
);
for (const c of ev.perCategory) {
  const name = c.category === 'measure' ? 'measure*' : c.category;
  console.log(
    `${pad(name, 12)}${lpad(c.support, 8)}${lpad(c.tp, 6)}${lpad(c.fp, 6)}${lpad(c.fn, 6)}${lpad(pct(c.precision), 11)}${lpad(pct(c.recall), 9)}`,
  );
}
console.log('* measure = statements labelled "vague"');
console.log('');

/** The three gated rates of one set, as table rows: name, value, gate, PASS/FAIL, statements counted. */
const gateRows = (e, gate) => [
  [
    'Recall on prescriptive statements',
    e.prescriptiveRecall,
    `>= ${gate.prescriptiveRecall.toFixed(2)}`,
    e.prescriptiveRecall >= gate.prescriptiveRecall,
    e.prescriptiveSupport,
  ],
  [
    'False alarms on good statements (warning/error)',
    e.goodFalseAlarmRate,
    `<= ${gate.goodFalseAlarmRate.toFixed(2)}`,
    e.goodFalseAlarmRate <= gate.goodFalseAlarmRate,
    e.goodSupport,
  ],
  ['Recall on vague statements', e.vagueRecall, `>= ${gate.vagueRecall.toFixed(2)}`, e.vagueRecall >= gate.vagueRecall, e.vagueSupport],
];
const printGates = (rows) => {
  console.log(`${pad('check', 50)}${lpad('n', 5)}${lpad('value', 9)}${lpad('gate', 10)}  result`);
  for (const [name, v, t, ok, n] of rows)
    console.log(`${pad(name, 50)}${lpad(n, 5)}${lpad(v.toFixed(3), 9)}${lpad(t, 10)}  ${ok ? 'PASS' : 'FAIL'}`);
};
console.log('Gates (measured rates less 0.02; see GATES in bench/evaluate.ts)');
printGates(gateRows(ev, GATES.corpus));
console.log('');
// The regression set is frozen and reported in aggregate only: listing its statements would invite
// tuning the rules to them (it is already not a true hold-out; see the README).
const reg = evaluate(loadCorpus(REGRESSION_FILE));
console.log(`Regression set (${path.relative(root, REGRESSION_FILE)}, ${reg.entries} statements; aggregate figures only)`);
printGates(gateRows(reg, GATES.regression));
console.log(`${pad('missed / false alarms (counts only)', 50)}${lpad(`${reg.misses.length} / ${reg.falseAlarms.length}`, 24)}`);
console.log('');
// The generalisation set: written blind to the rules and first measured once (GENERALISATION_FIRST); a development
// set since issue 14 (the rules and the learned model were tuned on it), so "now" is fit, not generalisation.
/** The three aggregate figures of a set: its first measurement beside now (null: not measured in this run). */
const printFirstNow = (first, now) => {
  console.log(`${pad('figure', 50)}${lpad('first', 9)}${lpad('now', 9)}${lpad('goal', 10)}`);
  for (const [name, key, goal] of [
    ['Recall on prescriptive statements', 'prescriptiveRecall', '>= 0.95'],
    ['False alarms on good statements (warning/error)', 'goodFalseAlarmRate', '0'],
    ['Recall on vague statements', 'vagueRecall', ''],
  ])
    console.log(`${pad(name, 50)}${lpad(first[key].toFixed(3), 9)}${lpad(now ? now[key].toFixed(3) : '-', 9)}${lpad(goal, 10)}`);
};
const gen = evaluate(loadCorpus(GENERALISATION_FILE));
console.log(`Generalisation set (${path.relative(root, GENERALISATION_FILE)}, ${gen.entries} statements; development set since issue 14)`);
printFirstNow(GENERALISATION_FIRST, gen);
console.log('');
// The held-out set: measured once (HELDOUT_FIRST, rules frozen at fd27a52) and otherwise left alone. Reading it on
// every run would invite tuning to it, as happened to the generalisation set, so "now" needs --heldout; it is
// reported in aggregate only, never its statements.
const held = measureHeldout ? evaluate(loadCorpus(HELDOUT_FILE)) : null;
console.log(
  `Held-out set (${path.relative(root, HELDOUT_FILE)}; ${held ? `${held.entries} statements, aggregate figures only` : 'first measurement only; --heldout measures it again'})`,
);
printFirstNow(HELDOUT_FIRST, held);
console.log('');
if (verbose) {
  console.log('Misses (main corpus):');
  for (const m of ev.misses) console.log(`  [${m.label}] ${m.id} ${m.text}  => ${m.got.join(', ') || '(none)'}`);
  console.log('False alarms (main corpus):');
  for (const m of ev.falseAlarms) console.log(`  ${m.id} ${m.text}  => ${m.got.join(', ')}`);
  console.log('');
}

// ── speed ────────────────────────────────────────────────────────────────
// A 1,000-requirement specification built from the corpus (deterministic order).
const N = 1000;
const texts = [];
for (let i = 0; i < N; i++) texts.push(corpus[(i * 7919) % corpus.length].text);
const spec = { requirements: texts.map((text, i) => ({ id: `R${i + 1}`, text })), estimatedValue: 1_500_000 };
const specText = texts.join('\n');

function best(fn, runs) {
  let b = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    b = Math.min(b, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return b;
}

// Warm up everything, then interleave short rounds of each contender and keep each one's best time:
// on a shared machine this keeps a burst of load from favouring whichever ran at a quiet moment.
const contenders = {
  tender: () => checkTender(spec),
  oursPerReq: () => {
    for (const t of texts) checkRequirement(t);
  },
  wgPerReq: () => {
    for (const t of texts) writeGood(t);
  },
  wgWhole: () => writeGood(specText),
};
for (const fn of Object.values(contenders)) for (let i = 0; i < 3; i++) fn();
const bestMs = { tender: Infinity, oursPerReq: Infinity, wgPerReq: Infinity, wgWhole: Infinity };
const ROUNDS = 12;
for (let r = 0; r < ROUNDS; r++) {
  for (const [k, fn] of Object.entries(contenders)) bestMs[k] = Math.min(bestMs[k], best(fn, 2));
}
const tenderMs = bestMs.tender;
const oursPerReqMs = bestMs.oursPerReq;
const wgPerReqMs = bestMs.wgPerReq;
const wgWholeMs = bestMs.wgWhole;

// p99 for one requirement (single calls, as on a keystroke). Each requirement is timed REPEATS times in
// interleaved passes; its cost is the median of its runs, which filters out pauses caused by other processes
// on a shared machine. The raw p99 over every single call is reported as well.
const REPEATS = 9;
const perReq = texts.map(() => []);
const raw = [];
for (let pass = 0; pass < REPEATS; pass++) {
  for (let i = 0; i < texts.length; i++) {
    const t0 = process.hrtime.bigint();
    checkRequirement(texts[i]);
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    perReq[i].push(ms);
    raw.push(ms);
  }
}
const medians = perReq.map((a) => a.sort((x, y) => x - y)[a.length >> 1]).sort((a, b) => a - b);
raw.sort((a, b) => a - b);
const q = (arr, p) => arr[Math.min(arr.length - 1, Math.floor(p * arr.length))];
const p50 = q(medians, 0.5),
  p99 = q(medians, 0.99),
  max = medians[medians.length - 1];
const rawP99 = q(raw, 0.99);
const load = require('node:os').loadavg()[0];

const reqPerSec = (ms) => Math.round((N / ms) * 1000);
console.log(`Speed (${N}-requirement specification, ${specText.length.toLocaleString('en-GB')} characters, Node ${process.version})`);
console.log(`${pad('measure', 58)}${lpad('value', 14)}`);
console.log(`${pad('checkTender, whole specification', 58)}${lpad(tenderMs.toFixed(1) + ' ms', 14)}`);
console.log(`${pad('requirements checked per second (checkTender)', 58)}${lpad(reqPerSec(tenderMs).toLocaleString('en-GB'), 14)}`);
console.log(
  `${pad('requirements checked per second (checkRequirement loop)', 58)}${lpad(reqPerSec(oursPerReqMs).toLocaleString('en-GB'), 14)}`,
);
console.log(`${pad('write-good, per requirement, requirements per second', 58)}${lpad(reqPerSec(wgPerReqMs).toLocaleString('en-GB'), 14)}`);
console.log(
  `${pad('write-good, whole text in one call, requirements per second', 58)}${lpad(reqPerSec(wgWholeMs).toLocaleString('en-GB'), 14)}`,
);
console.log(`${pad('one requirement: p50 (median of ' + REPEATS + ' runs each)', 58)}${lpad(p50.toFixed(3) + ' ms', 14)}`);
console.log(`${pad('one requirement: p99 (median of ' + REPEATS + ' runs each)', 58)}${lpad(p99.toFixed(3) + ' ms', 14)}`);
console.log(`${pad('one requirement: max', 58)}${lpad(max.toFixed(3) + ' ms', 14)}`);
console.log(`${pad('one requirement: raw p99 over all single calls', 58)}${lpad(rawP99.toFixed(3) + ' ms', 14)}`);
console.log(`${pad('machine load average (1 min) during the run', 58)}${lpad(load.toFixed(2), 14)}`);
const ratioPer = wgPerReqMs / oursPerReqMs;
const ratioWhole = wgWholeMs / tenderMs;
console.log(`${pad('speed ratio vs write-good, per requirement (ours / theirs)', 58)}${lpad(ratioPer.toFixed(2) + 'x', 14)}`);
console.log(`${pad('speed ratio vs write-good, whole specification', 58)}${lpad(ratioWhole.toFixed(2) + 'x', 14)}`);
console.log('');
console.log('Speed targets');
const speedChecks = [
  ['p99 for one requirement', p99.toFixed(3) + ' ms', '< 1 ms', p99 < 1],
  ['at least as fast as write-good (per requirement)', ratioPer.toFixed(2) + 'x', '>= 1.00x', ratioPer >= 1],
  ['at least as fast as write-good (whole specification)', ratioWhole.toFixed(2) + 'x', '>= 1.00x', ratioWhole >= 1],
];
for (const [name, v, t, ok] of speedChecks) console.log(`${pad(name, 54)}${lpad(v, 12)}${lpad(t, 10)}  ${ok ? 'PASS' : 'FAIL'}`);
console.log('');

// ── command line ─────────────────────────────────────────────────────────
// Wall time of `node libs/spec-check/bin/spec-check.js FILE`, start to exit, as a CI job would run it: from the
// compiled JavaScript (tools/cli/compiled.js; a first run, not counted, builds it if need be), and from the
// TypeScript sources through @swc-node/register, as every run did before.
const { spawnSync } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync } = require('node:fs');
const bin = path.join(__dirname, '..', 'bin', 'spec-check.js');
const cliDir = mkdtempSync(path.join(require('node:os').tmpdir(), 'spec-check-bench-'));
const files = { one: path.join(cliDir, 'one.txt'), thousand: path.join(cliDir, 'thousand.txt') };
writeFileSync(files.one, `${texts[0]}\n`);
writeFileSync(files.thousand, `${specText}\n`);
const CLI_RUNS = 7;
function wallMs(file, fromSources) {
  const env = { ...process.env, OPENBRIEF_CLI_FROM_SOURCES: fromSources ? '1' : '' };
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [bin, file], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`spec-check exited ${r.status}: ${r.stderr}`);
  return ms;
}
const median = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
wallMs(files.one, false);
const cli = {};
for (const [name, file] of Object.entries(files)) {
  const compiled = [];
  const sources = [];
  for (let i = 0; i < CLI_RUNS; i++) {
    compiled.push(wallMs(file, false));
    sources.push(wallMs(file, true));
  }
  cli[name] = { compiled: median(compiled), sources: median(sources) };
}
rmSync(cliDir, { recursive: true, force: true });
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;
console.log(`Command line wall time (median of ${CLI_RUNS} runs; machine load ${require('node:os').loadavg()[0].toFixed(2)})`);
console.log(`${pad('file', 30)}${lpad('compiled', 10)}${lpad('from .ts', 10)}${lpad('target', 10)}  result`);
console.log(
  `${pad('1 requirement', 30)}${lpad(secs(cli.one.compiled), 10)}${lpad(secs(cli.one.sources), 10)}${lpad('< 0.30 s', 10)}  ${cli.one.compiled < 300 ? 'PASS' : 'FAIL'}`,
);
console.log(
  `${pad(`${N.toLocaleString('en-GB')} requirements`, 30)}${lpad(secs(cli.thousand.compiled), 10)}${lpad(secs(cli.thousand.sources), 10)}`,
);
