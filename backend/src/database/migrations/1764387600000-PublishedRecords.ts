import type { MigrationInterface, QueryRunner } from 'typeorm';
import { legacySnapshotOf, recordOf, type SnapshotJson, type RecordJson } from './published-record-v1';

const BATCH = 100;
/** As in @openbrief/contracts at the time of this migration; copied so the migration never changes. */
const OCID_PREFIX_PATTERN = /^ocds-[a-z0-9]{6}$/;
const PLACEHOLDER_OCID_PREFIX = 'ocds-xxxxxx';

/**
 * Published versions become declared records: `tender_version.snapshot` (the API's TenderDetail as it
 * was) is renamed `record` and each row converted to PublishedTenderRecord schema version 1; every
 * tender published so far gets its OCDS ocid, `<OCID_PREFIX>-<reference as first published>`.
 */
export class PublishedRecords1764387600000 implements MigrationInterface {
  name = 'PublishedRecords1764387600000';

  async up(q: QueryRunner): Promise<void> {
    const prefix = ocidPrefix();
    // Plain ALTER TABLE on both databases: TypeORM would rebuild SQLite tables, and a rebuild while foreign
    // keys are on (as they are when a migration is reverted) would cascade-delete the tender's rows.
    await q.query('ALTER TABLE tender_version RENAME COLUMN snapshot TO record');
    await q.query('ALTER TABLE tender ADD COLUMN ocid varchar(64)');
    await q.query('CREATE UNIQUE INDEX uq_tender_ocid ON tender (ocid)');
    await eachPublishedTender(q, async (tender, versions) => {
      const first = versions[0] ? (JSON.parse(versions[0].record) as SnapshotJson) : null;
      const ocid = `${prefix}-${first?.reference ?? tender.reference}`;
      await q.query(`UPDATE tender SET ocid = ${param(q, 1)} WHERE id = ${param(q, 2)}`, [ocid, tender.id]);
      for (const v of versions) {
        const facts = {
          ocid,
          tenderId: tender.id,
          reference: tender.reference,
          version: v.version,
          changeNote: v.change_note,
          publishedAt: instant(v.published_at),
        };
        const record = recordOf(JSON.parse(v.record) as SnapshotJson, facts);
        await q.query(`UPDATE tender_version SET record = ${param(q, 1)} WHERE id = ${param(q, 2)}`, [JSON.stringify(record), v.id]);
      }
    });
  }

  async down(q: QueryRunner): Promise<void> {
    await eachPublishedTender(q, async (tender, versions) => {
      for (const v of versions) {
        const snapshot = legacySnapshotOf(
          JSON.parse(v.record) as RecordJson,
          instant(tender.created_at),
          `Version ${v.version} of tender ${tender.reference}`,
        );
        await q.query(`UPDATE tender_version SET record = ${param(q, 1)} WHERE id = ${param(q, 2)}`, [JSON.stringify(snapshot), v.id]);
      }
    });
    await q.query('DROP INDEX uq_tender_ocid');
    await q.query('ALTER TABLE tender DROP COLUMN ocid');
    await q.query('ALTER TABLE tender_version RENAME COLUMN record TO snapshot');
  }
}

/**
 * The prefix the app will use: OCID_PREFIX from the environment, which the settings have validated before
 * migrations run (checked again here, as a migration may be run on its own), or the placeholder.
 */
function ocidPrefix(): string {
  const prefix = process.env['OCID_PREFIX'] || PLACEHOLDER_OCID_PREFIX;
  if (!OCID_PREFIX_PATTERN.test(prefix)) {
    throw new Error(`OCID_PREFIX "${prefix}" is not an ocid prefix: it must be "ocds-" followed by six lower-case letters or digits.`);
  }
  return prefix;
}

interface TenderRow {
  id: string;
  reference: string;
  /** As stored: a string on SQLite, a Date on PostgreSQL. */
  created_at: string | Date;
}

interface VersionRow {
  id: string;
  version: number;
  record: string;
  change_note: string | null;
  published_at: string | Date;
}

/** Every tender with published versions, a batch at a time (plain SQL: a migration must not follow the entities). */
async function eachPublishedTender(q: QueryRunner, work: (tender: TenderRow, versions: VersionRow[]) => Promise<void>): Promise<void> {
  for (let after = ''; ;) {
    const tenders: TenderRow[] = await q.query(
      `SELECT id, reference, created_at FROM tender WHERE published_version > 0 AND id > ${param(q, 1)} ORDER BY id LIMIT ${BATCH}`,
      [after],
    );
    if (tenders.length === 0) return;
    for (const tender of tenders) {
      const versions: VersionRow[] = await q.query(
        `SELECT id, version, record, change_note, published_at FROM tender_version WHERE tender_id = ${param(q, 1)} ORDER BY version`,
        [tender.id],
      );
      await work(
        tender,
        versions.map((v) => ({ ...v, version: Number(v.version) })),
      );
    }
    after = tenders[tenders.length - 1].id;
  }
}

const param = (q: QueryRunner, n: number) => (q.connection.driver.options.type === 'postgres' ? `$${n}` : '?');

/** TypeORM writes a Date as 'YYYY-MM-DD HH:MM:SS.SSS' (UTC) on SQLite; PostgreSQL hands back a Date. */
function instant(value: string | Date): string {
  if (value instanceof Date) return value.toISOString();
  const text = value.includes('T') ? value : value.replace(' ', 'T');
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(text) ? text : `${text}Z`).toISOString();
}
