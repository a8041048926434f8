import type { DataSource } from 'typeorm';

/**
 * Counts the rows of every table the application maps, in one query, so a test can prove a refused
 * request wrote nothing anywhere, not just in the table it was aimed at.
 */
export function rowCounter(dataSource: DataSource): () => Promise<Record<string, number>> {
  const tables = [...new Set(dataSource.entityMetadatas.map((m) => m.tableName))].sort();
  const q = (name: string) => dataSource.driver.escape(name);
  const sql = `SELECT ${tables.map((t) => `(SELECT COUNT(*) FROM ${q(t)}) AS ${q(t)}`).join(', ')}`;
  return async () => {
    const [row] = (await dataSource.query(sql)) as Record<string, string | number>[];
    return Object.fromEntries(tables.map((t) => [t, Number(row[t])]));
  };
}

/** The tables whose counts differ, e.g. "session: 4 → 5", or an empty list. */
export function countChanges(before: Record<string, number>, after: Record<string, number>): string[] {
  return Object.keys(before)
    .filter((t) => before[t] !== after[t])
    .map((t) => `${t}: ${before[t]} → ${after[t]}`);
}
