import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
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

  const pack = (...args: string[]) =>
    run(process.execPath, ['backend/bin/pack.js', ...args], { cwd: root, env: { ...process.env, ...t.db.env, LOG_LEVEL: 'silent' } }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );

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

  it('exits 1 with a clear message for an unknown reference or missing arguments', async () => {
    const unknown = await pack('--tender', 'NO-SUCH-REF', '--out', join(dir, 'x.pdf'));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No tender has the reference "NO-SUCH-REF".');
    const missing = await pack('--out', join(dir, 'x.pdf'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Usage: npm run pack');
  });
});
