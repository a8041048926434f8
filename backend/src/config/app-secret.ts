import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Settings } from './settings';

export const APP_SECRET_FILE = 'app-secret';

/**
 * The server secret that signs CSRF tokens. Every instance must use the same one, or a token issued by one is
 * refused by the next: so it is never random per process.
 * - `APP_SECRET` set: that value.
 * - SQLite (one data directory): generated once and kept in `<data directory>/app-secret` (readable by the owner only),
 *   so restarts and a second process on the same file agree.
 * - PostgreSQL (`DATABASE_URL`, possibly several instances): required, because there is no shared directory.
 */
export function resolveAppSecret(settings: Settings): string {
  if (settings.appSecret) return settings.appSecret;
  if (settings.database.kind === 'postgres') {
    throw new Error(
      'Openbrief cannot start: APP_SECRET is required with DATABASE_URL (every instance must share it). ' +
        "Generate one with: node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"",
    );
  }
  const file = join(dirname(settings.database.path), APP_SECRET_FILE);
  const kept = readKept(file);
  if (kept !== null) return kept;
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  try {
    // 'wx': if another process created it first, use theirs.
    writeFileSync(file, `${secret}\n`, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readKept(file)!;
  }
}

function readKept(file: string): string | null {
  let kept: string;
  try {
    kept = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (kept.length < 32)
    throw new Error(`Openbrief cannot start: ${file} holds less than 32 characters. Delete it (a new one is made) or set APP_SECRET.`);
  return kept;
}
