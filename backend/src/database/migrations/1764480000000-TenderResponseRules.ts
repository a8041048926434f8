import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How suppliers respond (attachments, their number and size, two-person opening) and the date answers to
 * clarification questions are published by: new columns of the tender's working copy. Existing tenders get
 * the defaults, which are what they allowed before (DEFAULT_RESPONSE_RULES, as at the time of this migration).
 */
export class TenderResponseRules1764480000000 implements MigrationInterface {
  name = 'TenderResponseRules1764480000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.driver.options.type === 'postgres';
    // SQLite has no boolean type: TypeORM stores 0/1 there (as columns.ts does).
    const yes = postgres ? 'true' : '1';
    const no = postgres ? 'false' : '0';
    // Plain ALTER TABLE on both databases: TypeORM would rebuild the SQLite table, and a rebuild while foreign
    // keys are on would cascade-delete the tender's lots and requirements.
    await q.query(`ALTER TABLE tender ADD COLUMN attachments_allowed boolean NOT NULL DEFAULT ${yes}`);
    await q.query('ALTER TABLE tender ADD COLUMN max_attachments integer NOT NULL DEFAULT 5');
    await q.query('ALTER TABLE tender ADD COLUMN max_attachment_mb integer NOT NULL DEFAULT 10');
    await q.query(`ALTER TABLE tender ADD COLUMN two_person_opening boolean NOT NULL DEFAULT ${no}`);
    await q.query(`ALTER TABLE tender ADD COLUMN answers_published_by ${postgres ? 'timestamp' : 'datetime'}`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['answers_published_by', 'two_person_opening', 'max_attachment_mb', 'max_attachments', 'attachments_allowed'])
      await q.query(`ALTER TABLE tender DROP COLUMN ${column}`);
  }
}
