// Runs the backend suite on SQLite, then the integration tests again on PostgreSQL when TEST_DATABASE_URL is set.
import { spawnSync } from 'node:child_process';

const jest = (env) =>
  spawnSync('npx', ['jest', '-c', 'backend/jest.config.js', ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  }).status ?? 1;

let status = jest({ TEST_DATABASE: 'sqlite' });
if (process.env.TEST_DATABASE_URL) {
  status ||= jest({ TEST_DATABASE: 'postgres', BACKEND_TESTS: 'integration' });
} else {
  console.log('TEST_DATABASE_URL is not set: the PostgreSQL run of the integration tests was skipped.');
}
process.exit(status);
