import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { readPdf } from '../support/pdf';
import { startTestApp, type TestApp } from '../support/test-app';

const run = promisify(execFile);
const root = resolve(__dirname, '../../..');

describe('npm run pack', () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await startTestApp();
    dir = mkdtempSync(join(tmpdir(), 'openbrief-pack-cli-'));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const packWith = (env: Record<string, string>, ...args: string[]) =>
    run(process.execPath, ['backend/bin/pack.js', ...args], {
      cwd: root,
      env: { ...process.env, ...t.db.env, LOG_LEVEL: 'silent', ...env },
    }).then(
      (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  const pack = (...args: string[]) => packWith({}, ...args);

  it('writes the published pack of a tender, the same bytes the public download serves', async () => {
    const [published] = await t.dataSource.query(`SELECT reference, id FROM tender WHERE status = 'published'`);
    const out = join(dir, 'published.pdf');
    const res = await pack('--tender', published.reference, '--out', out);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/version 1, \d+ KB, SHA-256 [0-9a-f]{64}/);
    expect(readPdf(readFileSync(out)).text).toContain('Reducing missed hospital outpatient appointments');
  });

  it('writes a draft pack for a tender never published', async () => {
    const [draft] = await t.dataSource.query(`SELECT reference FROM tender WHERE status = 'draft'`);
    const out = join(dir, 'draft.pdf');
    const res = await pack('--tender', draft.reference, '--out', out);
    expect(res.stdout).toMatch(/draft, \d+ pages/);
    expect(readPdf(readFileSync(out)).text).toContain('DRAFT');
  });

  it('runs from JavaScript compiled on first use, with the output and exit codes of the TypeScript sources', async () => {
    // A build folder of its own (inside the checkout, so that node_modules resolves), not this checkout's dist/cli.
    mkdirSync(join(root, 'dist'), { recursive: true });
    const builds = mkdtempSync(join(root, 'dist', 'cli-test-'));
    try {
      const [published] = await t.dataSource.query(`SELECT reference FROM tender WHERE status = 'published'`);
      const withoutTiming = (r: { code: number; stdout: string; stderr: string }) => ({
        ...r,
        stdout: r.stdout.replace(/^Took \d+ ms\n/m, ''),
      });
      const codes = [];
      for (const reference of [published.reference, 'NO-SUCH-REF']) {
        const compiledOut = join(dir, 'compiled.pdf');
        const sourcesOut = join(dir, 'sources.pdf');
        const compiled = await packWith({ OPENBRIEF_CLI_BUILD_DIR: builds }, '--tender', reference, '--out', compiledOut);
        const sources = await packWith({ OPENBRIEF_CLI_FROM_SOURCES: '1' }, '--tender', reference, '--out', sourcesOut);
        expect(withoutTiming(compiled)).toEqual(withoutTiming({ ...sources, stdout: sources.stdout.replace(sourcesOut, compiledOut) }));
        if (compiled.code === 0) expect(readFileSync(compiledOut).equals(readFileSync(sourcesOut))).toBe(true);
        codes.push(compiled.code);
      }
      expect(codes).toEqual([0, 1]);
      const [stamp, ...others] = readdirSync(join(builds, 'backend'));
      expect(others).toEqual([]);
      expect(existsSync(join(builds, 'backend', stamp, 'backend/src/cli/pack.js'))).toBe(true);
    } finally {
      rmSync(builds, { recursive: true, force: true });
    }
  });

  it('exits 1 with a clear message for an unknown reference or missing arguments', async () => {
    const unknown = await pack('--tender', 'NO-SUCH-REF', '--out', join(dir, 'x.pdf'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No tender has the reference "NO-SUCH-REF".');
    const missing = await pack('--out', join(dir, 'x.pdf'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Usage: npm run pack');
  });
});
