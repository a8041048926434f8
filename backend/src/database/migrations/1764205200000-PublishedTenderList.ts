import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from './columns';

/** What the public list may show (PUBLIC_TENDER_STATUSES in @openbrief/contracts, as of this migration). */
const PUBLIC_STATUSES = ['published', 'closed', 'evaluating', 'awarded'];
const BATCH = 200;

/**
 * The public list's projection: one summary row per public tender, kept at publication, so listing
 * no longer reads and parses every snapshot. Backfilled here from the latest published snapshots.
 */
export class PublishedTenderList1764205200000 implements MigrationInterface {
  name = 'PublishedTenderList1764205200000';

  async up(q: QueryRunner): Promise<void> {
    const c = columns(q);
    await q.createTable(
      new Table({
        name: 'published_tender',
        columns: [
          c.id('tender_id'),
          c.integer('version'),
          c.varchar('reference', 40),
          c.varchar('title', 200),
          c.varchar('buyer_name', 200),
          c.text('summary'),
          c.decimal('estimated_value'),
          c.varchar('currency', 3),
          c.timestamp('submission_deadline', true),
          c.timestamp('published_at'),
        ],
        // Newest first, ties broken by id: the keyset the list pages along.
        indices: [new TableIndex({ name: 'ix_published_tender_order', columnNames: ['published_at', 'tender_id'] })],
        foreignKeys: [
          new TableForeignKey({
            columnNames: ['tender_id'],
            referencedTableName: 'tender',
            referencedColumnNames: ['id'],
            onDelete: 'CASCADE',
          }),
        ],
      }),
    );
    await backfill(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('published_tender');
  }
}

interface LatestVersion {
  tender_id: string;
  version: number;
  snapshot: string;
  /** As stored: a string on SQLite, a Date on PostgreSQL; written back unchanged. */
  published_at: string | Date;
}

/**
 * Each public tender's latest published snapshot, in batches so a large database is not held in
 * memory at once. Plain SQL, not the entities: a migration must keep working as the entities change.
 */
async function backfill(q: QueryRunner): Promise<void> {
  const postgres = q.connection.driver.options.type === 'postgres';
  const param = (n: number) => (postgres ? `$${n}` : '?');
  const statuses = PUBLIC_STATUSES.map((s) => `'${s}'`).join(', ');
  const columnNames = [
    'tender_id',
    'version',
    'reference',
    'title',
    'buyer_name',
    'summary',
    'estimated_value',
    'currency',
    'submission_deadline',
    'published_at',
  ];
  // TypeORM stores a Date as 'YYYY-MM-DD HH:MM:SS.SSS' (UTC) on SQLite; node-postgres writes a Date itself.
  const timestamp = (iso: string | null) =>
    iso === null ? null : postgres ? new Date(iso) : new Date(iso).toISOString().replace('T', ' ').replace('Z', '');
  for (let after = ''; ;) {
    const rows: LatestVersion[] = await q.query(
      `SELECT v.tender_id, v.version, v.snapshot, v.published_at FROM tender_version v
         JOIN tender t ON t.id = v.tender_id AND t.published_version = v.version
        WHERE t.status IN (${statuses}) AND v.tender_id > ${param(1)}
        ORDER BY v.tender_id LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) return;
    for (const row of rows) {
      const values = summaryOf(row, timestamp);
      await q.query(
        `INSERT INTO published_tender (${columnNames.join(', ')}) VALUES (${columnNames.map((_, i) => param(i + 1)).join(', ')})`,
        values,
      );
    }
    after = rows[rows.length - 1].tender_id;
  }
}

/** The same summary as `listingOf` in the marketplace module, from the stored JSON. */
function summaryOf(row: LatestVersion, timestamp: (iso: string | null) => unknown): unknown[] {
  const s = JSON.parse(row.snapshot);
  return [
    row.tender_id,
    row.version,
    s.reference,
    s.title,
    s.buyer?.name ?? '',
    s.summary ?? '',
    s.estimatedValue ?? null,
    s.budget?.currency ?? 'GBP',
    timestamp(s.timetable?.submissionDeadline ?? null),
    row.published_at,
  ];
}
