import { rm } from 'node:fs/promises';

/** Removes the throwaway SQLite database (and its journal files) made for this run. */
export default async function globalTeardown(): Promise<void> {
  const databasePath = process.env['E2E_DATABASE_PATH'];
  if (!databasePath) return;
  await Promise.all(['', '-journal', '-wal', '-shm'].map((suffix) => rm(databasePath + suffix, { force: true })));
}
