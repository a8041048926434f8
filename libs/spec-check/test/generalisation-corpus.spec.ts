import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { countBy, LABELS, type Entry, type Label, normalisedHash, parseLines, sha256 } from './helpers/frozen-corpus';

/**
 * The generalisation corpus was written by someone who had not seen the checker's rules or the other corpora,
 * and its first measurement is the checker's generalisation figure (issue 14, "Honest measurement"). Since then
 * it has been used for development (the rules and the learned model were tuned on it), so it is no longer held
 * out; a fresh held-out file measures the checker instead. It stays frozen by its SHA-256. These checks report
 * ids, counts and hashes only.
 */
const CORPUS_DIR = join(__dirname, '..', 'corpus');
const FILE_NAME = 'generalisation.jsonl';
const FILE = join(CORPUS_DIR, FILE_NAME);
const FROZEN_SHA256 = '86e79c930dc89fa276f147aae16989287f8df0efa369c610da7649754328c577';

describe('generalisation corpus (development set since issue 14; frozen)', () => {
  const raw = readFileSync(FILE);
  const rows = parseLines(FILE);
  const entries = rows as unknown as Entry[];

  it('is frozen: its SHA-256 has not changed since it was written', () => {
    expect(sha256(raw)).toBe(FROZEN_SHA256);
  });

  it('has at least 300 statements, one JSON object per line', () => {
    const lines = raw
      .toString('utf8')
      .split('\n')
      .filter((l) => l.trim());
    expect(lines.length).toBe(rows.length);
    expect(rows.length).toBeGreaterThanOrEqual(300);
  });

  it('gives every statement an id, a non-empty text, a known label and a sector, and nothing else', () => {
    const malformed = rows
      .filter(
        (r) =>
          typeof r['id'] !== 'string' ||
          !/^g\d{3}$/.test(r['id']) ||
          typeof r['text'] !== 'string' ||
          r['text'].trim().length < 10 ||
          !LABELS.includes(r['label'] as Label) ||
          typeof r['sector'] !== 'string' ||
          !/^[a-z]+(-[a-z]+)*$/.test(r['sector']) ||
          Object.keys(r).sort().join(',') !== 'id,label,sector,text',
      )
      .map((r, i) => (typeof r['id'] === 'string' ? r['id'] : `line ${i + 1}`));
    expect(malformed).toEqual([]);
  });

  it('has unique ids and no repeated statement', () => {
    const ids = entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const hashes = entries.map((e) => normalisedHash(e.text));
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('covers at least 15 service areas', () => {
    expect(Object.keys(countBy(entries, (e) => e.sector)).length).toBeGreaterThanOrEqual(15);
  });

  it('is mostly prescription without names, with good and vague statements to test false alarms', () => {
    const byLabel = countBy(entries, (e) => e.label);
    const n = (l: Label) => byLabel[l] ?? 0;
    expect(n('solution') + n('method') + n('threshold')).toBeGreaterThanOrEqual(140);
    for (const l of ['solution', 'method', 'threshold'] as const) expect(n(l)).toBeGreaterThanOrEqual(30);
    expect(n('good')).toBeGreaterThanOrEqual(100);
    expect(n('vague')).toBeGreaterThanOrEqual(50);
    // Names are what the checker already finds; this corpus is about prescription that names nothing.
    expect(n('brand') + n('standard')).toBeLessThanOrEqual(20);
  });

  it('spreads nameless prescription across at least 15 service areas', () => {
    const prescriptive = entries.filter((e) => ['solution', 'method', 'threshold'].includes(e.label));
    expect(Object.keys(countBy(prescriptive, (e) => e.sector)).length).toBeGreaterThanOrEqual(15);
  });

  it('shares no statement with any other corpus (compared by hash of normalised text only)', () => {
    // Held-out files are never opened by these tests (nor by any tool that tunes the rules): they are read once,
    // when they are measured. Their own checks belong with them.
    const others = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.jsonl') && f !== FILE_NAME && !f.startsWith('heldout'));
    // The project's main corpus must be among them, or this check would pass vacuously.
    expect(others).toContain('requirements.jsonl');
    const otherHashes = new Set<string>();
    for (const f of others) {
      for (const r of parseLines(join(CORPUS_DIR, f))) {
        if (typeof r['text'] === 'string') otherHashes.add(normalisedHash(r['text']));
      }
    }
    expect(otherHashes.size).toBeGreaterThan(0);
    const shared = entries.filter((e) => otherHashes.has(normalisedHash(e.text))).map((e) => e.id);
    expect(shared).toEqual([]);
  });
});
