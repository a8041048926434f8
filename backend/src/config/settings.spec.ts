import { loadSettings } from './settings';

describe('loadSettings', () => {
  it('defaults to SQLite under data/ on port 3000 with demo data', () => {
    const s = loadSettings({});
    expect(s.port).toBe(3000);
    expect(s.database).toEqual({ kind: 'sqlite', path: expect.stringMatching(/data\/openbrief\.sqlite$/) });
    expect(s.seedDemo).toBe(true);
    expect(s.redisUrl).toBeNull();
  });

  it('takes REDIS_URL for several instances, and refuses one that is not a Redis address', () => {
    expect(loadSettings({ REDIS_URL: 'redis://cache:6379/2' }).redisUrl).toBe('redis://cache:6379/2');
    expect(loadSettings({ REDIS_URL: 'rediss://user:secret@cache:6380' }).redisUrl).toBe('rediss://user:secret@cache:6380');
    expect(() => loadSettings({ REDIS_URL: 'cache:6379' })).toThrow(/REDIS_URL must look like redis:\/\/host:6379/);
  });

  it('selects PostgreSQL from DATABASE_URL and reads booleans and numbers from text', () => {
    const s = loadSettings({ DATABASE_URL: 'postgres://u@h:5432/db', SEED_DEMO: 'false', PORT: '8080' });
    expect(s.database).toEqual({ kind: 'postgres', url: 'postgres://u@h:5432/db' });
    expect(s.seedDemo).toBe(false);
    expect(s.port).toBe(8080);
  });

  it('refuses invalid values with one message naming each problem', () => {
    expect(() => loadSettings({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })).toThrow(
      /PORT[\s\S]*DATABASE_URL must start with postgres:\/\/[\s\S]*LOG_LEVEL/,
    );
  });
});
