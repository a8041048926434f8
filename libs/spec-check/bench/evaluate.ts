/* Corpus evaluation shared by the bench (bench/run.js) and the corpus test. Node-only. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRequirement } from '../src/index';
import type { CheckContext, Finding, FindingCategory } from '../src/index';

export type Label = 'good' | 'vague' | 'brand' | 'solution' | 'method' | 'standard' | 'threshold';

export interface CorpusEntry {
  id: string;
  text: string;
  label: Label;
  also?: FindingCategory[];
  sector?: string;
  context?: CheckContext;
}

export const PRESCRIPTIVE: readonly FindingCategory[] = ['brand', 'solution', 'method', 'standard', 'threshold'];
export const EVALUATED: readonly FindingCategory[] = [...PRESCRIPTIVE, 'measure'];

export const CORPUS_FILE = join(__dirname, '..', 'corpus', 'requirements.jsonl');

/**
 * A second labelled set, written after the rules. It was then used while the rules were refined, so it is
 * no longer held out: it guards against regressions, not overfitting. It is frozen (its SHA-256 is checked by
 * test/corpus.spec.ts) and tools print only its aggregate numbers, never its statements.
 */
export const REGRESSION_FILE = join(__dirname, '..', 'corpus', 'regression.jsonl');
export const REGRESSION_SHA256 = '7a4809c08ef43bf9db66008aea529db800690bd62f7523f9d1aaca2639ec15d1';

/**
 * The generalisation set (issue 14): 353 statements written by someone who had not seen the rules or the other
 * corpora, frozen (hash-checked by test/generalisation-corpus.spec.ts). Its first measurement, made once with the
 * rules frozen (2026-12-02), is GENERALISATION_FIRST: that was the checker's generalisation figure. Since then it
 * is a DEVELOPMENT set, no longer held out: the rules were tuned while reading its misses, and the learned model
 * (tools/train-prescription-model.js) is trained on it, so its "now" figure measures fit, not generalisation.
 * The honest estimate is the training script's --cv run (each service area left out in turn), and the held-out
 * measure is a fresh file written blind, read only when it is measured.
 */
export const GENERALISATION_FILE = join(__dirname, '..', 'corpus', 'generalisation.jsonl');
export const GENERALISATION_FIRST = { prescriptiveRecall: 0.322, goodFalseAlarmRate: 0.043, vagueRecall: 0.841 } as const;

/**
 * The held-out set (issue 14): 341 statements across 17 sectors, written blind to the rules by an author who never
 * saw them or the other corpora, frozen before it was measured (hash-checked by test/heldout-corpus.spec.ts). Its
 * first and only measurement, made once on 2026-12-07 with the rules and the learned model frozen at commit
 * fd27a52, is HELDOUT_FIRST: that is the checker's generalisation figure (per category recall: brand 0.813,
 * solution 0.881, method 0.885, standard 0.700, threshold 0.676; vague 0.706). It shares one statement with the
 * other corpora (h-307, written independently of generalisation g205). Nothing tunes on it and no tool lists its
 * statements: measuring it again spends it, so the bench measures "now" only when asked (--heldout), and a figure
 * read after tuning the rules to it is fit, not generalisation.
 */
export const HELDOUT_FILE = join(__dirname, '..', 'corpus', 'heldout-2026-12.jsonl');
export const HELDOUT_FIRST = { prescriptiveRecall: 0.818, goodFalseAlarmRate: 0.034, vagueRecall: 0.706 } as const;

export function loadCorpus(file: string = CORPUS_FILE): CorpusEntry[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const e = JSON.parse(l) as CorpusEntry;
      if (!e.text || !e.label) throw new Error(`corpus line ${i + 1}: needs "text" and "label"`);
      return e;
    });
}

/** The categories a statement is labelled with ("vague" means measure). */
export function labelCategories(e: CorpusEntry): FindingCategory[] {
  const base: FindingCategory[] = e.label === 'good' ? [] : [e.label === 'vague' ? 'measure' : (e.label as FindingCategory)];
  return [...base, ...(e.also ?? [])];
}

export interface CategoryMetrics {
  category: FindingCategory;
  support: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
}

export interface Evaluation {
  entries: number;
  perCategory: CategoryMetrics[];
  prescriptiveRecall: number;
  prescriptiveSupport: number;
  goodFalseAlarmRate: number;
  goodSupport: number;
  vagueRecall: number;
  vagueSupport: number;
  misses: { id: string; label: string; text: string; got: string[] }[];
  falseAlarms: { id: string; text: string; got: string[] }[];
}

const blocking = (f: Finding): boolean => f.severity === 'error' || f.severity === 'warning';

