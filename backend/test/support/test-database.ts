import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export interface TestDatabase {
  /** Environment for loadSettings(): points the app at this database. */
  env: Record<string, string>;
  kind: 'sqlite' | 'postgres';
  drop(): Promise<void>;
}

/**
 * A fresh, empty database per test file: a temp SQLite file, or (TEST_DATABASE=postgres) a new
 * PostgreSQL schema in TEST_DATABASE_URL, selected through the connection's search_path.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (process.env['TEST_DATABASE'] === 'postgres') {
    const url = process.env['TEST_DATABASE_URL'];
    if (!url) throw new Error('TEST_DATABASE=postgres needs TEST_DATABASE_URL');
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    await admin.end();
    const withSchema = new URL(url);
    withSchema.searchParams.set('options', `-c search_path=${schema}`);
    // Attachments live in files even with PostgreSQL: a directory of the test's own (shared by instances on this database).
    const dataDir = mkdtempSync(join(tmpdir(), 'openbrief-test-files-'));
    return {
      kind: 'postgres',
      // PostgreSQL requires APP_SECRET and BID_MASTER_KEY (instances share them); one each per test database, so two instances on it agree.
      env: {
        DATABASE_URL: withSchema.toString(),
        APP_SECRET: randomBytes(32).toString('base64url'),
        BID_MASTER_KEY: randomBytes(32).toString('base64'),
        DATA_DIR: dataDir,
      },
      drop: async () => {
        const c = new Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP SCHEMA ${schema} CASCADE`);
        await c.end();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'openbrief-test-'));
  return {
    kind: 'sqlite',
    env: { DATABASE_PATH: join(dir, 'test.sqlite') },
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
