import { randomUUID } from 'node:crypto';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { isDeepStrictEqual } from 'node:util';
import * as Y from 'yjs';
import { CollabStore } from '../../src/modules/collaboration/collab-store';
import { TenderRevision } from '../../src/modules/tenders/entities/tender-revision.entity';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { TenderService } from '../../src/modules/tenders/tender.service';
import { type CollabClient, connectCollab, waitFor } from '../support/collab-client';
import { RemoteClient, type RunningServer, spawnServer } from '../support/spawn-server';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { testRedisUrl } from '../support/test-services';

const redisUrl = testRedisUrl('the tests of several instances sharing live documents through Redis');
const withRedis = redisUrl ? describe : describe.skip;

/** A TCP relay to Redis that a test can cut and restore, to take Redis away from running servers. */
async function redisRelay(target: string) {
  const { hostname, port: targetPort } = new URL(target);
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = connect(Number(targetPort || 6379), hostname);
        for (const [from, to] of [
          [client, upstream],
          [upstream, client],
        ]) {
          sockets.add(from);
          from.pipe(to);
          from.on('error', () => to.destroy());
          from.on('close', () => {
            sockets.delete(from);
            to.destroy();
          });
        }
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  const cut = async () => {
    const closed = new Promise((r) => server!.close(r));
    for (const socket of sockets) socket.destroy();
    await closed;
  };
  await listen();
  return { url: `redis://127.0.0.1:${port}`, cut, restore: listen };
}

/** A document as the store holds it (snapshot + log). */
async function stored(store: CollabStore, name: string): Promise<Y.Doc> {
  const { state, updates } = await store.load(name);
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  for (const u of updates) Y.applyUpdate(doc, u.data);
  return doc;
}

/** Every revision of a tender, oldest first. */
const revisionsOf = (t: TestApp, tenderId: string) =>
  t.dataSource.getRepository(TenderRevision).find({ where: { tenderId }, order: { revision: 'ASC' } });

function expectNoRepeatedRevision(revisions: TenderRevision[]): void {
  expect(revisions.map((r) => r.revision)).toEqual(revisions.map((_, i) => revisions[0].revision + i));
  for (let i = 1; i < revisions.length; i++) expect(isDeepStrictEqual(revisions[i].content, revisions[i - 1].content)).toBe(false);
}

describe('two instances on one database', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let buyer: TestClient;
  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestApp({ COLLAB_PROJECTION_MS: '600000' }, { db });
    b = await startTestApp({ COLLAB_PROJECTION_MS: '600000' }, { db });
    buyer = a.client();
    await buyer.signIn('buyer@demo.test');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('compacts by merging with the stored snapshot: an instance that has not received an update yet cannot drop it', async () => {
    const name = `tender:${randomUUID()}`;
    const base = new Y.Doc();
    base.getText('t').insert(0, 'base');
    const seed = Y.encodeStateAsUpdate(base);
    // Instance A's client typed "A", instance B's client typed "B"; each instance logged its own update.
    const first = new Y.Doc();
    const second = new Y.Doc();
    Y.applyUpdate(first, seed);
    Y.applyUpdate(second, seed);
    const logged: Uint8Array[] = [];
    first.on('update', (u: Uint8Array) => logged.push(u));
    second.on('update', (u: Uint8Array) => logged.push(u));
    first.getText('t').insert(0, 'A ');
    second.getText('t').insert(4, ' B');
    const store = a.app.get(CollabStore);
    await store.append(name, seed);
    for (const u of logged) await store.append(name, u);
    // A has both edits (B's reached it) and compacts: every logged update leaves the log.
    Y.applyUpdate(first, logged[1]);
    const snapshotA = Y.snapshot(first);
    expect(await store.compact(name, Y.encodeStateAsUpdate(first), (u) => Y.snapshotContainsUpdate(snapshotA, u))).toBe(3);
    // B compacts later with its own state, which lacks A's edit: A's edit must survive.
    const snapshotB = Y.snapshot(second);
    await b.app.get(CollabStore).compact(name, Y.encodeStateAsUpdate(second), (u) => Y.snapshotContainsUpdate(snapshotB, u));
    expect((await stored(store, name)).getText('t').toString()).toBe('A base B');
  });

  it('keeps both instances\u2019 edits when they compact one document at the same moment', async () => {
    const name = `tender:${randomUUID()}`;
    const replicas = [new Y.Doc(), new Y.Doc()];
    const stores = [a.app.get(CollabStore), b.app.get(CollabStore)];
    const logged: Promise<void>[] = [];
    for (const [i, doc] of replicas.entries()) {
      doc.on('update', (u: Uint8Array) => logged.push(stores[i].append(name, u)));
      doc.getText('t').insert(0, `edit ${i};`);
    }
    await Promise.all(logged);
    await Promise.all(
      replicas.map((doc, i) => {
        const snapshot = Y.snapshot(doc);
        return stores[i].compact(name, Y.encodeStateAsUpdate(doc), (u) => Y.snapshotContainsUpdate(snapshot, u));
      }),
    );
    const text = (await stored(stores[0], name)).getText('t').toString();
    expect(text).toContain('edit 0;');
    expect(text).toContain('edit 1;');
    expect((await stores[0].load(name)).updates).toHaveLength(0);
  });

  it('writes one revision when both instances project the same content', async () => {
    const tenderId: string = (await buyer.post('/api/v1/tenders', { title: 'Projected twice', templateId: 'digital-service' })).body.id;
    const content = toTenderContent((await buyer.get(`/api/v1/tenders/${tenderId}`)).body);
    content.summary = 'Converged on both instances.';
    const actor = { userId: null, name: 'Live editing', organisationId: null };
    const wrote = await Promise.all([a, b].map((t) => t.app.get(TenderService).project(tenderId, () => content, actor)));
    expect(wrote.filter(Boolean)).toHaveLength(1);
    expect(await b.app.get(TenderService).project(tenderId, () => content, actor)).toBe(false);
    const revisions = await revisionsOf(a, tenderId);
    expect(revisions).toHaveLength(2);
    expectNoRepeatedRevision(revisions);
  });

  it('opens on a second instance what the first logged, and both project the same result', async () => {
    const tenderId: string = (await buyer.post('/api/v1/tenders', { title: 'Opened twice', templateId: 'digital-service' })).body.id;
    const onA = await connectCollab(a.url, tenderId, buyer.cookieHeader());
    try {
      onA.text('summary').insert(0, 'Logged by A. ');
      await onA.acknowledged();
      const onB = await connectCollab(b.url, tenderId, buyer.cookieHeader());
      try {
        expect(onB.content()).toEqual(onA.content());
      } finally {
        onB.close();
      }
      // Read through B, which has nothing open: it projects from the log that A wrote.
      const other = b.client();
      await other.signIn('buyer@demo.test');
      expect((await other.get(`/api/v1/tenders/${tenderId}`)).body.summary).toMatch(/^Logged by A\. /);
    } finally {
      onA.close();
    }
  });
});

