import type { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Dialect-neutral column builders, so one migration set serves SQLite and PostgreSQL.
 * Only timestamps and boolean defaults differ; it matches what TypeORM maps a `Date` property to on each driver.
 */
export function columns(queryRunner: QueryRunner) {
  const postgres = queryRunner.connection.driver.options.type === 'postgres';
  const timestampType = postgres ? 'timestamp' : 'datetime';
  // SQLite has no boolean type: TypeORM stores 0/1 there, and compares defaults in that form.
  const booleanDefault = (value: boolean) => (postgres ? String(value) : value ? '1' : '0');
  return {
    id: (name = 'id'): TableColumnOptions => ({ name, type: 'varchar', length: '36', isPrimary: true }),
    ref: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'varchar', length: '36', isNullable: nullable }),
    varchar: (name: string, length: number, opts: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: 'varchar',
      length: String(length),
      isNullable: false,
      ...opts,
    }),
    text: (name: string, opts: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: 'text',
      isNullable: false,
      ...opts,
    }),
    integer: (name: string, opts: Partial<TableColumnOptions> = {}): TableColumnOptions => ({
      name,
      type: 'integer',
      isNullable: false,
      ...opts,
    }),
    boolean: (name: string, defaultValue: boolean): TableColumnOptions => ({
      name,
      type: 'boolean',
      isNullable: false,
      default: booleanDefault(defaultValue),
    }),
    decimal: (name: string, nullable = true): TableColumnOptions => ({
      name,
      type: 'decimal',
      precision: 15,
      scale: 2,
      isNullable: nullable,
    }),
    timestamp: (name: string, nullable = false): TableColumnOptions => ({ name, type: timestampType, isNullable: nullable }),
  };
}
