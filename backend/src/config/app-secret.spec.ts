import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_SECRET_FILE, resolveAppSecret } from './app-secret';
import { loadSettings } from './settings';

describe('APP_SECRET', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'openbrief-secret-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('with SQLite and none set, generates one beside the database, readable by the owner only, and keeps it', () => {
    const settings = loadSettings({ DATABASE_PATH: join(dir, 'data/db.sqlite') });
    const first = resolveAppSecret(settings);
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = join(dir, 'data', APP_SECRET_FILE);
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveAppSecret(settings)).toBe(first);
  });

  it('uses APP_SECRET when set, requires it with DATABASE_URL, and refuses a short one', () => {
    const secret = 'x'.repeat(40);
    expect(resolveAppSecret(loadSettings({ APP_SECRET: secret, DATABASE_PATH: join(dir, 'db.sqlite') }))).toBe(secret);
    expect(() => resolveAppSecret(loadSettings({ DATABASE_URL: 'postgres://u@h/db' }))).toThrow(/APP_SECRET is required with DATABASE_URL/);
    expect(() => loadSettings({ APP_SECRET: 'short' })).toThrow(/APP_SECRET must be at least 32 characters/);
    writeFileSync(join(dir, APP_SECRET_FILE), 'too-short\n');
    expect(() => resolveAppSecret(loadSettings({ DATABASE_PATH: join(dir, 'db.sqlite') }))).toThrow(/less than 32 characters/);
  });
});
