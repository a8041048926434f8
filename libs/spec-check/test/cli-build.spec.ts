import { spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

// The bin runs JavaScript compiled into dist/cli (tools/cli/compiled.js). These tests work on a temporary copy of
// the files it needs, so building, rebuilding and racing never touch this checkout's own build.
const ROOT = resolve(__dirname, '..', '..', '..');
const COPIED = ['tools/cli', 'libs/spec-check/bin', 'libs/spec-check/src', 'tsconfig.base.json', '.swcrc'];
const MAIN_JS = 'libs/spec-check/src/cli/main.js';
jest.setTimeout(120_000);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

describe('spec-check CLI compiled to JavaScript', () => {
  let copy: string;
  let inputs: string;
  const bin = () => join(copy, 'libs/spec-check/bin/spec-check.js');
  const env = (extra: Record<string, string>) => {
    const e: NodeJS.ProcessEnv = { ...process.env, ...extra };
    if (!('OPENBRIEF_CLI_FROM_SOURCES' in extra)) delete e['OPENBRIEF_CLI_FROM_SOURCES'];
    if (!('OPENBRIEF_CLI_BUILD_DIR' in extra)) delete e['OPENBRIEF_CLI_BUILD_DIR'];
    return e;
  };
  const run = (args: string[], extra: Record<string, string> = {}): Run => {
    const r = spawnSync(process.execPath, [bin(), ...args], { cwd: copy, encoding: 'utf8', env: env(extra) });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const fromSources = (args: string[]) => run(args, { OPENBRIEF_CLI_FROM_SOURCES: '1' });
  const builds = (dir = join(copy, 'dist/cli')) => readdirSync(join(dir, 'spec-check'));

  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), 'spec-check-build-'));
    for (const path of COPIED) cpSync(join(ROOT, path), join(copy, path), { recursive: true });
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(copy, 'node_modules'));
    inputs = join(copy, 'inputs');
    mkdirSync(inputs);
    writeFileSync(join(inputs, 'one.txt'), 'Staff laptops must be Dell Latitude 5440.\n');
    writeFileSync(
      join(inputs, 'spec.md'),
      '# Devices\n- Staff laptops must be Dell Latitude 5440.\n- The system must be user-friendly.\n1. Bidders must hold ISO 9001 certification.\n',
    );
    writeFileSync(join(inputs, 'spec.pdf'), '%PDF-1.4');
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('builds on first use, then reuses the build while the sources are unchanged', () => {
    expect(existsSync(join(copy, 'dist'))).toBe(false);
    const first = run([join(inputs, 'one.txt')]);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(`${join(inputs, 'one.txt')}:1:23: error brand.named-product:`);
    const [stamp] = builds();
    expect(builds()).toEqual([expect.stringMatching(/^[0-9a-f]{16}$/)]);
    const main = join(copy, 'dist/cli/spec-check', stamp, MAIN_JS);
    const builtAt = statSync(main).mtimeMs;

    expect(run([join(inputs, 'one.txt')])).toEqual(first);
    expect(builds()).toEqual([stamp]);
    expect(statSync(main).mtimeMs).toBe(builtAt);
  });

  it('prints the same output, and exits with the same codes, as the TypeScript sources', () => {
    const cases = [
      [join(inputs, 'one.txt')],
      ['--format', 'json', '--value', '300k', join(inputs, 'spec.md')],
      [join(inputs, 'missing.txt')],
      [join(inputs, 'spec.pdf')],
      ['--format', 'xml', join(inputs, 'one.txt')],
      ['--bogus'],
      [],
      ['--help'],
    ];
    const codes = cases.map((args) => {
      const compiled = run(args);
      expect(compiled).toEqual(fromSources(args));
      return compiled.code;
    });
    expect(codes).toEqual([0, 0, 1, 1, 1, 1, 1, 0]);
  });

  it('starts from the sources, with a one-line note, when no build can be written', () => {
    // A build folder under a regular file cannot be created, whoever runs the test (root ignores permissions).
    const r = run([join(inputs, 'one.txt')], { OPENBRIEF_CLI_BUILD_DIR: join(inputs, 'one.txt', 'cli') });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /^spec-check: note: starting from the TypeScript sources \(slower\), as no compiled copy could be built: .+\n$/,
    );
    expect(r.stdout).toBe(run([join(inputs, 'one.txt')]).stdout);
  });

  it('lets runs that start at once with no build all succeed, leaving one complete build', async () => {
    const dir = join(copy, 'dist/race');
    const once = () =>
      new Promise<Run>((ok) => {
        const child = spawn(process.execPath, [bin(), join(inputs, 'spec.md')], { cwd: copy, env: env({ OPENBRIEF_CLI_BUILD_DIR: dir }) });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += d));
        child.stderr.on('data', (d) => (stderr += d));
        child.on('close', (code) => ok({ code, stdout, stderr }));
      });
    const runs = await Promise.all([once(), once(), once(), once()]);
    const expected = fromSources([join(inputs, 'spec.md')]);
    for (const r of runs) expect(r).toEqual(expected);
    expect(builds(dir)).toEqual([builds()[0]]);
  });

  it('builds again when a source changes, and runs the changed code', () => {
    const before = builds();
    const source = join(copy, 'libs/spec-check/src/cli/main.ts');
    writeFileSync(source, readFileSync(source, 'utf8').replace('Usage: spec-check', 'Usage (changed): spec-check'));
    const r = run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage \(changed\): spec-check/);
    expect(builds()).toHaveLength(before.length + 1);
    expect(r).toEqual(fromSources(['--help']));
  });
});

describe('postinstall', () => {
  const script = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.postinstall as string;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spec-check-postinstall-'));
    cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const postinstall = () => spawnSync('sh', ['-c', script], { cwd: dir, encoding: 'utf8' });

  it('does nothing where only package.json was copied (the production install test)', () => {
    const r = postinstall();
    expect(r.status).toBe(0);
    expect(readdirSync(dir)).toEqual(['package.json']);
  });

  it('does nothing, and succeeds, in a production install without SWC', () => {
    cpSync(join(ROOT, 'tools/cli'), join(dir, 'tools/cli'), { recursive: true });
    const r = postinstall();
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('no @swc/core (a production install): the command lines are not compiled');
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });
});
