// Seeds many published tenders for benchmarks, fast: clones the demo published tender (its tender row,
// its version-1 record — or snapshot, on a schema before published records — and, when the table exists,
// its public-list row) with a new id, reference, ocid and title, published one second apart. Lots,
// requirements and criteria are not cloned: the public pages read the record. The database must already hold the demo data (start the server once with
// SEED_DEMO=true, the default in development).
//
//   node backend/bench/seed-published.mjs <count> (DATABASE_PATH=… or DATABASE_URL=… in the environment)
//   import { seedPublished } from './seed-published.mjs'; await seedPublished({ databasePath, count })
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import sqlite3 from 'sqlite3';

/** A tiny query interface over either database: `q(sql with ? placeholders, params)` returns rows. */
async function open({ databasePath, databaseUrl }) {
  if (databaseUrl) {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const numbered = (sql) => {
      let n = 0;
      return sql.replace(/\?/g, () => `$${++n}`);
    };
    return {
      postgres: true,
      q: async (sql, params = []) => (await client.query(numbered(sql), params)).rows,
      close: () => client.end(),
    };
  }
  const db = new sqlite3.Database(databasePath);
  return {
    postgres: false,
    q: (sql, params = []) => new Promise((ok, fail) => db.all(sql, params, (err, rows) => (err ? fail(err) : ok(rows)))),
    close: () => new Promise((ok) => db.close(ok)),
  };
}

export async function seedPublished({ databasePath, databaseUrl, count }) {
  const db = await open({ databasePath, databaseUrl });
  // TypeORM's storage format for timestamps: 'YYYY-MM-DD HH:MM:SS.SSS' (UTC) on SQLite, a Date on PostgreSQL.
  const at = (date) => (db.postgres ? date : date.toISOString().replace('T', ' ').replace('Z', ''));
  try {
    const columnsOf = async (table) =>
      db.postgres
        ? (
            await db.q(
              `SELECT column_name AS name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema()`,
              [table],
            )
          ).map((c) => c.name)
        : (await db.q(`PRAGMA table_info(${table})`)).map((c) => c.name);
    const tenderColumns = await columnsOf('tender');
    // Published records (schema version 1) since migration 1764387600000; the API's snapshot before.
    const stored = (await columnsOf('tender_version')).includes('record') ? 'record' : 'snapshot';
    const [template] = await db.q(
      `SELECT t.id, v.${stored} AS stored FROM tender t JOIN tender_version v ON v.tender_id = t.id AND v.version = t.published_version
        WHERE t.status = 'published' ORDER BY t.published_at LIMIT 1`,
    );
    if (!template) throw new Error('no published tender to clone: start the server once with SEED_DEMO=true first');
    const hasList = db.postgres
      ? (await db.q(`SELECT 1 FROM information_schema.tables WHERE table_name = 'published_tender' AND table_schema = current_schema()`))
          .length > 0
      : (await db.q(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'published_tender'`)).length > 0;
    const [{ n: already }] = await db.q(`SELECT COUNT(*) AS n FROM tender WHERE reference LIKE 'BENCH-%'`);
    const original = JSON.parse(template.stored);
    const snapshot = stored === 'record' ? { ...original.content, buyer: original.buyer } : original;
    const ocidPrefix = stored === 'record' ? original.ocid.slice(0, original.ocid.length - original.reference.length - 1) : null;
    const start = Date.now() - (count + 1) * 1000;
    const [publisher] = await db.q(`SELECT published_by_id FROM tender_version WHERE tender_id = ? LIMIT 1`, [template.id]);
    const quoted = tenderColumns.map((c) => `"${c}"`).join(', ');

    await db.q('BEGIN');
    for (let i = 0; i < count; i++) {
      const n = Number(already) + i + 1;
      const id = randomUUID();
      const reference = `BENCH-${String(n).padStart(6, '0')}`;
      const title = `${snapshot.title} (${n})`.slice(0, 200);
      const publishedAt = new Date(start + i * 1000);
      const ocid = ocidPrefix ? `${ocidPrefix}-${reference}` : null;
      const replaced = { id, reference, title, published_at: at(publishedAt), ocid };
      const copy = tenderColumns.map((c) => (c in replaced ? '?' : `"${c}"`)).join(', ');
      const params = tenderColumns.filter((c) => c in replaced).map((c) => replaced[c]);
      await db.q(`INSERT INTO tender (${quoted}) SELECT ${copy} FROM tender WHERE id = ?`, [...params, template.id]);
      const clone =
        stored === 'record'
          ? { ...original, ocid, tenderId: id, reference, publishedAt: publishedAt.toISOString(), content: { ...original.content, title } }
          : { ...original, id, reference, title, publishedAt: publishedAt.toISOString() };
      await db.q(
        `INSERT INTO tender_version (id, tender_id, version, ${stored}, change_note, published_at, published_by_id, pack_sha256) VALUES (?, ?, 1, ?, NULL, ?, ?, NULL)`,
        [randomUUID(), id, JSON.stringify(clone), at(publishedAt), publisher.published_by_id],
      );
      const listed = { ...snapshot, title };
      if (hasList) {
        await db.q(
          `INSERT INTO published_tender (tender_id, version, reference, title, buyer_name, summary, estimated_value, currency, submission_deadline, published_at)
           VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            id,
            reference,
            title,
            listed.buyer.name,
            listed.summary,
            listed.estimatedValue,
            listed.budget.currency,
            listed.timetable.submissionDeadline ? at(new Date(listed.timetable.submissionDeadline)) : null,
            at(publishedAt),
          ],
        );
      }
    }
    await db.q('COMMIT');
    return { count, listRows: hasList };
  } finally {
    await db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const count = Number(process.argv[2] ?? 5000);
  const result = await seedPublished({ databasePath: process.env.DATABASE_PATH, databaseUrl: process.env.DATABASE_URL, count });
  console.log(
    `Seeded ${result.count} published tenders${result.listRows ? ' (with public-list rows)' : ' (no published_tender table: an older schema)'}.`,
  );
}
