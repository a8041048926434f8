#!/usr/bin/env node
'use strict';
/*
 * Trains the learned prescription model (src/lib/rules/learned.ts) and writes its weights to
 * src/lib/data/prescription-model.ts. Deterministic: the same corpora give the same file.
 *
 *   node libs/spec-check/tools/train-prescription-model.js          train on every development corpus, write
 *   node libs/spec-check/tools/train-prescription-model.js --cv     estimate generalisation first: leave one
 *        service area (sector) of the generalisation set out at a time, train on the rest, and score the rules
 *        plus that model on the area left out; prints aggregate figures and writes nothing
 *
 * Trained on corpus/requirements.jsonl and corpus/generalisation.jsonl (a development set since issue 14).
 * Never on regression.jsonl (frozen, aggregate-only) nor on any held-out file: those measure the result.
 *
 * The model is multinomial logistic regression (softmax) with L2, fitted by full-batch gradient descent.
 * Classes: good, solution, method, threshold, vague. Brand and standard statements are left out: the rules name
 * those, and the model is for the hows that have no names.
 */
const fs = require('node:fs');
const path = require('node:path');
const root = path.resolve(__dirname, '..', '..', '..');
process.env.SWC_NODE_PROJECT = path.join(root, 'tsconfig.base.json');
require(require.resolve('@swc-node/register', { paths: [root] }));

const { features } = require('../src/lib/text/features.ts');
const learned = require('../src/lib/rules/learned.ts');
const { checkRequirement } = require('../src/index.ts');
const { loadCorpus, GENERALISATION_FILE, CORPUS_FILE, REGRESSION_FILE } = require('../bench/evaluate.ts');

const CLASSES = ['good', 'solution', 'method', 'threshold', 'vague'];
const OUT_FILE = path.join(__dirname, '..', 'src', 'lib', 'data', 'prescription-model.ts');
/** Settings, chosen by the --cv estimate (not by scores on any held-out set). */
const L2 = Number(process.env.L2 ?? 0.02);
const EPOCHS = 400;
const RATE = 0.5;
const MIN_DF = 2;
/** Errors on good statements cost more: a false alarm on an outcome is worse than a miss. */
const GOOD_WEIGHT = 2;
const THRESHOLD = Number(process.env.THRESHOLD ?? 0.5);
const PRUNE = Number(process.env.PRUNE ?? 0.04);

const classOf = (label) => CLASSES.indexOf(label);

function keysOf(text) {
  return [...new Set(features(text).map((f) => f.key))];
}

function train(all) {
  const entries = all.filter((e) => CLASSES.includes(e.label));
  const df = new Map();
  const docs = entries.map((e) => {
    const keys = keysOf(e.text);
    for (const k of keys) df.set(k, (df.get(k) ?? 0) + 1);
    return { keys, y: classOf(e.label) };
  });
  const vocab = [...df.keys()].filter((k) => df.get(k) >= MIN_DF).sort();
  const index = new Map(vocab.map((k, i) => [k, i]));
  const K = CLASSES.length;
  const W = vocab.map(() => new Float64Array(K));
  const b = new Float64Array(K);
  const rows = docs.map((d) => ({ ids: d.keys.map((k) => index.get(k)).filter((i) => i !== undefined), y: d.y }));
  const n = rows.length;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const gW = vocab.map(() => new Float64Array(K));
    const gb = new Float64Array(K);
    for (const r of rows) {
      const z = Float64Array.from(b);
      for (const i of r.ids) for (let c = 0; c < K; c++) z[c] += W[i][c];
      const max = Math.max(...z);
      let sum = 0;
      for (let c = 0; c < K; c++) sum += z[c] = Math.exp(z[c] - max);
      const wt = r.y === 0 ? GOOD_WEIGHT : 1;
      for (let c = 0; c < K; c++) {
        const g = wt * (z[c] / sum - (c === r.y ? 1 : 0));
        gb[c] += g;
        for (const i of r.ids) gW[i][c] += g;
      }
    }
    for (let c = 0; c < K; c++) b[c] -= (RATE * gb[c]) / n;
    for (let i = 0; i < vocab.length; i++) for (let c = 0; c < K; c++) W[i][c] -= RATE * (gW[i][c] / n + L2 * W[i][c]);
  }
  const weights = {};
  const round = (x) => Math.round(x * 100) / 100;
  for (let i = 0; i < vocab.length; i++) {
    const w = Array.from(W[i], round);
    // small weights change no decision; leaving them out keeps the file (and the browser bundle) small
    if (w.some((x) => Math.abs(x) >= PRUNE)) weights[vocab[i]] = w;
  }
  return { classes: CLASSES, bias: Array.from(b, round), threshold: THRESHOLD, weights };
}

