import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDocxHtml, parseLines } from '../src/lib/parse';
import { buildDocx } from './helpers/zip';

const ROOT = resolve(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'libs', 'spec-check', 'bin', 'spec-check.js');

function run(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonOut {
  requirements: { line: number; text: string; findings: Record<string, unknown>[] }[];
  summary: { requirements: number; findings: number; openness: number };
}

describe('spec-check CLI (end to end, real process)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'spec-check-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('checks a .txt file and prints compiler-style lines', () => {
    const f = join(dir, 'spec.txt');
    writeFileSync(
      f,
      'Staff laptops must be Dell Latitude 5440.\n\nPages must load within 2 seconds for 95% of requests.\n  - The system must be user-friendly.\n',
    );
    const r = run(f);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      `${f}:1:23: error brand.named-product: "Dell Latitude 5440" is a brand or product name. Naming it without "or equivalent" excludes suppliers who offer something different that would do the job. — Describe what it must do (for example processor performance, memory, battery life, or the functions the software must provide), or write "Dell Latitude 5440 or equivalent".`,
    );
    // list marker stripped, column still points into the original line
    expect(lines.some((l) => l.startsWith(`${f}:4:24: warning measure.vague-term:`))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/3 requirements, 2 findings .*openness \d+\/100/);
  });

  it('prints exactly the documented JSON for a .md file, one entry per requirement in file order', () => {
    const f = join(dir, 'spec.md');
    writeFileSync(
      f,
      [
        '# Requirements',
        '',
        '## Devices',
        '- Staff laptops must be Dell Latitude 5440.',
        '* The service must meet WCAG 2.2 AA or equivalent.',
        '1. Bidders must hold ISO 9001 certification.',
        '',
        '```',
        'not a requirement',
        '```',
        '2) Residents must be able to report a missed bin online at any time.',
      ].join('\n'),
    );
    const r = run('--format', 'json', f);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(Object.keys(out)).toEqual(['requirements', 'summary']);
    expect(out.requirements.map((x) => x.line)).toEqual([4, 5, 6, 11]);
    expect(out.requirements[0].text).toBe('Staff laptops must be Dell Latitude 5440.');
    expect(out.requirements[3].text).toBe('Residents must be able to report a missed bin online at any time.');
    const f0 = out.requirements[0].findings[0];
    expect(Object.keys(f0)).toEqual(['rule', 'category', 'severity', 'message', 'start', 'end', 'suggestion', 'reference']);
    expect(f0).toMatchObject({ rule: 'brand.named-product', category: 'brand', severity: 'error', start: 22, end: 40 });
    expect(out.requirements[2].findings.map((x) => x.rule)).toContain('standard.certification');
    expect(Object.keys(out.summary)).toEqual(['requirements', 'findings', 'openness']);
    expect(out.summary.requirements).toBe(4);
    expect(out.summary.findings).toBe(out.requirements.reduce((n, x) => n + x.findings.length, 0));
    expect(out.summary.openness).toBeGreaterThanOrEqual(0);
    expect(out.summary.openness).toBeLessThanOrEqual(100);
    expect(r.stderr).not.toMatch(/error/i);
  });

  it('checks a real .docx (paragraphs and list items; headings skipped)', () => {
    const f = join(dir, 'spec.docx');
    writeFileSync(
      f,
      buildDocx([
        { text: 'Requirements', heading: true },
        { text: 'Staff laptops must be Dell Latitude 5440.' },
        { text: 'The system must be user-friendly.', bullet: true },
        { text: 'Pages must load within 2 seconds for 95% of requests & reports within 5.', bullet: true },
      ]),
    );
    const r = run('--format=json', f);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.requirements.map((x) => x.text)).toEqual([
      'Staff laptops must be Dell Latitude 5440.',
      'The system must be user-friendly.',
      'Pages must load within 2 seconds for 95% of requests & reports within 5.',
    ]);
    expect(out.requirements.map((x) => x.line)).toEqual([2, 3, 4]);
    expect(out.requirements[0].findings[0]).toMatchObject({ rule: 'brand.named-product' });
    expect(out.requirements[1].findings[0]).toMatchObject({ rule: 'measure.vague-term' });
    const text = run(f);
    expect(text.stdout).toContain(`${f}:2:23: error brand.named-product`);
  });

  it('exits 1 with a clear message for a missing file, a bad file and bad arguments', () => {
    const missing = run(join(dir, 'nope.txt'));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/no such file/);

    const badDocx = join(dir, 'broken.docx');
    writeFileSync(badDocx, 'this is not a zip');
    const bd = run(badDocx);
    expect(bd.code).toBe(1);
    expect(bd.stderr).toMatch(/not a valid \.docx/);

    const pdf = join(dir, 'spec.pdf');
    writeFileSync(pdf, '%PDF-1.4');
    expect(run(pdf).stderr).toMatch(/unsupported file type/);

    const badFormat = run('--format', 'xml', join(dir, 'spec.txt'));
    expect(badFormat.code).toBe(1);
    expect(badFormat.stderr).toMatch(/--format must be "text" or "json"/);
    expect(run().stderr).toMatch(/no FILE given/);
    expect(run('--bogus', 'x.txt').stderr).toMatch(/unknown option --bogus/);
  });

  it('prints help and exits 0', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: spec-check/);
  });

  it('accepts --value for the turnover check', () => {
    const f = join(dir, 'turnover.txt');
    writeFileSync(f, 'Bidders must have a minimum annual turnover of £900,000.\n');
    const out = JSON.parse(run('--format', 'json', '--value', '300k', f).stdout) as JsonOut;
    expect(out.requirements[0].findings.map((x) => x.rule)).toContain('threshold.turnover-excessive');
  });
});

describe('file parsing', () => {
  it('strips list markers, skips headings, fences, rules and comments, and keeps line numbers', () => {
    const p = parseLines(
      '\uFEFF# Title\n\n- one\n  2. two\n(a) three\n---\n<!-- note\nstill note -->\n> - quoted four\n```\nx\n```\n#hashtag without a space is not a heading\n',
    );
    expect(p).toEqual([
      { line: 3, column: 2, text: 'one', heading: 'Title' },
      { line: 4, column: 5, text: 'two', heading: 'Title' },
      { line: 5, column: 4, text: 'three', heading: 'Title' },
      { line: 9, column: 4, text: 'quoted four', heading: 'Title' },
      { line: 13, column: 0, text: '#hashtag without a space is not a heading', heading: 'Title' },
    ]);
  });
  it('reads mammoth HTML blocks in order, numbering paragraphs and skipping headings', () => {
    const p = parseDocxHtml(
      '<h1>Spec</h1><p>First &amp; best.</p><ul><li>Item one<ul><li>Nested</li></ul></li></ul><table><tr><td><p>Cell</p></td></tr></table><p></p>',
    );
    expect(p).toEqual([
      { line: 2, column: 0, text: 'First & best.', heading: 'Spec' },
      { line: 3, column: 0, text: 'Item one', heading: 'Spec' },
      { line: 4, column: 0, text: 'Nested', heading: 'Spec' },
      { line: 5, column: 0, text: 'Cell', heading: 'Spec' },
    ]);
  });
});
