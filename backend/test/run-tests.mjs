// Runs the backend suite on SQLite, then the integration tests again on PostgreSQL when TEST_DATABASE_URL is set.
// Under CI both PostgreSQL (TEST_DATABASE_URL) and Redis (TEST_REDIS_URL) must answer: a tier skipped there
// would read as a pass, so a missing service fails the run before any test starts.
import { spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import pg from 'pg';

const ci = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
const ANSWER_MS = 10_000;

/** The URL without its password, for messages. */
const shown = (url) => {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(not a URL)';
  }
};

async function postgresProblem(url) {
  if (!url) return 'TEST_DATABASE_URL is not set, so the integration tests would not run on PostgreSQL.';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: ANSWER_MS });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${shown(url)} did not answer: ${error.message}`;
  } finally {
    await client.end().catch(() => undefined); // already closed when connect failed
  }
}

/** Redis answers PING with +PONG (or -NOAUTH when it wants a password: it is there all the same). */
function redisProblem(url) {
  if (!url) return Promise.resolve('TEST_REDIS_URL is not set, so the tests of instances sharing documents through Redis would not run.');
  let target;
  try {
    target = new URL(url);
  } catch {
    return Promise.resolve(`TEST_REDIS_URL is not a URL: ${shown(url)}`);
  }
  return new Promise((resolve) => {
    const socket = connect(Number(target.port || 6379), target.hostname);
    const done = (problem) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(ANSWER_MS, () => done(`Redis at ${shown(url)} did not answer within ${ANSWER_MS / 1000} s.`));
    socket.on('error', (error) => done(`Redis at ${shown(url)} did not answer: ${error.message}`));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) =>
      done(
        /^(\+PONG|-NOAUTH)/.test(data.toString())
          ? null
          : `Redis at ${shown(url)} answered PING with ${JSON.stringify(data.toString().trim())}.`,
      ),
    );
  });
}

if (ci) {
  const problems = (await Promise.all([postgresProblem(process.env.TEST_DATABASE_URL), redisProblem(process.env.TEST_REDIS_URL)])).filter(
    Boolean,
  );
  if (problems.length) {
    console.error(
      ['CI is set, and in CI every test tier must run. The backend tests did not start:', ...problems.map((p) => `  - ${p}`)].join('\n') +
        '\nStart PostgreSQL and Redis and set TEST_DATABASE_URL=postgres://… and TEST_REDIS_URL=redis://… (see docs/development.md).',
    );
    process.exit(1);
  }
}

const jest = (env, ...extra) =>
  spawnSync('npx', ['jest', '-c', 'backend/jest.config.js', ...extra, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  }).status ?? 1;

let status = jest({ TEST_DATABASE: 'sqlite' });
if (process.env.TEST_DATABASE_URL) {
  // Only the integration tests run twice: a unit spec named on the command line matches none of them here.
  status ||= jest({ TEST_DATABASE: 'postgres', BACKEND_TESTS: 'integration' }, '--passWithNoTests');
} else {
  console.log('TEST_DATABASE_URL is not set: the PostgreSQL run of the integration tests was skipped.');
}
process.exit(status);
