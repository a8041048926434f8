import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { BRAND_GROUPS, checkRequirement, GENERICISED_TRADE_MARKS, RULE_LIST, RULES } from '../src/index';
import * as api from '../src/index';

const SRC = join(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

describe('library shape', () => {
  it('has no Node or framework imports outside src/cli (it is bundled into the browser)', () => {
    const bad: string[] = [];
    for (const f of files(SRC).filter((p) => p.endsWith('.ts') && !relative(SRC, p).startsWith('cli'))) {
      const text = readFileSync(f, 'utf8');
      const imports = [
        ...text.matchAll(
          /^\s*(?:import|export)\s[^;]*?\bfrom\s+['"]([^'"]+)['"]|\brequire\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm,
        ),
      ].map((m) => m[1] ?? m[2] ?? m[3]);
      for (const i of imports) if (!i.startsWith('.')) bad.push(`${relative(SRC, f)} imports ${i}`);
      if (/\bprocess\.|\b__dirname\b|\bBuffer\b/.test(text)) bad.push(`${relative(SRC, f)} uses a Node global`);
    }
    expect(bad).toEqual([]);
  });

  it('exports the public API', () => {
    expect(typeof api.checkRequirement).toBe('function');
    expect(typeof api.checkTender).toBe('function');
    expect(typeof api.readingAge).toBe('function');
    expect(typeof api.opennessScore).toBe('function');
    expect(api.CATEGORIES).toContain('brand');
  });

  it('has a complete, consistent rule catalogue', () => {
    const ids = RULE_LIST.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of RULE_LIST) {
      expect(RULES[r.id]).toBe(r);
      expect(r.id.startsWith(r.category + '.')).toBe(true);
      expect(r.title.length).toBeGreaterThan(5);
      expect(r.reference.length).toBeGreaterThan(5);
      expect(r.explanation.length).toBeGreaterThan(30);
      // en-GB spelling in the plain-English text
      expect(`${r.title} ${r.explanation}`).not.toMatch(/\b(?:organization|prioritize|analyze|utilize|behavior|color|center)\b/i);
    }
  });

  it('cites the legal sources named in the issue', () => {
    const refs = RULE_LIST.map((r) => r.reference).join(' | ');
    for (const s of [
      's56(7)–(8)',
      'PCR 2015 reg 42',
      's56(2)',
      'C-424/23',
      's56(3)–(6)',
      'reg 58(9)',
      's46(4)(a)',
      's46(3)',
      's46(4)(c)',
      's23',
      'PPN 06/20',
      'PPN 002',
    ]) {
      expect(refs).toContain(s);
    }
  });

  it('every brand and genericised trade mark in the dictionary is matched in a sentence', () => {
    const unmatched: string[] = [];
    for (const g of BRAND_GROUPS) {
      for (const raw of g.names) {
        const name = raw.replace(/^\^/, '');
        const f = checkRequirement(`All units supplied must be ${name} units.`);
        if (!f.some((x) => x.category === 'brand' || x.category === 'solution')) unmatched.push(name);
      }
    }
    for (const g of GENERICISED_TRADE_MARKS) {
      const f = checkRequirement(`The contractor must provide ${g.mark.replace(/^\^/, '')} on every site.`);
      if (!f.some((x) => x.rule === 'brand.genericised-trade-mark' || x.category === 'brand')) unmatched.push(g.mark);
    }
    expect(unmatched).toEqual([]);
  });
});
