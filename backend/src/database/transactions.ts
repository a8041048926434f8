import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * Runs units of work in a transaction. TypeORM's SQLite driver shares one connection between all
 * queries, so two transactions at once would nest and fail; on SQLite they queue here, one after
 * another (SQLite allows one writer at a time anyway). PostgreSQL runs them concurrently, each on
 * its own pooled connection. Every write goes through here, so a rollback never takes someone
 * else's write with it.
 */
@Injectable()
export class Transactions {
  private tail: Promise<unknown> = Promise.resolve();
  private readonly serial: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.serial = dataSource.options.type !== 'postgres';
  }

  /**
   * Serialises, until the transaction ends, every transaction that takes the same key (e.g. numbering
   * an organisation's tenders): PostgreSQL's transaction-scoped advisory lock, across instances. On
   * SQLite transactions already run one at a time.
   */
  async lock(tx: EntityManager, key: string): Promise<boolean> {
    if (this.serial) return false;
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
    return true;
  }

  run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    if (!this.serial) return this.dataSource.transaction(work);
    const result = this.tail.then(() => this.dataSource.transaction(work));
    this.tail = result.catch(() => undefined);
    return result;
  }
}
