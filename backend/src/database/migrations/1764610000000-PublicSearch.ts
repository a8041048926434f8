import {
  checkedTexts,
  publishedTenderDetail,
  readPublishedRecord,
  type PublishedTenderRecord,
  type TenderStatus,
} from '@openbrief/contracts';
import { smallSupplierVerdict } from '@openbrief/spec-check';
import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { loadSettings } from '../../config/settings';
import { columns } from './columns';

const BATCH = 200;
/** The sort keys of a tender with no deadline or no value (as `NO_DEADLINE`, `NO_VALUE_HIGH`, `NO_VALUE_LOW` in marketplace/search). */
const NO_DEADLINE = new Date(Date.UTC(9999, 11, 31));
const NO_VALUE_HIGH = -1;
const NO_VALUE_LOW = 9_000_000_000_000_000;

const INDEXES: [string, string[]][] = [
  ['ix_published_tender_closing', ['closing_key', 'tender_id']],
  ['ix_published_tender_value_high', ['value_high_key', 'tender_id']],
  ['ix_published_tender_value_low', ['value_low_key', 'tender_id']],
  ['ix_published_tender_status', ['status', 'closing_key', 'tender_id']],
  ['ix_published_tender_buyer', ['buyer_name', 'published_at', 'tender_id']],
  ['ix_published_tender_category', ['main_category', 'published_at', 'tender_id']],
  ['ix_published_tender_sme', ['sme_suitable', 'published_at', 'tender_id']],
];

/**
 * Full-text search, filters and sorting for the public list (docs/search.md): the columns each filter and sort
 * reads, an index per sort, the search index (SQLite FTS5 over `published_tender_search`; PostgreSQL a
 * `tsvector` per tender under a GIN index), and a backfill of every listed tender from its stored record,
 * including the checker's small-supplier verdict. A fresh install runs this on an empty list; the demo seed
 * publishes afterwards through the normal path.
 */
export class PublicSearch1764610000000 implements MigrationInterface {
  name = 'PublicSearch1764610000000';

  async up(q: QueryRunner): Promise<void> {
    const c = columns(q);
    const postgres = q.connection.driver.options.type === 'postgres';
    await q.addColumns('published_tender', [
      new TableColumn(c.varchar('status', 20, { default: "'published'" })),
      new TableColumn(c.varchar('main_category', 20, { default: "'services'" })),
      new TableColumn(c.varchar('regions', 60, { default: "''" })),
      new TableColumn(c.timestamp('closing_key', true)),
      new TableColumn({ name: 'value_high_key', type: 'bigint', isNullable: true }),
      new TableColumn({ name: 'value_low_key', type: 'bigint', isNullable: true }),
      new TableColumn(c.boolean('sme_suitable', false)),
      new TableColumn(c.integer('openness_score', { default: 100 })),
      new TableColumn({ name: 'reading_age', type: 'decimal', precision: 5, scale: 1, isNullable: true }),
      new TableColumn(c.text('sme_reasons', { default: "'[]'" })),
    ]);
    for (const [name, columnNames] of INDEXES) await q.createIndex('published_tender', new TableIndex({ name, columnNames }));
    if (postgres) {
      await q.query(`CREATE TABLE published_tender_search (
        tender_id varchar(36) PRIMARY KEY REFERENCES published_tender (tender_id) ON DELETE CASCADE,
        document tsvector NOT NULL)`);
      await q.query('CREATE INDEX ix_published_tender_search ON published_tender_search USING GIN (document)');
    } else {
      await q.query(`CREATE TABLE published_tender_search (
        id INTEGER PRIMARY KEY,
        tender_id varchar(36) NOT NULL UNIQUE REFERENCES published_tender (tender_id) ON DELETE CASCADE,
        title TEXT NOT NULL, summary TEXT NOT NULL, outcomes TEXT NOT NULL, buyer TEXT NOT NULL)`);
      // External content: the words live once, in published_tender_search; the triggers keep the index in step.
      await q.query(`CREATE VIRTUAL TABLE published_tender_fts USING fts5(title, summary, outcomes, buyer,
        content = 'published_tender_search', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 0', prefix = '2 3')`);
      const insert = `INSERT INTO published_tender_fts (rowid, title, summary, outcomes, buyer) VALUES (new.id, new.title, new.summary, new.outcomes, new.buyer);`;
      const remove = `INSERT INTO published_tender_fts (published_tender_fts, rowid, title, summary, outcomes, buyer) VALUES ('delete', old.id, old.title, old.summary, old.outcomes, old.buyer);`;
      await q.query(`CREATE TRIGGER published_tender_search_insert AFTER INSERT ON published_tender_search BEGIN ${insert} END`);
      await q.query(`CREATE TRIGGER published_tender_search_delete AFTER DELETE ON published_tender_search BEGIN ${remove} END`);
      await q.query(`CREATE TRIGGER published_tender_search_update AFTER UPDATE ON published_tender_search BEGIN ${remove} ${insert} END`);
    }
    await backfill(q, postgres);
  }