/** Rules plus model on each entry: flagged in its own category? false alarm on good? */
function score(entries) {
  const cat = (l) => (l === 'vague' ? 'measure' : l);
  const per = {};
  let goodN = 0,
    goodFa = 0,
    presN = 0,
    presHit = 0;
  for (const e of entries) {
    const f = checkRequirement(e.text, e.context ?? {});
    if (e.label === 'good') {
      goodN++;
      if (f.some((x) => x.severity !== 'info')) goodFa++;
      continue;
    }
    const hit = f.some((x) => x.category === cat(e.label));
    per[e.label] ??= [0, 0];
    per[e.label][0]++;
    if (hit) per[e.label][1]++;
    if (e.label !== 'vague') {
      presN++;
      if (hit) presHit++;
    }
  }
  return { presN, presHit, goodN, goodFa, per };
}

function report(name, s) {
  const per = Object.entries(s.per)
    .map(([l, [n, h]]) => `${l} ${(h / n).toFixed(2)}`)
    .join(' / ');
  console.log(
    `${name}: prescriptive recall ${(s.presHit / s.presN).toFixed(3)} (${s.presN}), false alarms on good ${(s.goodFa / s.goodN).toFixed(3)} (${s.goodN}); ${per}`,
  );
}

const main = loadCorpus(CORPUS_FILE);
const dev = loadCorpus(GENERALISATION_FILE);

if (process.argv.includes('--cv')) {
  learned.learnedState.model = null;
  report('rules only, generalisation set', score(dev));
  const sectors = [...new Set(dev.map((e) => e.sector))].sort();
  const total = { presN: 0, presHit: 0, goodN: 0, goodFa: 0, per: {} };
  for (const s of sectors) {
    const test = dev.filter((e) => e.sector === s);
    learned.learnedState.model = learned.compileModel(train([...main, ...dev.filter((e) => e.sector !== s)]));
    const r = score(test);
    if (process.argv.includes('--verbose')) {
      // development aid for the generalisation set only (never point this at a held-out file)
      for (const e of test) {
        const f = checkRequirement(e.text);
        const cat = e.label === 'vague' ? 'measure' : e.label;
        const bad = e.label === 'good' ? f.some((x) => x.severity !== 'info') : !f.some((x) => x.category === cat);
        if (!bad || e.label === 'vague') continue;
        const p = learned
          .scoreText(learned.learnedState.model, e.text)
          .probs.map((x) => x.toFixed(2))
          .join(' ');
        console.log(`${e.label === 'good' ? 'FA  ' : 'MISS'} [${e.label}] ${e.id} p=${p} ${e.text} => ${f.map((x) => x.rule).join(',')}`);
      }
    }
    for (const k of ['presN', 'presHit', 'goodN', 'goodFa']) total[k] += r[k];
    for (const [l, [n, h]] of Object.entries(r.per)) {
      total.per[l] ??= [0, 0];
      total.per[l][0] += n;
      total.per[l][1] += h;
    }
  }
  report(`rules + model, each of ${sectors.length} sectors left out in turn`, total);
  // The harder test: a model that has seen none of this writer's statements.
  learned.learnedState.model = learned.compileModel(train(main));
  report('rules + model trained on the main corpus only, scored on the generalisation set', score(dev));
  learned.learnedState.model = learned.compileModel(train([...main, ...dev]));
  report('rules + model trained on both, scored on the regression set (aggregate only)', score(loadCorpus(REGRESSION_FILE)));
} else {
  const model = train([...main, ...dev]);
  const body = JSON.stringify(model.weights).replace(/^\{/, '{\n    ').replace(/\],"/g, '],\n    "').replace(/\}$/, ',\n  }');
  const src = `import type { PrescriptionModelData } from '../rules/learned';

/**
 * Weights of the learned prescription model, written by tools/train-prescription-model.js from
 * corpus/requirements.jsonl and corpus/generalisation.jsonl. Do not edit by hand: change the corpora or the
 * features (src/lib/text/features.ts) and run the script again.
 */
export const PRESCRIPTION_MODEL: PrescriptionModelData = {
  classes: ${JSON.stringify(model.classes)},
  bias: ${JSON.stringify(model.bias)},
  threshold: ${model.threshold},
  weights: ${body},
};
`;
  fs.writeFileSync(OUT_FILE, src);
  console.log(`wrote ${path.relative(root, OUT_FILE)}: ${Object.keys(model.weights).length} features`);
}
