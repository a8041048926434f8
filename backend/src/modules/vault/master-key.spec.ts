import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSettings } from '../../config/settings';
import { MASTER_KEY_FILE, NEXT_MASTER_KEY_FILE, masterKeyId, resolveMasterKeys } from './master-key';

describe('the bid master key', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'openbrief-master-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const sqlite = (env: Record<string, string> = {}) => loadSettings({ DATABASE_PATH: join(dir, 'data/db.sqlite'), ...env });

  it('with SQLite and none set, creates a key file (0600) in the data directory on first start and reuses it', () => {
    const first = resolveMasterKeys(sqlite());
    const file = join(dir, 'data', MASTER_KEY_FILE);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toEqual(first.current.key);
    expect(first.current.id).toBe(masterKeyId(first.current.key));
    expect(first.current.id).toMatch(/^[0-9a-f]{16}$/);
    expect(resolveMasterKeys(sqlite()).current).toEqual(first.current);
  });

  it('uses DATA_DIR when it is set', () => {
    resolveMasterKeys(sqlite({ DATA_DIR: join(dir, 'files') }));
    expect(statSync(join(dir, 'files', MASTER_KEY_FILE)).isFile()).toBe(true);
  });

  it('uses BID_MASTER_KEY when set, and writes no file', () => {
    const key = Buffer.alloc(32, 9);
    const { current, all } = resolveMasterKeys(sqlite({ BID_MASTER_KEY: key.toString('base64') }));
    expect(current).toEqual({ id: masterKeyId(key), key });
    expect(all).toEqual([current]);
    expect(() => statSync(join(dir, 'data', MASTER_KEY_FILE))).toThrow();
  });

  it('refuses to start with PostgreSQL and no BID_MASTER_KEY, saying what to do', () => {
    expect(() => resolveMasterKeys(loadSettings({ DATABASE_URL: 'postgres://u@h/db', DATA_DIR: dir }))).toThrow(
      /^Openbrief cannot start: BID_MASTER_KEY is required with DATABASE_URL.*openssl rand -base64 32/,
    );
    expect(
      resolveMasterKeys(
        loadSettings({ DATABASE_URL: 'postgres://u@h/db', DATA_DIR: dir, BID_MASTER_KEY: Buffer.alloc(32, 1).toString('base64') }),
      ).current.key,
    ).toEqual(Buffer.alloc(32, 1));
  });

  it.each([
    ['short', 'c2hvcnQ=\n'],
    ['empty', ''],
    ['not base64', `${'!'.repeat(44)}\n`],
  ])('refuses to start on a %s key file, with a plain message', (_what, text) => {
    writeFileSync(join(dir, MASTER_KEY_FILE), text, { mode: 0o600 });
    expect(() => resolveMasterKeys(loadSettings({ DATABASE_PATH: join(dir, 'db.sqlite') }))).toThrow(
      /^Openbrief cannot start: .*bid-master-key does not hold a bid master key: it must be 32 random bytes in base64.*Restore it from your key backup/,
    );
  });

  it('refuses a key file others can read, and one it cannot read', () => {
    const file = join(dir, MASTER_KEY_FILE);
    writeFileSync(file, `${Buffer.alloc(32, 3).toString('base64')}\n`, { mode: 0o644 });
    chmodSync(file, 0o644);
    expect(() => resolveMasterKeys(loadSettings({ DATABASE_PATH: join(dir, 'db.sqlite') }))).toThrow(
      /can be read by other users \(mode 644\)\. Run: chmod 600/,
    );
    rmSync(file);
    // A directory where the file should be: EISDIR, reported as unusable rather than a crash.
    writeFileSync(join(dir, 'x'), '');
    const blocked = join(dir, 'blocked');
    writeFileSync(blocked, '');
    expect(() => resolveMasterKeys(loadSettings({ DATABASE_PATH: join(blocked, 'db.sqlite') }))).toThrow(
      /^Openbrief cannot start: the bid master key file .* cannot be used \(ENOTDIR\)/,
    );
  });

  it('also knows a key staged by an interrupted rotation, so no row is ever under a key it cannot find', () => {
    const { current } = resolveMasterKeys(sqlite());
    const staged = Buffer.alloc(32, 5);
    writeFileSync(join(dir, 'data', NEXT_MASTER_KEY_FILE), staged.toString('base64'), { mode: 0o600 });
    const ring = resolveMasterKeys(sqlite());
    expect(ring.current).toEqual(current);
    expect(ring.all.map((k) => k.id)).toEqual([current.id, masterKeyId(staged)]);
  });
});
