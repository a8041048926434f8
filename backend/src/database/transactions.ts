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
    let tx: EntityManager | undefined;
    const transaction = () =>
      this.dataSource.transaction((m) => {
        tx = m;
        return work(m);
      });
    let done: Promise<T>;
    if (this.serial) {
      done = this.tail.then(transaction);
      // The next transaction waits for this one's commit, not for its after-commit work (which may start transactions of its own).
      this.tail = done.catch(() => undefined);
    } else {
      done = transaction();
    }
    return done.then(async (result) => {
      await this.runAfterCommit(tx);
      return result;
    });
  }

  private readonly pending = new WeakMap<EntityManager, (() => Promise<void>)[]>();

  /** Work to do once `tx` has committed (dropped if it rolls back). It must not throw: it runs after the caller's change is final. */
  afterCommit(tx: EntityManager, work: () => Promise<void>): void {
    const list = this.pending.get(tx) ?? [];
    list.push(work);
    this.pending.set(tx, list);
  }

  private async runAfterCommit(tx: EntityManager | undefined): Promise<void> {
    const list = tx ? this.pending.get(tx) : undefined;
    if (!list) return;
    this.pending.delete(tx!);
    for (const work of list) await work();
  }
}
