import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABELS, type Entry, type Label, normalisedHash, parseLines, sha256 } from './helpers/frozen-corpus';

/**
 * The held-out corpus (issue 14) was written blind to the checker's rules by an author who never saw them or the
 * other corpora, and frozen before it was measured. It was measured once, with the rules frozen (HELDOUT_FIRST in
 * bench/evaluate.ts); nothing tunes on it. These checks never run the checker on it and report ids, counts and
 * hashes only, never a statement's text.
 */
const CORPUS_DIR = join(__dirname, '..', 'corpus');
const FILE_NAME = 'heldout-2026-12.jsonl';
const FILE = join(CORPUS_DIR, FILE_NAME);
const FROZEN_SHA256 = '6f7cd8b9148ce1a544cee560dbf3222d4141f377e3e5bef86713f1f04b41fb5e';
const STATEMENTS = 341;

describe('held-out corpus (measured once; frozen)', () => {
  const raw = readFileSync(FILE);
  const rows = parseLines(FILE);
  const entries = rows as unknown as Entry[];

  it('is frozen: its SHA-256 has not changed since it was written', () => {
    expect(sha256(raw)).toBe(FROZEN_SHA256);
  });

  it(`has ${STATEMENTS} statements, one JSON object per line`, () => {
    const lines = raw
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim());
    expect(lines.length).toBe(rows.length);
    expect(rows.length).toBe(STATEMENTS);
  });

  it('gives every statement an id, a non-empty text, a known label and a sector, and nothing else', () => {
    const malformed = rows
      .filter(
        (r) =>
          typeof r['id'] !== 'string' ||
          !/^h-\d{3}$/.test(r['id']) ||
          typeof r['text'] !== 'string' ||
          r['text'].trim().length < 10 ||
          !LABELS.includes(r['label'] as Label) ||
          typeof r['sector'] !== 'string' ||
          !/^[a-z]+(?:[ -][a-z]+)*$/.test(r['sector']) ||
          Object.keys(r).sort().join(',') !== 'id,label,sector,text',
      )
      .map((r, i) => (typeof r['id'] === 'string' ? r['id'] : `line ${i + 1}`));
    expect(malformed).toEqual([]);
  });

  it('covers 17 service areas', () => {
    expect(new Set(entries.map((e) => e.sector)).size).toBe(17);
  });

  it('has unique ids and no repeated statement', () => {
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const hashes = entries.map((e) => normalisedHash(e.text));
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('shares exactly one statement with the other corpora: h-307, written independently of generalisation g205', () => {
    const others = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.jsonl') && f !== FILE_NAME);
    // The other sets must all be there, or this check would pass vacuously.
    expect(others).toEqual(expect.arrayContaining(['requirements.jsonl', 'regression.jsonl', 'generalisation.jsonl']));
    // normalised hash → "file:id" of every statement of the other corpora
    const elsewhere = new Map<string, string[]>();
    for (const f of others) {
      for (const r of parseLines(join(CORPUS_DIR, f))) {
        if (typeof r['text'] !== 'string') continue;
        const h = normalisedHash(r['text']);
        elsewhere.set(h, [...(elsewhere.get(h) ?? []), `${f}:${String(r['id'])}`]);
      }
    }
    expect(elsewhere.size).toBeGreaterThan(0);
    const shared = entries.filter((e) => elsewhere.has(normalisedHash(e.text))).map((e) => e.id);
    expect(shared).toEqual(['h-307']);
    const h307 = entries.find((e) => e.id === 'h-307')!;
    expect(elsewhere.get(normalisedHash(h307.text))).toEqual(['generalisation.jsonl:g205']);
  });
});