/**
 * A statement is "flagged in category C" when it has at least one finding of category C (any severity).
 * Precision for C = flagged statements that are labelled C / all flagged statements.
 * False alarms on good statements count only warnings and errors (info is advice, never a false alarm).
 */
export function evaluate(corpus: readonly CorpusEntry[]): Evaluation {
  const stats = new Map<FindingCategory, CategoryMetrics>();
  for (const c of EVALUATED) stats.set(c, { category: c, support: 0, tp: 0, fp: 0, fn: 0, precision: 0, recall: 0 });
  let presTotal = 0,
    presHit = 0,
    goodTotal = 0,
    goodAlarm = 0,
    vagueTotal = 0,
    vagueHit = 0;
  const misses: Evaluation['misses'] = [];
  const falseAlarms: Evaluation['falseAlarms'] = [];
  for (const e of corpus) {
    const findings = checkRequirement(e.text, e.context ?? {});
    const labels = new Set(labelCategories(e));
    const flagged = new Set(findings.map((f) => f.category));
    for (const c of EVALUATED) {
      const s = stats.get(c)!;
      const isLabel = labels.has(c);
      const isFlagged = flagged.has(c);
      if (isLabel) s.support++;
      if (isLabel && isFlagged) s.tp++;
      else if (!isLabel && isFlagged) s.fp++;
      else if (isLabel && !isFlagged) s.fn++;
    }
    const got = findings.map((f) => `${f.severity}:${f.rule}`);
    if (e.label === 'good') {
      goodTotal++;
      if (findings.some(blocking)) {
        goodAlarm++;
        falseAlarms.push({ id: e.id, text: e.text, got });
      }
    } else if (e.label === 'vague') {
      vagueTotal++;
      if (flagged.has('measure')) vagueHit++;
      else misses.push({ id: e.id, label: e.label, text: e.text, got });
    } else {
      presTotal++;
      if (flagged.has(e.label as FindingCategory)) presHit++;
      else misses.push({ id: e.id, label: e.label, text: e.text, got });
    }
  }
  const perCategory = [...stats.values()].map((s) => ({
    ...s,
    precision: s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp),
    recall: s.support === 0 ? 1 : s.tp / s.support,
  }));
  return {
    entries: corpus.length,
    perCategory,
    prescriptiveRecall: presTotal ? presHit / presTotal : 1,
    prescriptiveSupport: presTotal,
    goodFalseAlarmRate: goodTotal ? goodAlarm / goodTotal : 0,
    goodSupport: goodTotal,
    vagueRecall: vagueTotal ? vagueHit / vagueTotal : 1,
    vagueSupport: vagueTotal,
    misses,
    falseAlarms,
  };
}

export interface Gate {
  prescriptiveRecall: number;
  goodFalseAlarmRate: number;
  vagueRecall: number;
}

/**
 * Quality gates: the rates measured when they were set, less a margin of 0.02, so that a rule change that
 * costs even a few statements fails the test instead of hiding under a loose target. Measured (December 2026, after
 * issue 14 added 259 statements across 15 service areas and the learned model):
 * corpus 0.990 / 0.000 / 1.000 (385 prescriptive, 224 good, 83 vague statements); the model is trained on this
 * corpus, so 0.98 is kept rather than raised;
 * regression set 0.985 / 0.000 / 1.000 (66, 30, 15). Raise a gate when the checker improves; lower one only
 * with a reason written here.
 */
export const GATES: { readonly corpus: Gate; readonly regression: Gate } = {
  corpus: { prescriptiveRecall: 0.98, goodFalseAlarmRate: 0.02, vagueRecall: 0.98 },
  regression: { prescriptiveRecall: 0.96, goodFalseAlarmRate: 0.02, vagueRecall: 0.98 },
};

/** Which gates an evaluation fails (empty when it passes), with the measured value and the gate. */
export function gateFailures(ev: Evaluation, gate: Gate): string[] {
  const failures: string[] = [];
  if (ev.prescriptiveRecall < gate.prescriptiveRecall)
    failures.push(`recall on prescriptive statements ${ev.prescriptiveRecall.toFixed(3)} < ${gate.prescriptiveRecall}`);
  if (ev.goodFalseAlarmRate > gate.goodFalseAlarmRate)
    failures.push(`false alarms on good statements ${ev.goodFalseAlarmRate.toFixed(3)} > ${gate.goodFalseAlarmRate}`);
  if (ev.vagueRecall < gate.vagueRecall) failures.push(`recall on vague statements ${ev.vagueRecall.toFixed(3)} < ${gate.vagueRecall}`);
  return failures;
}