  async down(q: QueryRunner): Promise<void> {
    const postgres = q.connection.driver.options.type === 'postgres';
    if (!postgres) {
      for (const t of ['insert', 'delete', 'update']) await q.query(`DROP TRIGGER IF EXISTS published_tender_search_${t}`);
      await q.query('DROP TABLE IF EXISTS published_tender_fts');
    }
    await q.query('DROP TABLE IF EXISTS published_tender_search');
    for (const [name] of INDEXES) await q.dropIndex('published_tender', name);
    for (const name of [
      'status',
      'main_category',
      'regions',
      'closing_key',
      'value_high_key',
      'value_low_key',
      'sme_suitable',
      'openness_score',
      'reading_age',
      'sme_reasons',
    ]) {
      await q.dropColumn('published_tender', name);
    }
  }
}

interface ListedRow {
  tender_id: string;
  status: string;
  record: string;
}

/**
 * Every listed tender, in batches, from its latest version's stored record: the same values the publishing
 * transaction writes (marketplace `listingOf` and `searchDocumentOf`, copied here in plain SQL so this migration
 * keeps working as the module changes; the checker and the record reader are the shared libraries').
 */
async function backfill(q: QueryRunner, postgres: boolean): Promise<void> {
  const param = (n: number) => (postgres ? `$${n}` : '?');
  const largeTenderValue = singleLotReasonAbove();
  // TypeORM stores a Date as 'YYYY-MM-DD HH:MM:SS.SSS' (UTC) on SQLite; node-postgres writes a Date itself.
  const timestamp = (d: Date) => (postgres ? d : d.toISOString().replace('T', ' ').replace('Z', ''));
  for (let after = ''; ;) {
    const rows: ListedRow[] = await q.query(
      `SELECT p.tender_id, t.status, v.record FROM published_tender p
         JOIN tender t ON t.id = p.tender_id
         JOIN tender_version v ON v.tender_id = p.tender_id AND v.version = p.version
        WHERE p.tender_id > ${param(1)} ORDER BY p.tender_id LIMIT ${BATCH}`,
      [after],
    );
    if (rows.length === 0) return;
    for (const row of rows) {
      const record = readPublishedRecord(JSON.parse(row.record), `Version of tender ${row.tender_id}`);
      const c = record.content;
      const detail = publishedTenderDetail(record, { status: row.status as TenderStatus, createdAt: record.publishedAt });
      const verdict = smallSupplierVerdict(c, checkedTexts(detail), { largeTenderValue });
      const pence = c.estimatedValue === null ? null : Math.round(c.estimatedValue * 100);
      const deadline = c.timetable.submissionDeadline ? new Date(c.timetable.submissionDeadline) : NO_DEADLINE;
      const values = [
        row.status,
        c.mainCategory,
        c.regions.length ? `|${[...c.regions].sort().join('|')}|` : '',
        timestamp(deadline),
        pence ?? NO_VALUE_HIGH,
        pence ?? NO_VALUE_LOW,
        verdict.suitableForSmallSuppliers,
        verdict.score,
        verdict.readingAge,
        JSON.stringify(verdict.reasons),
        row.tender_id,
      ];
      const set = ['status', 'main_category', 'regions', 'closing_key', 'value_high_key', 'value_low_key', 'sme_suitable', 'openness_score']
        .concat(['reading_age', 'sme_reasons'])
        .map((name, i) => `${name} = ${param(i + 1)}`)
        .join(', ');
      await q.query(`UPDATE published_tender SET ${set} WHERE tender_id = ${param(values.length)}`, values);
      await q.query(...searchInsert(postgres, row.tender_id, record));
    }
    after = rows[rows.length - 1].tender_id;
  }
}

/** The search row, as `TenderSearch.index` writes it (SqliteTenderSearch / PostgresTenderSearch). */
function searchInsert(postgres: boolean, tenderId: string, record: PublishedTenderRecord): [string, unknown[]] {
  const c = record.content;
  const words = [
    indexText(c.title),
    indexText(c.summary),
    indexText(c.lots.flatMap((l) => l.requirements.map((r) => r.outcome)).join('\n')),
    indexText(record.buyer.name),
  ];
  if (postgres) {
    return [
      `INSERT INTO published_tender_search (tender_id, document) VALUES ($1,
         setweight(to_tsvector('simple', $2), 'A') || setweight(to_tsvector('simple', $3), 'B') ||
         setweight(to_tsvector('simple', $4), 'C') || setweight(to_tsvector('simple', $5), 'D'))`,
      [tenderId, ...words],
    ];
  }
  return ['INSERT INTO published_tender_search (tender_id, title, summary, outcomes, buyer) VALUES (?, ?, ?, ?, ?)', [tenderId, ...words]];
}

/** The same folding as marketplace/search/search-words.ts (copied: this migration must not change with it). */
function indexText(text: string): string {
  const folded = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '');
  return (folded.match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => (w.length > 60 ? Array.from(w).slice(0, 60).join('') : w)).join(' ');
}

/** The server's SINGLE_LOT_REASON_ABOVE, which the checker's single-lot rule (and so the openness score) reads at publication. */
function singleLotReasonAbove(): number {
  return loadSettings({ SINGLE_LOT_REASON_ABOVE: process.env['SINGLE_LOT_REASON_ABOVE'] }).singleLotReasonAbove;
}
