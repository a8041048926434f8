import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * SQL with named parameters (`:name`, `:...list`) for the tables TypeORM has no entity type for: the
 * binary ones (`stored_file`, `collab_update`, `collab_document`; BLOB on SQLite, BYTEA on PostgreSQL,
 * and no binary column type common to both drivers). The driver turns the names into its own placeholders.
 */
@Injectable()
export class RawSql {
  readonly postgres: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.postgres = dataSource.options.type === 'postgres';
  }

  /** The query and its parameters in the driver's form, e.g. for `queryRunner.query(…, true)`, which also reports rows affected. */
  bind(query: string, params: Record<string, unknown>): [string, unknown[]] {
    return this.dataSource.driver.escapeQueryWithParameters(query, params, {});
  }

  /** Runs `query` in the transaction `tx`, or on its own when none is given (reads). */
  query<T>(query: string, params: Record<string, unknown>, tx?: EntityManager): Promise<T[]> {
    return (tx ?? this.dataSource.manager).query(...this.bind(query, params));
  }
}
