import { join } from 'node:path';
import { evaluate, labelCategories, loadCorpus, TARGETS } from '../bench/evaluate';

const LABELS = new Set(['good', 'vague', 'brand', 'solution', 'method', 'standard', 'threshold']);

describe('labelled corpus', () => {
  const corpus = loadCorpus();

  it('has at least 300 well-formed, unique statements', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(300);
    const ids = new Set(corpus.map((e) => e.id));
    const texts = new Set(corpus.map((e) => e.text));
    expect(ids.size).toBe(corpus.length);
    expect(texts.size).toBe(corpus.length);
    for (const e of corpus) {
      expect(LABELS.has(e.label)).toBe(true);
      expect(e.text.trim().length).toBeGreaterThan(10);
      for (const c of labelCategories(e)) expect(['brand', 'solution', 'method', 'standard', 'threshold', 'measure']).toContain(c);
    }
  });

  it('covers every label with enough examples', () => {
    const count = (l: string) => corpus.filter((e) => e.label === l).length;
    expect(count('good')).toBeGreaterThanOrEqual(100);
    expect(count('vague')).toBeGreaterThanOrEqual(40);
    for (const l of ['brand', 'solution', 'method', 'standard', 'threshold']) expect(count(l)).toBeGreaterThanOrEqual(30);
  });

  it('meets the quality targets (recall, false alarms, vague recall)', () => {
    const ev = evaluate(corpus);
    expect(ev.prescriptiveRecall).toBeGreaterThanOrEqual(TARGETS.prescriptiveRecall);
    expect(ev.goodFalseAlarmRate).toBeLessThanOrEqual(TARGETS.goodFalseAlarmRate);
    expect(ev.vagueRecall).toBeGreaterThanOrEqual(TARGETS.vagueRecall);
  });

  it('meets the targets on the separate held-out set too', () => {
    const ev = evaluate(loadCorpus(join(__dirname, '..', 'corpus', 'holdout.jsonl')));
    expect(ev.prescriptiveRecall).toBeGreaterThanOrEqual(TARGETS.prescriptiveRecall);
    expect(ev.goodFalseAlarmRate).toBeLessThanOrEqual(TARGETS.goodFalseAlarmRate);
    expect(ev.vagueRecall).toBeGreaterThanOrEqual(TARGETS.vagueRecall);
  });
});
