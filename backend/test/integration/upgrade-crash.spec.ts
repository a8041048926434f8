import { connect } from 'node:net';
import { resolve } from 'node:path';
import { waitFor } from '../support/collab-client';
import { handshake, MALFORMED_UPGRADES, sendRaw } from '../support/raw-socket';
import { spawnServer, type RunningServer } from '../support/spawn-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The in-process tests cannot see the process exit: here the real entry point runs in its own process,
 * and after each malformed upgrade it must still be running and answering.
 */
describe('the server process under malformed upgrades and stray errors', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let host: string;
  const alive = async () =>
    server.process.exitCode === null && server.process.signalCode === null && (await fetch(`${server.url}/api/health`)).status === 200;
  beforeAll(async () => {
    db = await createTestDatabase();
    server = await spawnServer({ ...db.env, NODE_OPTIONS: `--require ${resolve(__dirname, '../support/stray-errors.cjs')}` });
    host = new URL(server.url).host;
  }, 120_000);
  afterAll(async () => {
    server.process.kill('SIGKILL');
    await server.exited;
    await db.drop();
  });

  it('answers every malformed upgrade and keeps running', async () => {
    for (const upgrade of MALFORMED_UPGRADES) {
      const answer = await sendRaw(server.url, upgrade.bytes(host));
      expect({ name: upgrade.name, status: answer.status }).toEqual({ name: upgrade.name, status: upgrade.status });
      expect({ name: upgrade.name, alive: await alive() }).toEqual({ name: upgrade.name, alive: true });
    }
  });

  it('keeps running when clients reset the connection in the middle of a handshake', async () => {
    for (const origin of ['null', 'http://[::1', 'https://attacker.example', server.url]) {
      const socket = connect(Number(server.port), '127.0.0.1');
      await new Promise<void>((r) => socket.once('connect', () => r()));
      const closed = new Promise<void>((r) => socket.once('close', () => r()));
      socket.on('error', () => undefined);
      socket.write(handshake({ headers: { Host: host, Origin: origin } }));
      socket.resetAndDestroy();
      await closed;
      expect(await alive()).toBe(true);
    }
  });

  it('logs an uncaught error and an unhandled rejection, and keeps serving', async () => {
    server.process.kill('SIGUSR2');
    await waitFor(
      () =>
        /Uncaught error.*stray error thrown from a timer/.test(server.output()) &&
        /Unhandled promise rejection.*stray promise rejection/.test(server.output()),
    );
    expect(await alive()).toBe(true);
  });
});
