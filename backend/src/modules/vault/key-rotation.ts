import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import type { Settings } from '../../config/settings';
import { VaultDataKey } from './entities/vault-data-key.entity';
import {
  MASTER_KEY_FILE,
  NEXT_MASTER_KEY_FILE,
  generateMasterKey,
  masterKey,
  parseMasterKey,
  readKeyFile,
  type MasterKey,
} from './master-key';
import { KEY_BYTES, dataKeyAad, openBox, sealBox } from './sealed-box';

/** A refusal the operator can act on: printed as it is, never as a stack trace. */
export class RotationError extends Error {}

export interface RotationReport {
  /** Data keys re-wrapped by this run (rows already under the new key are left alone, so a re-run is cheap). */
  rewrapped: number;
  total: number;
  newKeyId: string;
  /** Key-file mode: where the replaced key now lives, for the operator to move to the old backups and delete. */
  retiredFile: string | null;
}

const BATCH = 500;

/**
 * Re-wraps every data key under a new master key, in one transaction: all rows move, or none.
 * - BID_MASTER_KEY set: it is the new key; the one in use so far comes from `previousKey` (BID_MASTER_KEY_PREVIOUS)
 *   or a key file still in the data directory (moving from a key file to BID_MASTER_KEY).
 * - Otherwise (SQLite, key file): a new key is staged in `bid-master-key.next` (the server already knows that file,
 *   so a crash anywhere leaves every row under a key that is kept), rows are re-wrapped, the old key file is kept as
 *   `bid-master-key.<id>.retired` and the staged key takes its place by an atomic rename.
 * Every running instance must be stopped first: one still running would wrap new data keys under the old key.
 */
export async function rotateMasterKey(
  dataSource: DataSource,
  settings: Pick<Settings, 'bidMasterKey' | 'dataDir' | 'database'>,
  previousKey: string | null = null,
): Promise<RotationReport> {
  const keyFile = join(settings.dataDir, MASTER_KEY_FILE);
  const nextFile = join(settings.dataDir, NEXT_MASTER_KEY_FILE);
  const filed = [readKeyFile(keyFile), readKeyFile(nextFile)].filter((k): k is Buffer => k !== null).map(masterKey);

  if (settings.bidMasterKey) {
    const next = masterKey(parseMasterKey(settings.bidMasterKey, 'BID_MASTER_KEY'));
    const known = [...(previousKey ? [masterKey(parseMasterKey(previousKey, 'BID_MASTER_KEY_PREVIOUS'))] : []), ...filed, next];
    const counts = await rewrapAll(dataSource, known, next);
    return { ...counts, newKeyId: next.id, retiredFile: null };
  }
  if (previousKey) throw new RotationError('BID_MASTER_KEY_PREVIOUS is set but BID_MASTER_KEY is not: set BID_MASTER_KEY to the new key.');
  if (settings.database.kind === 'postgres')
    throw new RotationError(
      'With DATABASE_URL the master key comes from BID_MASTER_KEY: set it to the new key and BID_MASTER_KEY_PREVIOUS to the current one.',
    );
  const current = readKeyFile(keyFile);
  if (!current) throw new RotationError(`There is no key file at ${keyFile}: nothing to rotate. Check DATA_DIR (or DATABASE_PATH).`);
  const old = masterKey(current);

  // Resume an interrupted run with the key it staged: rows may already be wrapped by it.
  const staged = readKeyFile(nextFile);
  const next = staged ? masterKey(staged) : generateMasterKey();
  if (!staged) writeDurably(nextFile, next.key);
  const counts = await rewrapAll(dataSource, [old, next], next);
  const retiredFile = join(settings.dataDir, `${MASTER_KEY_FILE}.${old.id}.retired`);
  if (old.id !== next.id) writeDurably(retiredFile, old.key, 'w');
  renameSync(nextFile, keyFile);
  syncDirectory(settings.dataDir);
  return { ...counts, newKeyId: next.id, retiredFile: old.id !== next.id ? retiredFile : null };
}

async function rewrapAll(dataSource: DataSource, known: MasterKey[], next: MasterKey): Promise<{ rewrapped: number; total: number }> {
  const masters = new Map(known.map((m) => [m.id, m.key]));
  return dataSource.transaction(async (tx) => {
    const repository = tx.getRepository(VaultDataKey);
    const total = await repository.count();
    const unknown = (await distinctMasterIds(tx)).filter((id) => !masters.has(id));
    if (unknown.length)
      throw new RotationError(
        `Some data keys are wrapped by a master key this run was not given (id ${unknown.join(', ')}). ` +
          'Nothing was changed. Set BID_MASTER_KEY_PREVIOUS to that key (or restore its key file) and run again.',
      );
    let rewrapped = 0;
    let after = '';
    for (;;) {
      const rows = await repository.createQueryBuilder('k').where('k.id > :after', { after }).orderBy('k.id', 'ASC').limit(BATCH).getMany();
      if (rows.length === 0) break;
      for (const row of rows) {
        if (row.masterKeyId === next.id) continue;
        const key = openBox(masters.get(row.masterKeyId)!, Buffer.from(row.wrappedKey, 'base64'), dataKeyAad(row.id));
        if (!key || key.length !== KEY_BYTES)
          throw new RotationError(
            `Data key ${row.id} does not open under master key ${row.masterKeyId}: it has been altered. Nothing was changed.`,
          );
        await repository.update(
          { id: row.id },
          { masterKeyId: next.id, wrappedKey: sealBox(next.key, key, dataKeyAad(row.id)).toString('base64') },
        );
        key.fill(0);
        rewrapped++;
      }
      after = rows[rows.length - 1].id;
    }
    return { rewrapped, total };
  });
}

async function distinctMasterIds(tx: EntityManager): Promise<string[]> {
  const rows = await tx
    .getRepository(VaultDataKey)
    .createQueryBuilder('k')
    .select('DISTINCT k.master_key_id', 'id')
    .getRawMany<{ id: string }>();
  return rows.map((r) => r.id);
}

/** Written, flushed and (for a new file) created exclusively with mode 0600, so a crash never leaves half a key. */
function writeDurably(file: string, key: Buffer, flag: 'wx' | 'w' = 'wx'): void {
  writeFileSync(file, `${key.toString('base64')}\n`, { flag, mode: 0o600 });
  const fd = openSync(file, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The rename itself is durable only once the directory is flushed. */
function syncDirectory(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic there.
  }
}