withRedis('several instances sharing live documents through Redis (in one process)', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let buyer: TestClient;
  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestApp({ COLLAB_PROJECTION_MS: '100', REDIS_URL: redisUrl! }, { db });
    b = await startTestApp({ COLLAB_PROJECTION_MS: '100', REDIS_URL: redisUrl! }, { db });
    buyer = a.client();
    await buyer.signIn('buyer@demo.test');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  it('carries edits live between instances, logs each update once (by the instance its client sent it to) and projects it once', async () => {
    const tenderId: string = (await buyer.post('/api/v1/tenders', { title: 'Shared through Redis', templateId: 'digital-service' })).body
      .id;
    const name = `tender:${tenderId}`;
    const appends = [a, b].map((t) => jest.spyOn(t.app.get(CollabStore), 'appendIfEditable'));
    const projections = [a, b].map((t) => jest.spyOn(t.app.get(TenderService), 'project'));
    const logged = (i: number) => appends[i].mock.calls.filter(([doc]) => doc === name).length;
    let onA: CollabClient | undefined;
    let onB: CollabClient | undefined;
    try {
      onA = await connectCollab(a.url, tenderId, buyer.cookieHeader());
      onB = await connectCollab(b.url, tenderId, buyer.cookieHeader());
      for (let i = 0; i < 10; i++) onA.text('summary').insert(0, `a${i} `);
      await onA.acknowledged();
      await waitFor(() => onB!.text('summary').toString() === onA!.text('summary').toString());
      expect([logged(0), logged(1)]).toEqual([10, 0]);
      for (let i = 0; i < 5; i++) onB.text('problem').insert(0, `b${i} `);
      await onB.acknowledged();
      await waitFor(() => onA!.text('problem').toString() === onB!.text('problem').toString());
      expect([logged(0), logged(1)]).toEqual([10, 5]);

      // A client acknowledged by B reads its edit through A at once, and the other way round.
      expect((await buyer.get(`/api/v1/tenders/${tenderId}`)).body.problem).toBe(onB.text('problem').toString());
      const viaB = b.client();
      await viaB.signIn('buyer@demo.test');
      expect((await viaB.get(`/api/v1/tenders/${tenderId}`)).body.summary).toBe(onA.text('summary').toString());

      // Both instances project the converged document; only changes become revisions.
      await waitFor(() => projections.every((p) => p.mock.calls.some(([id]) => id === tenderId)));
      const outcomes = await Promise.all(projections.flatMap((p) => p.mock.results.map((r) => r.value as Promise<boolean>)));
      expect(outcomes).toContain(false);
      const revisions = await revisionsOf(a, tenderId);
      expectNoRepeatedRevision(revisions);
      expect(revisions.at(-1)!.content).toEqual(toTenderContent((await buyer.get(`/api/v1/tenders/${tenderId}`)).body));
    } finally {
      onA?.close();
      onB?.close();
      for (const spy of [...appends, ...projections]) spy.mockRestore();
    }
  });

  it('sends a REST save made through one instance to a client of the other', async () => {
    const tenderId: string = (await buyer.post('/api/v1/tenders', { title: 'Saved through A', templateId: 'digital-service' })).body.id;
    const onB = await connectCollab(b.url, tenderId, buyer.cookieHeader());
    try {
      const current = (await buyer.get(`/api/v1/tenders/${tenderId}`)).body;
      const content = toTenderContent(current);
      content.workDone = 'Saved through instance A.';
      expect((await buyer.put(`/api/v1/tenders/${tenderId}`, { revision: current.revision, content })).status).toBe(200);
      await waitFor(() => onB.text('workDone').toString() === 'Saved through instance A.');
    } finally {
      onB.close();
    }
  });
});

