import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Settings } from '../../config/settings';
import { KEY_BYTES } from './sealed-box';

/** The key that wraps every data key. Its id is stored beside each wrapped key, so rotation knows what to re-wrap. */
export interface MasterKey {
  id: string;
  key: Buffer;
}

/** The key file used when BID_MASTER_KEY is unset (SQLite only), and the one `keys:rotate` stages its successor in. */
export const MASTER_KEY_FILE = 'bid-master-key';
export const NEXT_MASTER_KEY_FILE = 'bid-master-key.next';

/** First 16 hex digits of SHA-256 of the key: names it without revealing anything usable about it. */
export function masterKeyId(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

export function masterKey(key: Buffer): MasterKey {
  return { id: masterKeyId(key), key };
}

export function generateMasterKey(): MasterKey {
  return masterKey(randomBytes(KEY_BYTES));
}

/** 32 bytes from base64 (or base64url) text; `source` names where it came from for the error message. */
export function parseMasterKey(text: string, source: string): Buffer {
  const trimmed = text.trim();
  const key = /^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed) ? Buffer.from(trimmed, 'base64') : Buffer.alloc(0);
  if (key.length !== KEY_BYTES)
    throw new Error(`${source} does not hold a bid master key: it must be 32 random bytes in base64 (openssl rand -base64 32).`);
  return key;
}

/**
 * The master keys this process knows: `current` wraps new data keys; `all` (current first) unwraps.
 * - BID_MASTER_KEY set: that key. Required with PostgreSQL, where several instances must unwrap the same rows
 *   and there is no shared directory to keep a file in.
 * - SQLite: `<data directory>/bid-master-key` (mode 0600), created on first start. A key file left by an
 *   interrupted `keys:rotate` (`bid-master-key.next`) is also known, so no row is ever wrapped by a key the
 *   server cannot find; with BID_MASTER_KEY set, a key file still present keeps unwrapping what it wrapped.
 */
export function resolveMasterKeys(settings: Pick<Settings, 'bidMasterKey' | 'dataDir' | 'database'>): {
  current: MasterKey;
  all: MasterKey[];
} {
  const kept = [readKeyFile(join(settings.dataDir, MASTER_KEY_FILE)), readKeyFile(join(settings.dataDir, NEXT_MASTER_KEY_FILE))]
    .filter((key): key is Buffer => key !== null)
    .map(masterKey);
  if (settings.bidMasterKey) {
    const current = masterKey(parseMasterKey(settings.bidMasterKey, 'BID_MASTER_KEY'));
    return { current, all: unique([current, ...kept]) };
  }
  if (settings.database.kind === 'postgres')
    throw new Error(
      'Openbrief cannot start: BID_MASTER_KEY is required with DATABASE_URL (every instance must unwrap the same sealed responses). ' +
        'Generate one with: openssl rand -base64 32, and keep a copy apart from the database backups (see docs/security.md).',
    );
  const current = kept[0] ?? createKeyFile(settings.dataDir);
  return { current, all: unique([current, ...kept]) };
}

/** Writes a new key file race-safely ('wx': if another process made one first, theirs is used). */
function createKeyFile(dataDir: string): MasterKey {
  const file = join(dataDir, MASTER_KEY_FILE);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(KEY_BYTES);
  try {
    writeFileSync(file, `${key.toString('base64')}\n`, { flag: 'wx', mode: 0o600 });
    return masterKey(key);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw startError(file, error);
    return masterKey(readKeyFile(file)!);
  }
}

/** The key in `file`, or null when there is none; a file that exists but is unusable stops the start, plainly. */
export function readKeyFile(file: string): Buffer | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw startError(file, error);
  }
  // Anyone else who can read the file can open every sealed response.
  if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0)
    throw new Error(
      `Openbrief cannot start: ${file} can be read by other users (mode ${(statSync(file).mode & 0o777).toString(8)}). Run: chmod 600 ${file}`,
    );
  try {
    return parseMasterKey(text, file);
  } catch (error) {
    throw new Error(
      `Openbrief cannot start: ${(error as Error).message} Restore it from your key backup; do not delete it while any sealed response exists (see docs/security.md).`,
    );
  }
}

function startError(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  return new Error(
    `Openbrief cannot start: the bid master key file ${file} cannot be used (${code}). Check that it and its directory belong to the user running Openbrief.`,
  );
}

function unique(keys: MasterKey[]): MasterKey[] {
  return keys.filter((k, i) => keys.findIndex((other) => other.id === k.id) === i);
}
