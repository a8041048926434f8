import { loadCorpus } from '../bench/evaluate';
import { checkRequirement, type Finding } from '../src/index';
import { nounPhraseEnd } from '../src/lib/text/noun-phrase';

/** Rule id → how many findings of it. */
function counts(findings: readonly Finding[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const f of findings) out.set(f.rule, (out.get(f.rule) ?? 0) + 1);
  return out;
}

interface Applied {
  id: string;
  rule: string;
  before: string;
  after: string;
  /** Where the replacement ends in `after`. */
  end: number;
}

/** Every drop-in fix the checker offers on the main corpus, each applied on its own. */
function applyEveryDropIn(): { applied: Applied[]; findingsAfter: Map<Applied, Finding[]>; findingsBefore: Map<string, Finding[]> } {
  const applied: Applied[] = [];
  const findingsAfter = new Map<Applied, Finding[]>();
  const findingsBefore = new Map<string, Finding[]>();
  for (const e of loadCorpus()) {
    const before = checkRequirement(e.text, e.context);
    findingsBefore.set(e.id, before);
    for (const f of before) {
      if (f.replacement === undefined) continue;
      const after = e.text.slice(0, f.start) + f.replacement + e.text.slice(f.end);
      const a: Applied = { id: e.id, rule: f.rule, before: e.text, after, end: f.start + f.replacement.length };
      applied.push(a);
      findingsAfter.set(a, checkRequirement(after, e.context));
    }
  }
  return { applied, findingsAfter, findingsBefore };
}

describe('one-click fixes across the main corpus', () => {
  const { applied, findingsAfter, findingsBefore } = applyEveryDropIn();

  it('offers drop-in fixes for brands, standards and trade marks', () => {
    const rules = new Set(applied.map((a) => a.rule));
    expect(applied.length).toBeGreaterThanOrEqual(40);
    for (const r of ['brand.named-product', 'standard.no-equivalent', 'brand.genericised-trade-mark']) expect(rules).toContain(r);
  });

  it('removes the finding it fixes and adds none', () => {
    const problems: string[] = [];
    for (const a of applied) {
      const before = counts(findingsBefore.get(a.id) ?? []);
      const after = counts(findingsAfter.get(a) ?? []);
      if ((after.get(a.rule) ?? 0) >= (before.get(a.rule) ?? 0)) problems.push(`${a.id} ${a.rule}: still flagged in "${a.after}"`);
      for (const [rule, n] of after) if (n > (before.get(rule) ?? 0)) problems.push(`${a.id} ${a.rule}: adds ${rule} in "${a.after}"`);
    }
    expect(problems).toEqual([]);
  });

  it('keeps the noun phrase whole (never "Apple or equivalent iPads")', () => {
    const broken = applied.filter((a) => nounPhraseEnd(a.after, a.end) !== a.end).map((a) => `${a.id}: "${a.after}"`);
    expect(broken).toEqual([]);
  });

  it('fixes "Apple iPads" as "Apple iPads or equivalent"', () => {
    const text = 'Care workers must be issued with Apple iPads for visit notes.';
    const f = checkRequirement(text).find((x) => x.rule === 'brand.named-product');
    expect(f && text.slice(f.start, f.end)).toBe('Apple iPads');
    expect(f?.replacement).toBe('Apple iPads or equivalent');
  });
});
