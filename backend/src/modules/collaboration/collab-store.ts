import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Transactions } from '../../database/transactions';

/**
 * Durable storage of co-edited documents: an append-only log of Yjs updates (written before the
 * server acknowledges them) and a compacted snapshot. Raw SQL for the binary columns (BLOB / BYTEA).
 */
@Injectable()
export class CollabStore {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async append(document: string, update: Uint8Array): Promise<void> {
    await this.transactions.run((tx) =>
      tx.query(...this.sql('INSERT INTO collab_update (document, data, created_at) VALUES (:document, :data, :createdAt)', { document, data: Buffer.from(update), createdAt: new Date() })),
    );
  }

  async exists(document: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      ...this.sql('SELECT 1 FROM collab_document WHERE document = :document UNION ALL SELECT 1 FROM collab_update WHERE document = :document', { document }),
    );
    return rows.length > 0;
  }

  async load(document: string): Promise<{ state: Uint8Array | null; updates: { id: number; data: Uint8Array }[] }> {
    const [snapshot]: { state: Buffer }[] = await this.dataSource.query(...this.sql('SELECT state FROM collab_document WHERE document = :document', { document }));
    const rows: { id: number; data: Buffer }[] = await this.dataSource.query(
      ...this.sql('SELECT id, data FROM collab_update WHERE document = :document ORDER BY id', { document }),
    );
    return {
      state: snapshot ? new Uint8Array(snapshot.state) : null,
      updates: rows.map((r) => ({ id: Number(r.id), data: new Uint8Array(r.data) })),
    };
  }

  /** Stores a snapshot and drops the logged updates it already contains (`isContained` decides, per update). */
  async compact(document: string, state: Uint8Array, isContained: (update: Uint8Array) => boolean): Promise<number> {
    const { updates } = await this.load(document);
    const contained = updates.filter((u) => isContained(u.data)).map((u) => u.id);
    await this.transactions.run(async (tx) => {
      await tx.query(...this.sql('DELETE FROM collab_document WHERE document = :document', { document }));
      await tx.query(...this.sql('INSERT INTO collab_document (document, state, updated_at) VALUES (:document, :state, :updatedAt)', { document, state: Buffer.from(state), updatedAt: new Date() }));
      for (let i = 0; i < contained.length; i += 500) {
        await tx.query(...this.sql('DELETE FROM collab_update WHERE id IN (:...ids)', { ids: contained.slice(i, i + 500) }));
      }
    });
    return contained.length;
  }

  private sql(query: string, params: Record<string, unknown>): [string, unknown[]] {
    return this.dataSource.driver.escapeQueryWithParameters(query, params, {});
  }
}
