import { DataSource } from 'typeorm';
import { loadSettings } from '../../src/config/settings';
import { standaloneDataSourceOptions } from '../../src/entities';
import { MIGRATIONS } from '../../src/database/migrations';
import { DEFAULT_EVALUATION_RULES, Jurisdiction, ProcurementCategory, TieBreakRule } from '@openbrief/contracts';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startTestApp } from '../support/test-app';
import { createReadyTender } from '../support/tender-fixtures';

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

  it('adds the evaluation rules and the jurisdiction to existing rows with their defaults, and takes them away again losing no row', async () => {
    const own = await createTestDatabase();
    try {
      const app = await startTestApp({}, { db: own });
      try {
        const buyer = app.client();
        await buyer.signIn('buyer@demo.test');
        const d = await createReadyTender(buyer, 'Before the evaluation rules');
        const content = toTenderContent(d);
        content.contract = { ...content.contract, jurisdiction: Jurisdiction.Scotland };
        content.lots[0].evaluationModel.rules = { ...content.lots[0].evaluationModel.rules, tieBreak: TieBreakRule.LowerPrice };
        expect((await buyer.put(`/api/v1/tenders/${d.id}`, { revision: d.revision, content })).status).toBe(200);
      } finally {
        await app.close();
      }
      const other = new DataSource(standaloneDataSourceOptions(loadSettings({ ...own.env }).database));
      await other.initialize();
      try {
        const rows = async () =>
          Object.fromEntries(
            await Promise.all(
              ['tender', 'lot', 'requirement', 'criterion'].map(async (table) => [
                table,
                Number((await other.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n),
              ]),
            ),
          );
        const before = await rows();
        expect(before['lot']).toBeGreaterThan(0);
        const applied = async () => ((await other.query('SELECT name FROM migrations')) as { name: string }[]).map((r) => r.name);
        while ((await applied()).includes('EvaluationRules1764535000000')) await other.undoLastMigration({ transaction: 'each' });
        const columns = async (table: string) => (await other.createQueryRunner().getTable(table))!.columns.map((c) => c.name);
        expect(await columns('lot')).not.toContain('evaluation_rules');
        expect(await columns('tender')).not.toContain('jurisdiction');
        // Plain ALTER TABLE: no table was rebuilt, so no lot, requirement or criterion went with it.
        expect(await rows()).toEqual(before);

        await other.runMigrations({ transaction: 'each' });
        expect(await rows()).toEqual(before);
        const lots: { evaluation_rules: string }[] = await other.query('SELECT evaluation_rules FROM lot');
        for (const lot of lots) expect(JSON.parse(lot.evaluation_rules)).toEqual(DEFAULT_EVALUATION_RULES);
        const tenders: { jurisdiction: string }[] = await other.query('SELECT jurisdiction FROM tender');
        expect(new Set(tenders.map((x) => x.jurisdiction))).toEqual(new Set([Jurisdiction.EnglandAndWales]));
      } finally {
        await other.destroy();
      }
    } finally {
      await own.drop();
    }
  });

  it('gives existing tenders services, anywhere in the UK and no engagement texts, and takes the columns away losing no row', async () => {
    const own = await createTestDatabase();
    try {
      const app = await startTestApp({}, { db: own });
      try {
        const buyer = app.client();
        await buyer.signIn('buyer@demo.test');
        const d = await createReadyTender(buyer, 'Before the classification');
        const content = toTenderContent(d);
        Object.assign(content, {
          mainCategory: ProcurementCategory.Goods,
          regions: ['TLL'],
          engagementSummary: 'Changed.',
          noEngagementReason: null,
        });
        expect((await buyer.put(`/api/v1/tenders/${d.id}`, { revision: d.revision, content })).status).toBe(200);
      } finally {
        await app.close();
      }
      const other = new DataSource(standaloneDataSourceOptions(loadSettings({ ...own.env }).database));
      await other.initialize();
      try {
        const count = async (table: string) => Number((await other.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
        const before = await Promise.all(['tender', 'lot', 'requirement', 'criterion'].map(count));
        const applied = async () => ((await other.query('SELECT name FROM migrations')) as { name: string }[]).map((r) => r.name);
        while ((await applied()).includes('TenderClassification1764600000000')) await other.undoLastMigration({ transaction: 'each' });
        const columns = (await other.createQueryRunner().getTable('tender'))!.columns.map((c) => c.name);
        for (const column of ['main_category', 'regions', 'engagement_summary', 'no_engagement_reason'])
          expect(columns).not.toContain(column);
        expect(await Promise.all(['tender', 'lot', 'requirement', 'criterion'].map(count))).toEqual(before);

        await other.runMigrations({ transaction: 'each' });
        expect(await Promise.all(['tender', 'lot', 'requirement', 'criterion'].map(count))).toEqual(before);
        const tenders: { main_category: string; regions: string; engagement_summary: string; no_engagement_reason: string | null }[] =
          await other.query('SELECT main_category, regions, engagement_summary, no_engagement_reason FROM tender');
        expect(tenders.length).toBeGreaterThan(0);
        for (const t of tenders) {
          expect([t.main_category, JSON.parse(t.regions), t.engagement_summary, t.no_engagement_reason]).toEqual([
            ProcurementCategory.Services,
            [],
            '',
            null,
          ]);
        }
      } finally {
        await other.destroy();
      }
    } finally {
      await own.drop();
    }
  });
});
