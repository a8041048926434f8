import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { Transactions } from '../../src/database/transactions';
import { AttachmentStorage } from '../../src/modules/vault/attachment-storage';
import { VaultDataKey } from '../../src/modules/vault/entities/vault-data-key.entity';
import { MASTER_KEY_FILE, masterKeyId } from '../../src/modules/vault/master-key';
import { Vault } from '../../src/modules/vault/vault';
import { SealBrokenError } from '../../src/modules/vault/vault.errors';
import { startTestApp, type TestApp } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const run = promisify(execFile);
const root = resolve(__dirname, '../../..');
const sqliteOnly = process.env['TEST_DATABASE'] === 'postgres' ? describe.skip : describe;

const SECRET = 'Brightpath Digital bids £98,765.43 for lot 2 — CONFIDENTIAL-ANSWER-TEXT';
const newKey = () => randomBytes(32).toString('base64');

/** Seals SECRET under a new data key (in a transaction, as a service would) and stores it as an attachment. */
async function sealOne(t: TestApp) {
  const vault = t.app.get(Vault);
  return t.app.get(Transactions).run(async (tx) => {
    const id = await vault.createDataKey(tx);
    const sealed = await vault.seal(id, Buffer.from(SECRET), `response:${id}:content`, tx);
    await t.app.get(AttachmentStorage).put(`responses/${id}/content`, sealed);
    return { id, sealed };
  });
}

async function opens(t: TestApp, { id, sealed }: { id: string; sealed: Buffer }) {
  return (await t.app.get(Vault).unseal(id, sealed, `response:${id}:content`)).toString();
}

/** `npm run keys:rotate` itself: the real entry point, as an operator runs it. */
function rotate(env: Record<string, string>, args: string[] = []) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BID_MASTER_KEY')));
  return run(process.execPath, ['backend/bin/keys-rotate.js', ...args], { cwd: root, env: { ...clean, LOG_LEVEL: 'silent', ...env } }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );
}

sqliteOnly('the vault with a key file (SQLite)', () => {
  let db: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'openbrief-vault-data-'));
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });
  const start = () => startTestApp({ DATA_DIR: dataDir }, { db });
  let sealed: { id: string; sealed: Buffer };
  let firstKeyId: string;

  it('creates the key file (0600) in the data directory on first start, and reuses it after a restart', async () => {
    const t = await start();
    try {
      const file = join(dataDir, MASTER_KEY_FILE);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      firstKeyId = masterKeyId(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64'));
      expect(t.app.get(Vault).masterKeyId).toBe(firstKeyId);
      sealed = await sealOne(t);
      expect(await opens(t, sealed)).toBe(SECRET);
    } finally {
      await t.close();
    }
    const again = await start();
    try {
      expect(again.app.get(Vault).masterKeyId).toBe(firstKeyId);
      expect(await opens(again, sealed)).toBe(SECRET);
      const row = await again.dataSource.getRepository(VaultDataKey).findOneByOrFail({ id: sealed.id });
      expect(row.masterKeyId).toBe(firstKeyId);
    } finally {
      await again.close();
    }
  });

  it('leaves no data key and no sealed content in the clear: not in the raw SQLite file (and its WAL), not in the stored files', async () => {
    const t = await start();
    try {
      const vault = t.app.get(Vault);
      const mine = await sealOne(t);
      // The unwrapped key, read from the vault's memory only for this check.
      const key = (vault as unknown as { cache: { get(id: string): Buffer } }).cache.get(mine.id);
      expect(key?.length).toBe(32);
      const dbPath = db.env['DATABASE_PATH']!;
      const raw = Buffer.concat([dbPath, `${dbPath}-wal`].filter(existsSync).map((f) => readFileSync(f)));
      for (const form of [
        key!,
        Buffer.from(key!.toString('base64')),
        Buffer.from(key!.toString('hex')),
        Buffer.from(key!.toString('base64url')),
      ])
        expect(raw.includes(form)).toBe(false);
      expect(raw.includes(Buffer.from('CONFIDENTIAL-ANSWER-TEXT'))).toBe(false);
      const stored = readFileSync(join(dataDir, 'attachments/responses', mine.id, 'content'));
      expect(stored.includes(Buffer.from('CONFIDENTIAL-ANSWER-TEXT'))).toBe(false);
      expect(stored.includes(key!)).toBe(false);
      expect(statSync(join(dataDir, 'attachments/responses', mine.id, 'content')).mode & 0o777).toBe(0o600);
    } finally {
      await t.close();
    }
  });

  it('npm run keys:rotate re-wraps every data key under a new key file; what was sealed before opens with the new key only', async () => {
    const before = readFileSync(join(dataDir, MASTER_KEY_FILE), 'utf8');
    const env = { ...db.env, DATA_DIR: dataDir };
    const res = await rotate(env);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^OK: 2 of 2 data keys re-wrapped; every one is now under master key [0-9a-f]{16}\./);
    const after = readFileSync(join(dataDir, MASTER_KEY_FILE), 'utf8');
    expect(after).not.toBe(before);
    expect(statSync(join(dataDir, MASTER_KEY_FILE)).mode & 0o777).toBe(0o600);
    const retired = join(dataDir, `${MASTER_KEY_FILE}.${firstKeyId}.retired`);
    expect(readFileSync(retired, 'utf8')).toBe(before);
    expect(res.stdout).toContain(retired);
    // The operator moves the old key off the server, as told: only the new key is left.
    rmSync(retired);
    expect(readdirSync(dataDir).filter((f) => f.startsWith(MASTER_KEY_FILE))).toEqual([MASTER_KEY_FILE]);

    const t = await start();
    try {
      const newId = t.app.get(Vault).masterKeyId;
      expect(newId).not.toBe(firstKeyId);
      const rows = await t.dataSource.getRepository(VaultDataKey).find();
      expect(rows.map((r) => r.masterKeyId)).toEqual(rows.map(() => newId));
      expect(await opens(t, sealed)).toBe(SECRET);
    } finally {
      await t.close();
    }
    // Again at once: nothing left under an old key, a new key all the same.
    expect((await rotate(env)).stdout).toMatch(/^OK: 2 of 2 data keys re-wrapped/);
  });

  it('keys:rotate refuses bad arguments and settings with a plain message and an exit code, never a stack trace', async () => {
    const env = { ...db.env, DATA_DIR: dataDir };
    const bad = await rotate(env, ['--force']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^Unknown option '--force'.*\nUsage: npm run keys:rotate/s);
    const previousOnly = await rotate({ ...env, BID_MASTER_KEY_PREVIOUS: newKey() });
    expect([previousOnly.code, previousOnly.stderr.trim()]).toEqual([
      1,
      'BID_MASTER_KEY_PREVIOUS is set but BID_MASTER_KEY is not: set BID_MASTER_KEY to the new key.',
    ]);
    const malformed = await rotate({ ...env, BID_MASTER_KEY: 'too-short' });
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(
      /^keys:rotate cannot run: the environment is not valid\.\n {2}- BID_MASTER_KEY: BID_MASTER_KEY must be 32 random bytes/,
    );
    const noDb = await rotate({ DATABASE_PATH: join(dataDir, 'nowhere.sqlite'), DATA_DIR: dataDir });
    expect([noDb.code, noDb.stderr.trim()]).toEqual([
      2,
      `There is no database at ${join(dataDir, 'nowhere.sqlite')}. Set DATABASE_PATH, or DATABASE_URL for PostgreSQL.`,
    ]);
    for (const r of [bad, previousOnly, malformed, noDb]) expect(r.stderr).not.toMatch(/\n\s+at /);
    // Refusals changed nothing: the key file still opens what it sealed.
    const t = await start();
    try {
      expect(await opens(t, sealed)).toBe(SECRET);
    } finally {
      await t.close();
    }
  });
});

