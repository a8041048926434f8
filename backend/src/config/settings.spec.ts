import { loadSettings } from './settings';

describe('loadSettings', () => {
  it('defaults to SQLite under data/ on port 3000 with demo data', () => {
    const s = loadSettings({});
    expect(s.port).toBe(3000);
    expect(s.database).toEqual({ kind: 'sqlite', path: expect.stringMatching(/data\/openbrief\.sqlite$/) });
    expect(s.seedDemo).toBe(true);
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
