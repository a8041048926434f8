// Starts the built backend (and other servers under test) as child processes, for benchmarks.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const probe = join(import.meta.dirname, 'memory-probe.cjs');
const running = new Set();
const onInterrupts = new Set();

// No server outlives the bench: each is stopped in a `finally`; on a signal they are stopped here (then
// the onInterrupt clean-ups run), on any other exit killed; and memory-probe.cjs stops a server whose
// bench vanished without either.
process.on('exit', () => {
  for (const r of running) {
    r.child.kill('SIGKILL');
    r.cleanUp?.();
  }
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    const cleanUp = async () => {
      await Promise.allSettled([...running].map((r) => r.stop()));
      for (const fn of onInterrupts)
        await Promise.resolve()
          .then(fn)
          .catch(() => undefined);
    };
    Promise.race([cleanUp(), new Promise((r) => setTimeout(r, 10_000))]).finally(() => process.exit(130));
  });
}

/** Runs `fn` after the servers stop if the bench is interrupted by a signal; returns a function that forgets it. */
export function onInterrupt(fn) {
  onInterrupts.add(fn);
  return () => onInterrupts.delete(fn);
}

export function freePort() {
  return new Promise((ok) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** A Node child with the memory probe preloaded; `stop()` ends it with SIGTERM, waits, then runs `cleanUp`. */
export function startNode(args, env = {}, cleanUp = null) {
  const child = spawn(process.execPath, ['--expose-gc', '-r', probe, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', process.env.BENCH_SERVER_LOG ? 'inherit' : 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise((r) => child.once('exit', (code, signal) => r(code ?? signal)));
  const node = {
    child,
    cleanUp,
    pid: child.pid,
    exited,
    /** Resident set size now, from /proc (Linux). */
    rss: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1]) * 1024,
    /** CPU time used so far, in ms (user + system, from /proc). */
    cpuMs: () => {
      const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
    },
    /** Memory figures from inside the process, taken after a full garbage collection. */
    memory: () =>
      new Promise((ok) => {
        child.once('message', ok);
        child.send('memory');
      }),
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
      cleanUp?.();
    },
  };
  running.add(node);
  exited.then(() => running.delete(node));
  return node;
}

/**
 * The built backend on a free port. With no DATABASE_PATH / DATABASE_URL in `env` it gets a fresh
 * SQLite file (removed on stop); otherwise the caller owns the database (to share it between instances).
 */
export async function startBuiltServer(env = {}) {
  const ownDatabase = !env.DATABASE_PATH && !env.DATABASE_URL;
  const dir = ownDatabase ? mkdtempSync(join(tmpdir(), 'openbrief-bench-')) : null;
  const port = await freePort();
  const node = startNode(
    [join(root, 'dist/backend/main.js')],
    { PORT: String(port), LOG_LEVEL: 'warn', ...(dir ? { DATABASE_PATH: join(dir, 'bench.sqlite') } : {}), ...env },
    () => dir && rmSync(dir, { recursive: true, force: true }),
  );
  const url = `http://127.0.0.1:${port}`;
  let exitedEarly = false;
  node.exited.then(() => (exitedEarly = true));
  for (let i = 0; ; i++) {
    if (
      await fetch(`${url}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (exitedEarly || i === 300) {
      await node.stop();
      throw new Error(`the built backend did not start on ${url} (is dist/backend built? node backend/build.mjs)`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  node.url = url;
  return node;
}

export function printTable(title, rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  console.log(`\n${title}`);
  rows.forEach((r, n) => {
    console.log(r.map((c, i) => String(c).padEnd(widths[i])).join('  '));
    if (n === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  });
}
