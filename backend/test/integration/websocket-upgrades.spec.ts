import { connectCollab } from '../support/collab-client';
import { handshake, MALFORMED_UPGRADES, sendRaw } from '../support/raw-socket';
import { startTestApp, type TestApp } from '../support/test-app';

describe('WebSocket upgrades a prober sends', () => {
  let t: TestApp;
  let host: string;
  const healthy = async () => (await t.client().get('/api/health')).status;
  beforeAll(async () => {
    t = await startTestApp({});
    host = new URL(t.url).host;
  });
  afterAll(() => t.close());

  it.each(MALFORMED_UPGRADES.map((u) => [u.name, u] as const))(
    'answers %s with a status line and closes; the app still answers',
    async (_name, upgrade) => {
      const answer = await sendRaw(t.url, upgrade.bytes(host));
      expect(answer.statusLine).toMatch(new RegExp(`^HTTP/1\\.1 ${upgrade.status} `));
      expect(answer.headers).not.toMatch(/^Upgrade:/im);
      expect(answer.body).not.toMatch(/at .*\.[jt]s|TypeError|Invalid URL/);
      // Ours answer in the API's error shape; ws answers a bad handshake key or version in plain text.
      if (/^Content-Type: application\/json/im.test(answer.headers)) {
        expect(JSON.parse(answer.body)).toMatchObject({
          statusCode: upgrade.status,
          error: expect.any(String),
          message: expect.any(String),
        });
      }
      expect(await healthy()).toBe(200);
    },
  );

  it('survives a client that resets the connection in the middle of a refused handshake', async () => {
    const { connect } = await import('node:net');
    const { port } = new URL(t.url);
    for (const origin of ['null', 'https://attacker.example', 'http://[::1']) {
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
      const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
      socket.on('error', () => undefined);
      socket.write(handshake({ headers: { Host: host, Origin: origin } }));
      socket.resetAndDestroy();
      await closed;
      expect(await healthy()).toBe(200);
    }
  });

  it('still takes a handshake from this site, or from a client that sends no Origin', async () => {
    for (const origin of [t.url, null]) {
      const answer = await sendRaw(t.url, handshake({ headers: { Host: host, Origin: origin } }), 'headers');
      expect(answer.statusLine).toBe('HTTP/1.1 101 Switching Protocols');
    }
  });

  it('refuses a session cookie with a malformed escape as no session, without harm', async () => {
    const buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    const tenderId = (await buyer.get('/api/v1/tenders')).body[0].id as string;
    await expect(connectCollab(t.url, tenderId, 'openbrief_session=%E0%A4%A')).rejects.toThrow(/authentication failed/);
    expect(await healthy()).toBe(200);
  });
});
