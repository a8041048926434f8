import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadSettings } from '../config/settings';
import { standaloneDataSourceOptions } from '../entities';
import { RotationError, rotateMasterKey } from '../modules/vault/key-rotation';

const USAGE =
  'Usage: npm run keys:rotate\n' +
  "  Re-wraps every sealed response's data key under a new bid master key, in one transaction. Stop Openbrief first.\n" +
  '  Key file (SQLite, BID_MASTER_KEY unset): makes a new key in <data directory>/bid-master-key and keeps the old one\n' +
  '    as bid-master-key.<id>.retired, for the backups made before today (move it off the server).\n' +
  '  BID_MASTER_KEY set: it is the new key; give the current one in BID_MASTER_KEY_PREVIOUS. Then start every instance\n' +
  '    with the new BID_MASTER_KEY. See docs/security.md, "Sealed responses: encryption at rest".';

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({ options: { help: { type: 'boolean' } }, allowPositionals: false }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  let settings;
  try {
    settings = loadSettings({ ...process.env, LOG_LEVEL: 'silent' });
  } catch (e) {
    console.error((e as Error).message.replace('Openbrief cannot start', 'keys:rotate cannot run'));
    return 2;
  }
  if (settings.database.kind === 'sqlite' && !existsSync(settings.database.path)) {
    console.error(`There is no database at ${settings.database.path}. Set DATABASE_PATH, or DATABASE_URL for PostgreSQL.`);
    return 2;
  }
  const dataSource = new DataSource({ ...standaloneDataSourceOptions(settings.database), migrationsRun: false });
  await dataSource.initialize();
  try {
    const runner = dataSource.createQueryRunner();
    const hasTable = await runner.hasTable('vault_data_key').finally(() => runner.release());
    if (!hasTable) {
      console.error('This database has no vault yet: start Openbrief once, which brings its tables up to date.');
      return 2;
    }
    const report = await rotateMasterKey(dataSource, settings, process.env['BID_MASTER_KEY_PREVIOUS'] || null);
    console.log(`OK: ${report.rewrapped} of ${report.total} data keys re-wrapped; every one is now under master key ${report.newKeyId}.`);
    if (report.retiredFile)
      console.log(
        `The previous key is kept in ${report.retiredFile}: store it with the database backups made before now (they need it), then delete it here.`,
      );
    else if (settings.bidMasterKey) console.log('Start every instance with the new BID_MASTER_KEY, and remove BID_MASTER_KEY_PREVIOUS.');
    return 0;
  } catch (e) {
    if (e instanceof RotationError || (e as Error).message?.startsWith('Openbrief cannot start')) {
      console.error((e as Error).message.replace('Openbrief cannot start', 'keys:rotate cannot run'));
      return 1;
    }
    throw e;
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
