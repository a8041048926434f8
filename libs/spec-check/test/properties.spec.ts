import fc from 'fast-check';
import { checkRequirement, checkTender, RULES } from '../src/index';
import { loadCorpus } from '../bench/evaluate';

const corpusTexts = loadCorpus().map((e) => e.text);
const words = [
  'must',
  'the',
  'supplier',
  'Dell',
  'ISO 9001',
  'or equivalent',
  '£2m',
  'turnover',
  'contract',
  'team of',
  'five',
  'user-friendly',
  'on site',
  'days a week',
  'Java',
  'certified',
  'UK-based',
  'within',
  '2 seconds',
  '95%',
  'PID',
  '(',
  ')',
  ';',
  '.',
  '\n',
  '™',
  'é',
  '😀',
];

describe('properties (fast-check)', () => {
  it('never throws; spans are exact, in bounds and sorted; every finding matches the catalogue', () => {
    const arb = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.array(fc.constantFrom(...words), { maxLength: 40 }).map((a) => a.join(' ')),
      fc.tuple(fc.constantFrom(...corpusTexts), fc.constantFrom(...corpusTexts)).map(([a, b]) => `${a} ${b}`),
    );
    fc.assert(
      fc.property(arb, (text) => {
        const findings = checkRequirement(text);
        let prev = -1;
        for (const f of findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.start).toBeGreaterThanOrEqual(prev);
          prev = f.start;
          const r = RULES[f.rule];
          expect(r).toBeDefined();
          expect(f.category).toBe(r.category);
          expect(f.severity).toBe(r.severity);
          expect(text.slice(f.start, f.end).trim().length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('is deterministic and position-independent: a prefix shifts spans by its length', () => {
    fc.assert(
      fc.property(fc.constantFrom(...corpusTexts), (text) => {
        const a = checkRequirement(text);
        expect(checkRequirement(text)).toEqual(a);
        const prefix = 'Note. ';
        const b = checkRequirement(prefix + text).filter((f) => f.start >= prefix.length && f.rule !== 'readability.long-sentence');
        const shifted = a
          .filter((f) => f.rule !== 'readability.long-sentence')
          .map((f) => [f.rule, f.start + prefix.length, f.end + prefix.length]);
        for (const s of shifted) expect(b.map((f) => [f.rule, f.start, f.end])).toContainEqual(s);
      }),
      { numRuns: 150 },
    );
  });

  it('checkTender gives one result per requirement, in order, with the same findings as checkRequirement', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...corpusTexts), { maxLength: 20 }), (texts) => {
        const r = checkTender({ requirements: texts.map((text, i) => ({ id: String(i), text })) });
        expect(r.requirements.map((x) => x.text)).toEqual(texts);
        r.requirements.forEach((x, i) => {
          const own = checkRequirement(texts[i])
            .filter((f) => f.rule !== 'readability.acronym')
            .map((f) => f.rule);
          expect(x.findings.filter((f) => f.rule !== 'readability.acronym').map((f) => f.rule)).toEqual(own);
        });
        expect(r.openness.score).toBeGreaterThanOrEqual(0);
        expect(r.openness.score).toBeLessThanOrEqual(100);
      }),
      { numRuns: 60 },
    );
  });
});
