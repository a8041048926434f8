import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tender classification and the engagement outcome texts, on the tender's working copy (issue 15): what is mainly
 * bought (OCDS mainProcurementCategory), the ITL 1 delivery regions (a JSON list of codes), what changed because of
 * preliminary market engagement, and why there was none. Existing tenders get services, anywhere in the UK
 * (no regions), an empty summary and no reason: what a tender said before these fields existed.
 */
export class TenderClassification1764600000000 implements MigrationInterface {
  name = 'TenderClassification1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // Plain ALTER TABLE on both databases: TypeORM would rebuild the SQLite table, and a rebuild while foreign
    // keys are on would cascade-delete the tender's lots and requirements.
    await q.query("ALTER TABLE tender ADD COLUMN main_category varchar(20) NOT NULL DEFAULT 'services'");
    await q.query("ALTER TABLE tender ADD COLUMN regions text NOT NULL DEFAULT '[]'");
    await q.query("ALTER TABLE tender ADD COLUMN engagement_summary text NOT NULL DEFAULT ''");
    await q.query('ALTER TABLE tender ADD COLUMN no_engagement_reason text');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['no_engagement_reason', 'engagement_summary', 'regions', 'main_category'])
      await q.query(`ALTER TABLE tender DROP COLUMN ${column}`);
  }
}
