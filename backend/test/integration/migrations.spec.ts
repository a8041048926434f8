import { DataSource } from 'typeorm';
import { loadSettings } from '../../src/config/settings';
import { standaloneDataSourceOptions } from '../../src/entities';
import { MIGRATIONS } from '../../src/database/migrations';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** One migration set serves both databases: this runs on SQLite, and on PostgreSQL when TEST_DATABASE_URL is set. */
describe('migrations', () => {
  let db: TestDatabase;
  let ds: DataSource;
  beforeAll(async () => {
    db = await createTestDatabase();
    ds = new DataSource(standaloneDataSourceOptions(loadSettings({ ...db.env }).database));
    await ds.initialize();
  });
  afterAll(async () => {
    await ds.destroy();
    await db.drop();
  });

  it('ran every migration at start', async () => {
    const rows: { name: string }[] = await ds.query('SELECT name FROM migrations ORDER BY id');
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('leaves a schema that matches the entities exactly (nothing for schema sync to change)', async () => {
    const pending = await ds.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('can be reverted to an empty schema and applied again', async () => {
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration({ transaction: 'each' });
    const tables = await ds.createQueryRunner().getTables(['organisation', 'user_account', 'tender']);
    expect(tables).toEqual([]);
    await ds.runMigrations({ transaction: 'each' });
    expect((await ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });

  if (process.env['TEST_DATABASE'] !== 'postgres') {
    it('turns on WAL and foreign keys on SQLite', async () => {
      expect(await ds.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await ds.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    });
  }
});