describe('the vault with BID_MASTER_KEY', () => {
  let db: TestDatabase;
  let dataDir: string;
  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'openbrief-vault-env-'));
  });
  afterAll(async () => {
    await db.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('uses BID_MASTER_KEY when set (no key file), and keys:rotate moves every data key to the next one', async () => {
    const first = newKey();
    const second = newKey();
    let t = await startTestApp({ DATA_DIR: dataDir, BID_MASTER_KEY: first }, { db });
    let sealed: { id: string; sealed: Buffer };
    try {
      expect(t.app.get(Vault).masterKeyId).toBe(masterKeyId(Buffer.from(first, 'base64')));
      sealed = await sealOne(t);
      expect(existsSync(join(dataDir, MASTER_KEY_FILE))).toBe(false);
    } finally {
      await t.close();
    }

    // Without the key in use now, nothing is changed.
    const blind = await rotate({ ...db.env, DATA_DIR: dataDir, BID_MASTER_KEY: second });
    expect(blind.code).toBe(1);
    expect(blind.stderr).toMatch(
      /^Some data keys are wrapped by a master key this run was not given \(id [0-9a-f]{16}\)\. Nothing was changed\./,
    );

    const res = await rotate({ ...db.env, DATA_DIR: dataDir, BID_MASTER_KEY: second, BID_MASTER_KEY_PREVIOUS: first });
    expect([res.code, res.stderr]).toEqual([0, '']);
    expect(res.stdout).toMatch(
      /^OK: 1 of 1 data keys re-wrapped; every one is now under master key [0-9a-f]{16}\.\nStart every instance with the new BID_MASTER_KEY/,
    );

    t = await startTestApp({ DATA_DIR: dataDir, BID_MASTER_KEY: second }, { db });
    try {
      expect(await opens(t, sealed)).toBe(SECRET);
    } finally {
      await t.close();
    }
    // The old key alone no longer opens anything.
    t = await startTestApp({ DATA_DIR: dataDir, BID_MASTER_KEY: first }, { db });
    try {
      await expect(opens(t, sealed)).rejects.toBeInstanceOf(SealBrokenError);
    } finally {
      await t.close();
    }
  });
});
