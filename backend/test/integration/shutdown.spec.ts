import { CSRF_COOKIE, CSRF_HEADER } from '@openbrief/contracts';
import { connect } from 'node:net';
import { spawnServer } from '../support/spawn-server';
import { createTestDatabase } from '../support/test-database';

describe('graceful shutdown', () => {
  it('finishes a request that is in flight when SIGTERM arrives, then exits cleanly', async () => {
    const db = await createTestDatabase();
    const server = await spawnServer({ ...db.env, SEED_DEMO: 'true' });
    try {
      const body = JSON.stringify({ email: 'buyer@demo.test', password: 'wrong-password' });
      // A real token: it is bound to the (here absent) session, so a made-up pair would be refused.
      const token = (await fetch(`${server.url}/api/v1/auth/session`)).headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .find((c) => c.startsWith(`${CSRF_COOKIE}=`))!
        .slice(CSRF_COOKIE.length + 1);
      const socket = connect(server.port, '127.0.0.1');
      let response = '';
      socket.on('data', (d) => (response += d));
      const closed = new Promise((r) => socket.on('close', r));
      await new Promise((r) => socket.on('connect', r));
      socket.write(
        'POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n' +
          `Content-Type: application/json\r\nCookie: ${CSRF_COOKIE}=${token}\r\n${CSRF_HEADER}: ${token}\r\n` +
          `Content-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
      );
      await new Promise((r) => setTimeout(r, 200));
      server.process.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 300));
      socket.write(body.slice(10));
      await closed;
      expect(response).toMatch(/^HTTP\/1\.1 401/);
      expect(response).toMatch(/The e-mail or password is not right/);
      expect(await server.exited).toBe(0);
    } finally {
      server.process.kill('SIGKILL');
      await db.drop();
    }
  });
});
