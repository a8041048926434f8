import { Injectable } from '@nestjs/common';
import type { TenderStatus } from '@openbrief/contracts';
import type { EntityManager } from 'typeorm';
import * as Y from 'yjs';
import { RawSql } from '../../database/raw-sql';
import { Transactions } from '../../database/transactions';
import { TenderQueries } from '../tenders/tender-queries';

export interface StoredDocument {
  state: Uint8Array | null;
  updates: { id: number; data: Uint8Array }[];
}

/**
 * Durable storage of co-edited documents: an append-only log of Yjs updates (written before the
 * server acknowledges them) and a compacted snapshot. Several instances may share it (see
 * docs/architecture.md): writes that read first take a per-document lock. Raw SQL (`RawSql`) for the
 * binary columns (BLOB / BYTEA). This module owns `collab_update` and `collab_document`.
 */
@Injectable()
export class CollabStore {
  constructor(
    private readonly sql: RawSql,
    private readonly transactions: Transactions,
    private readonly tenders: TenderQueries,
  ) {}

  /** Appends an update that needs no check (a REST save, which has checked the tender itself). */
  async append(document: string, update: Uint8Array): Promise<void> {
    await this.transactions.run((tx) => this.insertUpdate(tx, document, update));
  }

  /**
   * Appends a client's update only while the tender's status is one of `editable`; false if it is not.
   * The status is checked in the same statement, so a tender closed a moment ago refuses the write.
   */
  async appendIfEditable(document: string, tenderId: string, update: Uint8Array, editable: readonly TenderStatus[]): Promise<boolean> {
    const value = (name: string, type: string) => (this.sql.postgres ? `CAST(:${name} AS ${type})` : `:${name}`);
    // The tenders module owns the tender table: it gives the condition, read-only.
    const inStatus = this.tenders.inStatusCondition('tenderId', 'editable');
    const [query, params] = this.sql.bind(
      `INSERT INTO collab_update (document, data, created_at) SELECT ${value('document', 'varchar')}, ${value('data', 'bytea')}, ${value('createdAt', 'timestamp')} ` +
        `WHERE ${inStatus}`,
      { document, data: Buffer.from(update), createdAt: new Date(), tenderId, editable: [...editable] },
    );
    const result = await this.transactions.run((tx) => tx.queryRunner!.query(query, params, true));
    return (result.affected ?? 0) > 0;
  }

  async exists(document: string): Promise<boolean> {
    return (await this.sql.query(EXISTS, { document })).length > 0;
  }

  /** Whether updates wait in the log (not yet compacted, so perhaps not yet projected into the tables). */
  async hasUpdates(document: string): Promise<boolean> {
    return (await this.sql.query('SELECT 1 FROM collab_update WHERE document = :document LIMIT 1', { document })).length > 0;
  }

  async load(document: string): Promise<StoredDocument> {
    // The log before the snapshot: a compaction in between moves updates from the log into the
    // snapshot, so reading in this order never misses one (the other order could).
    const rows = await this.sql.query<{ id: number; data: Buffer }>(LOGGED, { document });
    const [snapshot] = await this.sql.query<{ state: Buffer }>(SNAPSHOT, { document });
    return {
      state: snapshot ? new Uint8Array(snapshot.state) : null,
      updates: rows.map((r) => ({ id: Number(r.id), data: new Uint8Array(r.data) })),
    };
  }

  /** Stores a document's first state, unless another instance stored one first; true if this one was stored. */
  async seed(document: string, update: Uint8Array): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      await this.lock(tx, document);
      if ((await this.sql.query(EXISTS, { document }, tx)).length) return false;
      await this.insertUpdate(tx, document, update);
      return true;
    });
  }

  /**
   * Merges `state` into the stored snapshot and drops the logged updates it contains (`isContained`
   * decides, per update). Merging rather than replacing matters with several instances: one may have
   * compacted updates that the other's state does not hold yet.
   */
  async compact(document: string, state: Uint8Array, isContained: (update: Uint8Array) => boolean): Promise<number> {
    return this.transactions.run(async (tx) => {
      await this.lock(tx, document);
      const [stored] = await this.sql.query<{ state: Buffer }>(SNAPSHOT, { document }, tx);
      const merged = stored ? Y.mergeUpdates([new Uint8Array(stored.state), state]) : state;
      const rows = await this.sql.query<{ id: number; data: Buffer }>(LOGGED, { document }, tx);
      const contained = rows.filter((r) => isContained(new Uint8Array(r.data))).map((r) => Number(r.id));
      await this.sql.query('DELETE FROM collab_document WHERE document = :document', { document }, tx);
      await this.sql.query(
        'INSERT INTO collab_document (document, state, updated_at) VALUES (:document, :state, :updatedAt)',
        { document, state: Buffer.from(merged), updatedAt: new Date() },
        tx,
      );
      for (let i = 0; i < contained.length; i += 500) {
        await this.sql.query('DELETE FROM collab_update WHERE id IN (:...ids)', { ids: contained.slice(i, i + 500) }, tx);
      }
      return contained.length;
    });
  }

  /**
   * One writer per document at a time, across instances: PostgreSQL's transaction-scoped advisory
   * lock; on SQLite a first statement that writes takes the database's write lock (and waits for it),
   * rather than failing later when a read-then-write transaction finds another writer got in first.
   */
  private async lock(tx: EntityManager, document: string): Promise<void> {
    if (!(await this.transactions.lock(tx, `collab:${document}`)))
      await this.sql.query('UPDATE collab_document SET updated_at = updated_at WHERE document = :document', { document }, tx);
  }

  private async insertUpdate(tx: EntityManager, document: string, update: Uint8Array): Promise<void> {
    await this.sql.query(
      'INSERT INTO collab_update (document, data, created_at) VALUES (:document, :data, :createdAt)',
      { document, data: Buffer.from(update), createdAt: new Date() },
      tx,
    );
  }
}

const EXISTS = 'SELECT 1 FROM collab_document WHERE document = :document UNION ALL SELECT 1 FROM collab_update WHERE document = :document';
const LOGGED = 'SELECT id, data FROM collab_update WHERE document = :document ORDER BY id';
const SNAPSHOT = 'SELECT state FROM collab_document WHERE document = :document';
