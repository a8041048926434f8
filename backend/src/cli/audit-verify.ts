import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadSettings } from '../config/settings';
import { standaloneDataSourceOptions } from '../entities';
import { verifyChain } from '../modules/audit/audit-chain-verifier';

const USAGE =
  'Usage: npm run audit:verify\n' +
  '  Walks the audit log (SQLite at DATABASE_PATH, default data/openbrief.sqlite; PostgreSQL with DATABASE_URL)\n' +
  '  and prints OK with the number of entries, or names the first broken entry and exits 1.';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { help: { type: 'boolean' } } }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const settings = loadSettings({ ...process.env, LOG_LEVEL: 'silent' });
  if (settings.database.kind === 'sqlite' && !existsSync(settings.database.path)) {
    console.error(`There is no database at ${settings.database.path}. Set DATABASE_PATH, or DATABASE_URL for PostgreSQL.`);
    return 2;
  }
  // Read only: no migrations, no app; the check must not change what it checks.
  const dataSource = new DataSource({ ...standaloneDataSourceOptions(settings.database), migrationsRun: false });
  await dataSource.initialize();
  try {
    const runner = dataSource.createQueryRunner();
    const hasLog = await runner.hasTable('audit_event').finally(() => runner.release());
    if (!hasLog) {
      console.error('This database has no audit log yet: start Openbrief once, which brings its tables up to date.');
      return 2;
    }
    const report = await verifyChain(dataSource.manager);
    if (report.ok) {
      console.log(
        report.count === 0
          ? 'OK: the audit log is empty.'
          : `OK: ${report.count} entries, the chain is whole. Newest: entry ${report.headSeq}, hash ${report.headHash}`,
      );
      return 0;
    }
    const { seq, id, reason, explanation } = report.broken;
    console.log(`BROKEN at entry ${seq} (id ${id}): ${reason}: ${explanation}. The ${report.checked} entries before it are whole.`);
    return 1;
  } finally {
    await dataSource.destroy();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  },
);
