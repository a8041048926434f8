import { defineConfig, devices } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repoRoot = resolve(__dirname, '..');

/**
 * Playwright loads this file in the runner and again in every worker; values
 * are fixed in process.env on the first load so workers (which inherit the
 * runner's environment) see the same port and database.
 */
process.env['E2E_PORT'] ??= String(findFreePort());
process.env['E2E_DATABASE_PATH'] ??= join(tmpdir(), `openbrief-e2e-${Date.now()}-${process.pid}.sqlite`);

const port = Number(process.env['E2E_PORT']);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: './tests',
  outputDir: join(repoRoot, 'test-results', 'e2e'),
  fullyParallel: false,
  forbidOnly: !!process.env['CI'],
  retries: 0,
  workers: 1,
  reporter: 'list',
  // Generous limits: on a busy shared machine a test can take many times its quiet-machine time. A test fails
  // for a broken feature, not a slow box; speed is measured by `npm run bench` (see e2e/support/waits.ts).
  timeout: 120_000,
  expect: { timeout: 15_000 },
  globalTeardown: './support/global-teardown.ts',
  use: {
    baseURL,
    headless: true,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'] } }],
  webServer: {
    command: process.env['E2E_SERVER_COMMAND'] ?? 'node dist/backend/main.js',
    cwd: repoRoot,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATABASE_PATH: process.env['E2E_DATABASE_PATH'],
      SEED_DEMO: 'true',
      LOG_LEVEL: 'warn',
    },
  },
});

/** Asks the OS for a free port, synchronously, because the config must be synchronous. */
function findFreePort(): number {
  const script =
    "const s=require('node:net').createServer();" +
    "s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close();});";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}
