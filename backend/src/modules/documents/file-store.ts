import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { RawSql } from '../../database/raw-sql';
import { Transactions } from '../../database/transactions';

export interface StoredFile {
  key: string;
  contentType: string;
  sha256: string;
  size: number;
  content: Buffer;
}

/**
 * Files kept in the database (BLOB on SQLite, BYTEA on PostgreSQL): no shared disk needed between
 * instances. Raw SQL (`RawSql`), because TypeORM has no binary column type common to both drivers.
 * This module owns `stored_file`.
 */
@Injectable()
export class FileStore {
  constructor(
    private readonly sql: RawSql,
    private readonly transactions: Transactions,
  ) {}

  /** Stores (or replaces) the file; in the caller's transaction `inTx` when given, so it is kept only if that commits. */
  async put(key: string, contentType: string, content: Buffer, inTx?: EntityManager): Promise<string> {
    const sha256 = createHash('sha256').update(content).digest('hex');
    const write = async (tx: EntityManager) => {
      await this.sql.query('DELETE FROM stored_file WHERE key = :key', { key }, tx);
      await this.sql.query(
        'INSERT INTO stored_file (key, content_type, sha256, size, content, created_at) VALUES (:key, :contentType, :sha256, :size, :content, :createdAt)',
        { key, contentType, sha256, size: content.length, content, createdAt: new Date() },
        tx,
      );
    };
    await (inTx ? write(inTx) : this.transactions.run(write));
    return sha256;
  }

  async get(key: string): Promise<StoredFile | null> {
    const rows = await this.sql.query<{ key: string; content_type: string; sha256: string; size: number; content: Buffer }>(
      'SELECT key, content_type, sha256, size, content FROM stored_file WHERE key = :key',
      { key },
    );
    const row = rows[0];
    return row
      ? { key: row.key, contentType: row.content_type, sha256: row.sha256, size: Number(row.size), content: Buffer.from(row.content) }
      : null;
  }
}