withRedis('two backend processes sharing live documents through Redis', () => {
  it('shows each process\u2019s client the other\u2019s edits live, survives losing Redis, catches up when it is back, and keeps every edit after both are killed', async () => {
    const db = await createTestDatabase();
    const relay = await redisRelay(redisUrl!);
    const env = { ...db.env, SEED_DEMO: 'true', REDIS_URL: relay.url, COLLAB_PROJECTION_MS: '600000', LOG_LEVEL: 'info' };
    const servers: RunningServer[] = [];
    const clients: CollabClient[] = [];
    try {
      // One after the other: the first creates and migrates the database.
      servers.push(await spawnServer(env));
      servers.push(await spawnServer(env));
      const [first, second] = servers.map((s) => new RemoteClient(s.url));
      await first.signIn('buyer@demo.test');
      await second.signIn('buyer@demo.test');
      const tenderId: string = (await first.get('/api/v1/tenders')).body.find((x: { status: string }) => x.status === 'draft').id;
      const [onA, onB] = [
        await connectCollab(servers[0].url, tenderId, first.cookieHeader()),
        await connectCollab(servers[1].url, tenderId, second.cookieHeader()),
      ];
      clients.push(onA, onB);
      onA.text('summary').insert(0, 'From A. ');
      onB.text('problem').insert(onB.text('problem').length, ' From B.');
      await waitFor(() => onB.text('summary').toString().startsWith('From A. ') && onA.text('problem').toString().endsWith(' From B.'));
      await Promise.all([onA.acknowledged(), onB.acknowledged()]);
      // Each process answers with the other's acknowledged edits.
      expect((await second.get(`/api/v1/tenders/${tenderId}`)).body.summary).toBe(onA.text('summary').toString());
      expect((await first.get(`/api/v1/tenders/${tenderId}`)).body.problem).toBe(onB.text('problem').toString());

      // Redis goes away: each process keeps logging and acknowledging its own clients' edits, and does not fall over.
      await relay.cut();
      for (let i = 0; i < 5; i++) {
        onA.text('users').insert(0, `A${i} `);
        onB.text('users').insert(onB.text('users').length, ` B${i}`);
        await new Promise((r) => setTimeout(r, 300));
      }
      await Promise.all([onA.acknowledged(), onB.acknowledged()]);
      await waitFor(() => servers.every((s) => s.output().includes('Redis is not answering')));
      await new Promise((r) => setTimeout(r, 2000));
      expect(servers.map((s) => s.process.exitCode)).toEqual([null, null]);
      expect(onB.text('users').toString()).not.toContain('A4');

      // Redis is back: the next change on either side brings both up to date.
      await relay.restore();
      await waitFor(() => servers.every((s) => s.output().includes('Redis answers again.')), 30_000);
      await waitFor(async () => {
        onA.text('constraints').insert(0, '.');
        await new Promise((r) => setTimeout(r, 300));
        return isDeepStrictEqual(onA.content(), onB.content());
      });
      const converged = onA.content();
      expect(converged.users).toMatch(/^A4 A3 A2 A1 A0 [\s\S]* B0 B1 B2 B3 B4$/);
      await Promise.all([onA.acknowledged(), onB.acknowledged()]);

      for (const s of servers) s.process.kill('SIGKILL');
      for (const c of clients) c.close();
      await Promise.all(servers.map((s) => s.exited));
      servers.length = 0;

      servers.push(await spawnServer(env));
      const after = new RemoteClient(servers[0].url);
      await after.signIn('buyer@demo.test');
      const read = (await after.get(`/api/v1/tenders/${tenderId}`)).body;
      expect([read.summary, read.problem, read.users, read.constraints]).toEqual([
        converged.summary,
        converged.problem,
        converged.users,
        converged.constraints,
      ]);
      const fresh = await connectCollab(servers[0].url, tenderId, after.cookieHeader());
      clients.push(fresh);
      expect(fresh.content()).toEqual(converged);
    } finally {
      for (const c of clients) c.close();
      for (const s of servers) s.process.kill('SIGKILL');
      await Promise.all(servers.map((s) => s.exited));
      await relay.cut();
      await db.drop();
    }
  }, 240_000);
});
