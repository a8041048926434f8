// Proves a production install starts: what `npm ci --omit=dev` puts on a server is enough to run the built backend.
//
// 1. Every package the built backend (dist/backend) requires is a declared dependency: not a devDependency, and
//    not merely hoisted from another package's dependencies (it would vanish when that package changes).
// 2. package.json + package-lock.json + dist/backend are copied into a temporary folder, production dependencies
//    only are installed there (from the npm cache, no network needed), and `node dist/backend/main.js` is started
//    on a free port with a fresh SQLite database: /api/health must answer, the demo seed must have run (its buyer
//    can sign in) and SIGTERM must stop it cleanly.
//
// Native modules: sqlite3 is compiled from source when its prebuilt download is unreachable (3.5 minutes of a shared
// 2-core machine), and argon2 when its shipped prebuilt binary does not load (it crashed here). So by default install
// scripts are skipped and the addons this workspace's own install already compiled are copied in (same versions,
// checked); the dependency tree itself is exactly what `npm ci --omit=dev` installs.
// PROD_INSTALL_SCRIPTS=1 runs every install script instead, exactly as a server would (slow, needs a compiler).
// KEEP_PROD_INSTALL=1 keeps the temporary folder for a look afterwards.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const dist = join(root, 'dist/backend');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const runScripts = process.env.PROD_INSTALL_SCRIPTS === '1';

class ProdInstallError extends Error {}

function fail(message) {
  throw new ProdInstallError(message);
}

function* jsFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* jsFiles(path);
    else if (path.endsWith('.js')) yield path;
  }
}

/** Required only on a path production never takes; each with the reason, so the list stays short and true. */
const DEV_ONLY = new Map([
  ['@swc-node/register', 'worker threads load .ts sources through it only when the backend runs from sources (Jest)'],
]);

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`. */
const packageOf = (specifier) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

function undeclaredImports() {
  const declared = new Set(Object.keys(pkg.dependencies ?? {}));
  const missing = new Map();
  // SWC compiles every import to require("…"); require.resolve covers packages read as files (fonts).
  const pattern = /\brequire(?:\.resolve)?\(\s*["']([^"'.][^"']*)["']\s*\)/g;
  for (const file of jsFiles(dist)) {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(pattern)) {
      if (isBuiltin(specifier)) continue;
      const name = packageOf(specifier);
      if (!declared.has(name) && !DEV_ONLY.has(name)) missing.set(name, file.slice(root.length + 1));
    }
  }
  return missing;
}

/**
 * Copies the compiled addon (build/) of every native package from this workspace's node_modules into the fresh
 * install, where skipped install scripts left none. The versions must match, or the copy would lie.
 */
function reuseNativeBuilds(target) {
  const version = (d) => JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')).version;
  const names = readdirSync(target).flatMap((n) => (n.startsWith('@') ? readdirSync(join(target, n)).map((m) => `${n}/${m}`) : [n]));
  const reused = [];
  for (const name of names.filter((n) => existsSync(join(target, n, 'binding.gyp')))) {
    const ours = join(root, 'node_modules', name);
    if (!existsSync(join(ours, 'build'))) continue; // uses the prebuilt binary it ships
    if (version(ours) !== version(join(target, name))) fail(`${name} differs between package-lock.json and node_modules: run npm ci`);
    cpSync(join(ours, 'build'), join(target, name, 'build'), { recursive: true });
    reused.push(name);
  }
  return reused;
}

function freePort() {
  return new Promise((ok, ko) => {
    const s = createServer()
      .once('error', ko)
      .listen(0, '127.0.0.1', () => {
        const { port } = s.address();
        s.close(() => ok(port));
      });
  });
}

/** Polls until the server answers or the process has exited (then there is nothing to wait for). */
async function waitForHealth(base, exited) {
  let gone = false;
  exited.then(() => (gone = true));
  for (;;) {
    if (gone) return null;
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return res.json();
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function signInDemoBuyer(base) {
  const first = await fetch(`${base}/api/v1/auth/session`);
  const cookie = first.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('XSRF-TOKEN='));
  if (!cookie) return `no XSRF-TOKEN cookie (status ${first.status})`;
  const res = await fetch(`${base}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-xsrf-token': decodeURIComponent(cookie.slice('XSRF-TOKEN='.length)) },
    body: JSON.stringify({ email: 'buyer@demo.test', password: 'demo-password' }),
  });
  return res.status === 200 ? null : `sign-in answered ${res.status}: ${await res.text()}`;
}

const dir = mkdtempSync(join(tmpdir(), 'openbrief-prod-install-'));
const cleanUp = () =>
  process.env.KEEP_PROD_INSTALL === '1' ? console.log(`prod-install: kept ${dir}`) : rmSync(dir, { recursive: true, force: true });
let server = null;
try {
  // 1. Static check.
  if (!existsSync(join(dist, 'main.js'))) fail('dist/backend/main.js is missing: run "npx nx run backend:build" first.');
  const missing = undeclaredImports();
  if (missing.size) {
    const lines = [...missing].map(([name, file]) => `  - ${name} (required by ${file})`);
    fail(
      `the built backend requires packages that are not in "dependencies":\n${lines.join('\n')}\n` +
        'Declare each with: npm install --save-exact <name>@<the version in package-lock.json>',
    );
  }
  console.log('prod-install: every package the built backend requires is a declared dependency');

  // 2. Production install in a temporary folder.
  cpSync(join(root, 'package.json'), join(dir, 'package.json'));
  cpSync(join(root, 'package-lock.json'), join(dir, 'package-lock.json'));
  cpSync(dist, join(dir, 'dist/backend'), { recursive: true });
  const started = Date.now();
  const args = ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline', ...(runScripts ? [] : ['--ignore-scripts'])];
  const install = spawnSync('npm', args, { cwd: dir, stdio: ['ignore', 'inherit', 'inherit'] });
  if (install.status !== 0) fail(`npm ${args.join(' ')} failed (status ${install.status})`);
  if (!runScripts) {
    for (const name of reuseNativeBuilds(join(dir, 'node_modules')))
      console.log(`prod-install: reused this workspace's native build of ${name}`);
  }
  console.log(`prod-install: npm ${args.join(' ')} took ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // 3. Start the built app from there, on its own database, with nothing from this workspace on its path.
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['dist/backend/main.js'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_PATH: join(dir, 'data/openbrief.sqlite'),
      FRONTEND_DIST: join(dir, 'no-frontend'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const exited = new Promise((r) => child.once('exit', (code, signal) => r(code ?? signal)));
  server = { child, exited };
  const health = await waitForHealth(base, exited);
  if (!health) fail(`the built app exited (${await exited}) before /api/health answered`);
  if (health.status !== 'ok' || health.database !== 'up') fail(`/api/health answered ${JSON.stringify(health)}`);
  const seedProblem = await signInDemoBuyer(base);
  if (seedProblem) fail(`the demo buyer could not sign in, so the demo seed did not run: ${seedProblem}`);
  child.kill('SIGTERM');
  const code = await exited;
  server = null;
  if (code !== 0) fail(`the app exited with ${code} on SIGTERM (expected 0)`);
  console.log('prod-install: the production install started, answered /api/health, seeded the demo and stopped cleanly');
} catch (error) {
  console.error(`prod-install: ${error instanceof ProdInstallError ? error.message : error.stack}`);
  process.exitCode = 1;
} finally {
  if (server) {
    server.child.kill('SIGKILL');
    await server.exited;
  }
  cleanUp();
}
