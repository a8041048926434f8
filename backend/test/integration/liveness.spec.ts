import { CSRF_COOKIE, CSRF_HEADER } from '@openbrief/contracts';
import { watchHealth } from '../support/health-watch';
import { rawRequest, type RawResponse } from '../support/raw-http';
import { MALFORMED_UPGRADES, sendRaw } from '../support/raw-socket';
import { RemoteClient, type RunningServer, spawnServer } from '../support/spawn-server';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { manyEntries, paragraphBomb, textBomb } from '../support/zip-writer';

/**
 * The attacks issue 10 found, sent to the real entry point in its own process (so a crash shows as an exit),
 * while /api/health is probed throughout: every probe must answer within a second, the process must never
 * exit, and every attack must be refused with a 4xx.
 */
describe('the server stays up and responsive under the probe’s attacks', () => {
  let db: TestDatabase;
  let server: RunningServer;
  let doing = 'starting';

  beforeEach(async () => {
    db = await createTestDatabase();
    server = await spawnServer({ ...db.env, SEED_DEMO: 'true', LOG_LEVEL: 'error' });
  }, 120_000);

  afterEach(async () => {
    if (server) {
      server.process.kill('SIGKILL');
      await server.exited;
    }
    await db?.drop();
  });

  /** Runs the attacks with the health watch on; returns "attack → status" for each, and the watch's findings. */
  async function underWatch(attacks: { name: string; send: () => Promise<number> }[]) {
    doing = attacks[0]?.name ?? 'nothing';
    const watch = watchHealth(server, () => doing);
    const answers: string[] = [];
    for (const attack of attacks) {
      doing = attack.name;
      let status: number;
      try {
        status = await attack.send();
      } catch (error) {
        status = 0;
        answers.push(`${attack.name} → no answer (${(error as Error).message})`);
        continue;
      }
      answers.push(`${attack.name} → ${status}`);
    }
    doing = 'after the attacks';
    // One more probe after the last attack, so a late crash or a stalled loop is seen too.
    const last = await rawRequest(server.url, { method: 'GET', path: '/api/health' }, 1_000).then(
      (r) => r.status,
      (e: Error) => e.message,
    );
    const { probes, failures } = await watch.stop();
    return { answers, failures, probes, last, log: server.output() };
  }

  const refused = (answers: string[]) => answers.filter((a) => !/→ 4\d\d$/.test(a));

  it('answers every malformed WebSocket upgrade with a 4xx and never exits', async () => {
    const host = new URL(server.url).host;
    const result = await underWatch(
      MALFORMED_UPGRADES.map((u) => ({
        name: `upgrade with ${u.name}`,
        send: async () => (await sendRaw(server.url, u.bytes(host))).status,
      })),
    );
    expect({ notRefused: refused(result.answers), failures: result.failures, last: result.last }).toEqual({
      notRefused: [],
      failures: [],
      last: 200,
    });
    expect(result.probes).toBeGreaterThan(0);
  }, 180_000);

  it('refuses zip bombs to the specification import with a 4xx, and keeps answering meanwhile', async () => {
    const buyer = new RemoteClient(server.url);
    await buyer.signIn('buyer@demo.test');
    const csrf = /XSRF-TOKEN=([^;]+)/.exec(buyer.cookieHeader())?.[1] ?? '';
    const upload = async (name: string, file: Buffer): Promise<number> => {
      const boundary = 'livenessBoundary9f8e7d';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
        ),
        file,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await rawRequest(server.url, {
        method: 'POST',
        path: '/api/v1/tenders/import/file',
        headers: {
          cookie: buyer.cookieHeader(),
          [CSRF_HEADER]: decodeURIComponent(csrf),
          'content-type': `multipart/form-data; boundary=${boundary}`,
        },
        body,
      });
      return res.status;
    };
    const bombs = [
      // The probe's own case: 16 KB that expands to 5 MB of XML, 100,000 paragraphs.
      { name: '100,000 paragraphs in 16 KB', file: paragraphBomb(100_000) },
      // One text run of 30 MB in about 30 KB: over any sensible expanded size.
      { name: '30 MB of text in one run', file: textBomb(30) },
      // The central directory claims 1 KB; inflating shows 5 MB. A reader must count what it inflates, not trust the header.
      { name: 'a document.xml that lies about its size', file: paragraphBomb(100_000, { declaredSize: 1_024 }) },
      { name: '20,000 entries', file: manyEntries(20_000) },
    ];
    expect(bombs.every((b) => b.file.length < 3 * 1024 * 1024)).toBe(true);
    const result = await underWatch(
      bombs.map((b) => ({ name: `import of ${b.name} (${Math.round(b.file.length / 1024)} KB)`, send: () => upload('bomb.docx', b.file) })),
    );
    expect({ notRefused: refused(result.answers), failures: result.failures, last: result.last }).toEqual({
      notRefused: [],
      failures: [],
      last: 200,
    });
  }, 600_000);

  it('refuses deeply nested JSON with a 4xx on the anonymous routes, and keeps answering', async () => {
    const anon = await rawRequest(server.url, { method: 'GET', path: '/api/v1/auth/session' });
    const csrf = cookieValue(anon, CSRF_COOKIE);
    const headers = { cookie: `${CSRF_COOKIE}=${encodeURIComponent(csrf)}`, [CSRF_HEADER]: csrf, 'content-type': 'application/json' };
    const bodies = [
      { name: '5,000 nested arrays (10 KB)', text: '['.repeat(5_000) + ']'.repeat(5_000) },
      { name: '5,000 unclosed arrays', text: '['.repeat(5_000) },
      { name: '2,000 nested objects', text: '{"a":'.repeat(2_000) + '1' + '}'.repeat(2_000) },
      { name: 'an e-mail nested 5,000 deep', text: `{"email":${'['.repeat(5_000)}"a@b.test"${']'.repeat(5_000)},"password":"x"}` },
    ];
    const attacks = ['/api/v1/auth/sign-in', '/api/v1/spec-check'].flatMap((path) =>
      bodies.map((b) => ({
        name: `POST ${path} with ${b.name}`,
        send: async () => (await rawRequest(server.url, { method: 'POST', path, headers, body: b.text })).status,
      })),
    );
    const result = await underWatch(attacks);
    expect({ notRefused: refused(result.answers), failures: result.failures, last: result.last }).toEqual({
      notRefused: [],
      failures: [],
      last: 200,
    });
  }, 180_000);
});

function cookieValue(res: RawResponse, name: string): string {
  for (const c of ([] as string[]).concat(res.headers['set-cookie'] ?? [])) {
    const [pair] = c.split(';');
    if (pair.startsWith(`${name}=`)) return decodeURIComponent(pair.slice(name.length + 1));
  }
  throw new Error(`no ${name} cookie in the answer`);
}
