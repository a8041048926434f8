import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { types as pgTypes, defaults as pgDefaults } from 'pg';
import * as sqlite3 from 'sqlite3';
import type { DataSourceOptions } from 'typeorm';
import type { Settings } from '../config/settings';
import { MIGRATIONS } from './migrations';

const PG_TIMESTAMP_WITHOUT_TZ = 1114;

/**
 * Builds TypeORM options for the configured database. Migrations run at start; schema sync never does.
 * No entities here: the app loads each module's own (`autoLoadEntities`, from `TypeOrmModule.forFeature`);
 * a process without Nest adds the full list from `src/entities.ts`. So this folder imports no module.
 */
export function dataSourceOptions(database: Settings['database']): DataSourceOptions {
  const common = {
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    logging: false,
  };
  if (database.kind === 'postgres') {
    // Timestamps are stored and read as UTC whatever the server's or process's time zone.
    pgDefaults.parseInputDatesAsUTC = true;
    pgTypes.setTypeParser(PG_TIMESTAMP_WITHOUT_TZ, (value: string) => new Date(`${value.replace(' ', 'T')}Z`));
    return { ...common, type: 'postgres', url: database.url, extra: { max: 10 } };
  }
  if (database.path !== ':memory:') mkdirSync(dirname(database.path), { recursive: true });
  // sqlite3 + TypeORM turn foreign keys on for every connection; WAL lets readers run beside the writer.
  // TypeORM calls sqlite3.verbose(), which records a stack trace for every query: 8–20% of the server's CPU
  // while people co-edit (measured by `npm run bench`). Errors still carry their SQL message without it.
  const driver = { verbose: () => sqlite3 };
  return { ...common, type: 'sqlite', database: database.path, enableWAL: true, busyTimeout: 5000, driver };
}
