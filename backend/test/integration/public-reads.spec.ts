import { type PublishedTenderPage, type PublishedTenderView, type TenderDetail } from '@openbrief/contracts';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Clock } from '../../src/common/clock/clock';
import { SessionService } from '../../src/modules/identity/session.service';
import { PublishedTender } from '../../src/modules/marketplace/entities/published-tender.entity';
import { PublicCache } from '../../src/modules/marketplace/public-cache/public-cache';
import { PublicTenderService } from '../../src/modules/marketplace/public-tender.service';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { createReadyTender } from '../support/tender-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { testRedisUrl } from '../support/test-services';

const LIST = '/api/v1/public/tenders';
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const REVALIDATE = /^public, max-age=0, s-maxage=(\d+), must-revalidate$/;
const redisUrl = testRedisUrl('the tests of the public cache across instances');
const withRedis = redisUrl ? describe : describe.skip;

/** Asks `probe` until it is true, for up to `ms` (the other instance hears of the change through Redis). */
async function eventually(probe: () => Promise<boolean>, ms = 15_000): Promise<boolean> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await probe()) return true;
    await new Promise((r) => setImmediate(r));
  }
  return probe();
}

interface Read {
  status: number;
  body: Buffer;
  etag: string | null;
  cacheControl: string | null;
  setCookie: string[];
  headers: Headers;
}

/** Public reads: pre-serialised bodies kept in memory, strong ETags and 304s, Cache-Control, and no session or cookie work. */
describe('fast public reads', () => {
  let t: TestApp;
  let buyer: TestClient;
  let supplier: TestClient;
  let dist: string;
  let cache: PublicCache;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'openbrief-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Openbrief</title><app-root></app-root>');
    writeFileSync(join(dist, 'main-ABC123.js'), 'console.log("app")');
    t = await startTestApp({ FRONTEND_DIST: dist });
    cache = t.app.get(PublicCache);
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    supplier = t.client();
    await supplier.signIn('supplier@demo.test');
  });
  afterAll(async () => {
    await t?.close();
    rmSync(dist, { recursive: true, force: true });
  });
  afterEach(() => jest.restoreAllMocks());

  /** A GET as a browser sends it (its cookies, if any), read whole. */
  async function read(path: string, headers: Record<string, string> = {}): Promise<Read> {
    const res = await fetch(t.url + path, { headers });
    return {
      status: res.status,
      body: Buffer.from(await res.arrayBuffer()),
      etag: res.headers.get('etag'),
      cacheControl: res.headers.get('cache-control'),
      setCookie: res.headers.getSetCookie(),
      headers: res.headers,
    };
  }

  async function publish(title: string): Promise<TenderDetail> {
    const d = await createReadyTender(buyer, title);
    const res = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.tender;
  }

  async function republish(id: string, title: string): Promise<TenderDetail> {
    const current = (await buyer.get(`/api/v1/tenders/${id}`)).body as TenderDetail;
    const content = toTenderContent(current);
    content.title = title;
    const saved = await buyer.put(`/api/v1/tenders/${id}`, { revision: current.revision, content });
    expect(saved.status).toBe(200);
    const res = await buyer.post(`/api/v1/tenders/${id}/publish`, { revision: saved.body.revision, changeNote: 'Title corrected.' });
    expect(res.status).toBe(201);
    return res.body.tender;
  }

  const routes = (id: string) => ({
    list: LIST,
    search: `${LIST}?limit=3`,
    latest: `${LIST}/${id}`,
    version: `${LIST}/${id}/versions/1`,
    latestPack: `${LIST}/${id}/pack.pdf`,
    versionPack: `${LIST}/${id}/versions/1/pack.pdf`,
  });

  describe('ETags and 304', () => {
    it('gives every public read a strong ETag, the SHA-256 of its body, and answers If-None-Match with 304 and no body', async () => {
      const d = await publish('Tagged reads');
      for (const path of Object.values(routes(d.id))) {
        const first = await read(path);
        expect([path, first.status]).toEqual([path, 200]);
        expect(first.etag).toBe(`"${sha256(first.body)}"`);
        const again = await read(path);
        expect([path, again.status, again.etag, sha256(again.body)]).toEqual([path, 200, first.etag, sha256(first.body)]);
        for (const ifNoneMatch of [first.etag!, `W/${first.etag}`, `"other", ${first.etag}`, '*']) {
          const notModified = await read(path, { 'If-None-Match': ifNoneMatch });
          expect([path, ifNoneMatch, notModified.status, notModified.body.length]).toEqual([path, ifNoneMatch, 304, 0]);
          expect(notModified.etag).toBe(first.etag);
          expect(notModified.cacheControl).toBe(first.cacheControl);
        }
        const stale = await read(path, { 'If-None-Match': '"not-this-one"' });
        expect([path, stale.status, stale.etag]).toEqual([path, 200, first.etag]);
      }
    });

    it('answers 304 on the first read too, when nothing was cached yet', async () => {
      const d = await publish('Tagged before caching');
      const { latest } = routes(d.id);
      const first = await read(latest);
      cache.clear();
      expect((await read(latest, { 'If-None-Match': first.etag! })).status).toBe(304);
    });

    it('sends the pack with its SHA-256 as both ETag and X-Content-SHA256, and its file name, from the cache too', async () => {
      const d = await publish('Pack tagged');
      const { latestPack, versionPack } = routes(d.id);
      for (const path of [latestPack, versionPack, latestPack]) {
        const res = await read(path);
        expect(res.headers.get('content-type')).toBe('application/pdf');
        expect(res.headers.get('x-content-sha256')).toBe(sha256(res.body));
        expect(res.headers.get('content-disposition')).toBe(`attachment; filename="${d.reference}-v1.pdf"`);
        expect(res.body.subarray(0, 5).toString()).toBe('%PDF-');
      }
    });
  });

  describe('Cache-Control', () => {
    it('lets a CDN keep lists and latest pages briefly, and a version’s pack for a day as immutable', async () => {
      const d = await publish('Cache lifetimes');
      const r = routes(d.id);
      for (const path of [r.list, r.search, r.latest, r.version, r.latestPack]) {
        for (const attempt of ['miss', 'hit']) {
          const res = await read(path);
          expect([path, attempt, res.cacheControl]).toEqual([path, attempt, expect.stringMatching(REVALIDATE)]);
          expect(Number(REVALIDATE.exec(res.cacheControl!)![1])).toBeLessThanOrEqual(30);
        }
      }
      for (const attempt of ['miss', 'hit']) {
        expect([attempt, (await read(r.versionPack)).cacheControl]).toEqual([attempt, 'public, max-age=86400, immutable']);
      }
    });

    it('keeps no error: a missing tender or version is a 404 that is asked for again, not cached', async () => {
      const d = await publish('Errors not kept');
      const versions = jest.spyOn(t.app.get(PublicTenderService), 'version');
      const missing = `${LIST}/${d.id}/versions/9`;
      for (let i = 0; i < 2; i++) {
        const res = await read(missing);
        expect(res.status).toBe(404);
        expect(res.etag).toBeNull();
        expect(res.cacheControl).not.toMatch(/s-maxage|immutable/);
      }
      expect(versions).toHaveBeenCalledTimes(2);
      expect((await read(`${LIST}/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    });
  });

  describe('invalidation', () => {
    it('answers from memory without running the controller again, until the tender is republished', async () => {
      const d = await publish('Before correction');
      const r = routes(d.id);
      const service = t.app.get(PublicTenderService);
      const gets = jest.spyOn(service, 'get');
      const lists = jest.spyOn(service, 'list');
      const before = {
        latest: await read(r.latest),
        list: await read(r.list),
        pack: await read(r.latestPack),
        v1: await read(r.versionPack),
      };
      await read(r.latest);
      await read(r.list);
      expect([gets.mock.calls.length, lists.mock.calls.length]).toEqual([1, 1]);

      await republish(d.id, 'After correction');
      const latest = await read(r.latest);
      expect((JSON.parse(latest.body.toString()) as PublishedTenderView).tender.title).toBe('After correction');
      expect(latest.etag).not.toBe(before.latest.etag);
      expect((await read(r.latest, { 'If-None-Match': before.latest.etag! })).status).toBe(200);
      const list = JSON.parse((await read(r.list)).body.toString()) as PublishedTenderPage;
      expect(list.items.find((i) => i.id === d.id)?.title).toBe('After correction');
      expect((await read(r.latestPack)).etag).not.toBe(before.pack.etag);
      // Version 1's pack is the same bytes as before: same ETag.
      expect((await read(r.versionPack)).etag).toBe(before.v1.etag);
      expect(JSON.parse((await read(`${LIST}/${d.id}/versions/2`)).body.toString()).tender.title).toBe('After correction');
    });

    it('drops a cancelled tender everywhere at once: its pages and packs are 404, the list leaves it out', async () => {
      const d = await publish('To be withdrawn');
      const r = routes(d.id);
      for (const path of Object.values(r)) expect([path, (await read(path)).status]).toEqual([path, 200]);
      expect((JSON.parse((await read(r.list)).body.toString()) as PublishedTenderPage).items.map((i) => i.id)).toContain(d.id);

      const cancelled = await buyer.post(`/api/v1/tenders/${d.id}/status`, {
        revision: d.revision,
        status: 'cancelled',
        reason: 'Funding withdrawn.',
      });
      expect(cancelled.status).toBe(201);
      for (const path of [r.latest, r.version, r.latestPack, r.versionPack]) expect([path, (await read(path)).status]).toEqual([path, 404]);
      expect((JSON.parse((await read(r.list)).body.toString()) as PublishedTenderPage).items.map((i) => i.id)).not.toContain(d.id);
    });

    it('lets a list or page live no longer than the next deadline it may show, with no publication in between', async () => {
      const d = await publish('Deadline ahead');
      const service = t.app.get(PublicTenderService);
      const lists = jest.spyOn(service, 'list');
      const gets = jest.spyOn(service, 'get');
      // The next deadline among all public tenders (the list may change then), and this tender's own.
      const next = await t.dataSource
        .getRepository(PublishedTender)
        .createQueryBuilder('p')
        .where('p.submission_deadline > :now', { now: new Date() })
        .orderBy('p.submission_deadline', 'ASC')
        .getOneOrFail();
      const listDeadline = next.submissionDeadline!.getTime();
      const ownDeadline = Date.parse(d.timetable.submissionDeadline!);
      const clock = jest.spyOn(t.app.get(Clock), 'now');

      // Ten seconds before: read twice (the second from memory), then one second after: read afresh, and the
      // tender whose deadline passed is no longer open. Every tender of this file fits on one page of 100.
      const page = `${LIST}?limit=100`;
      const stateOf = async () => {
        const body = JSON.parse((await read(page)).body.toString()) as PublishedTenderPage;
        return body.items.find((i) => i.id === next.tenderId)?.state;
      };
      cache.clear();
      clock.mockReturnValue(new Date(listDeadline - 10_000));
      expect(await stateOf()).toBe('open');
      expect(await stateOf()).toBe('open');
      expect(lists).toHaveBeenCalledTimes(1);
      clock.mockReturnValue(new Date(listDeadline + 1_000));
      expect(await stateOf()).toBe('closed');
      expect(lists).toHaveBeenCalledTimes(2);

      clock.mockReturnValue(new Date(ownDeadline - 10_000));
      await read(`${LIST}/${d.id}`);
      await read(`${LIST}/${d.id}`);
      expect(gets).toHaveBeenCalledTimes(1);
      clock.mockReturnValue(new Date(ownDeadline + 1_000));
      await read(`${LIST}/${d.id}`);
      expect(gets).toHaveBeenCalledTimes(2);
    });
  });

  describe('the same for everyone, with no session or cookie work', () => {
    it('answers a signed-in buyer, a supplier and an anonymous visitor with the same bytes and ETag, cached or not', async () => {
      const d = await publish('Same for all');
      const visitors = { anonymous: {}, buyer: { Cookie: buyer.cookieHeader() }, supplier: { Cookie: supplier.cookieHeader() } };
      for (const path of Object.values(routes(d.id))) {
        for (const first of Object.keys(visitors) as (keyof typeof visitors)[]) {
          cache.clear();
          const reads = [await read(path, visitors[first])];
          for (const headers of Object.values(visitors)) reads.push(await read(path, headers));
          const distinct = new Set(reads.map((r) => `${r.status} ${r.etag} ${sha256(r.body)} ${r.cacheControl}`));
          expect([path, first, distinct.size]).toEqual([path, first, 1]);
        }
      }
    });

    it('sets no cookie on a public read, anonymous or signed in, even with an out-of-date security token', async () => {
      const d = await publish('No cookies');
      for (const path of Object.values(routes(d.id))) {
        for (const headers of [
          {} as Record<string, string>,
          { Cookie: buyer.cookieHeader() },
          { Cookie: `${buyer.cookieHeader()}; XSRF-TOKEN=stale` },
        ]) {
          for (const attempt of ['miss', 'hit']) {
            if (attempt === 'miss') cache.clear();
            expect([path, attempt, (await read(path, headers)).setCookie]).toEqual([path, attempt, []]);
          }
        }
      }
      // The app's first call still gets its token, so signing in works from a fresh browser.
      expect((await read('/api/v1/auth/session')).setCookie.some((c) => c.startsWith('XSRF-TOKEN='))).toBe(true);
      const fresh = t.client();
      expect((await fresh.signIn('supplier@demo.test')).status).toBe(200);
    });

    it('does not look the session up on public reads; personal routes, public or private, still see it', async () => {
      const d = await publish('No session lookup');
      const resolve = jest.spyOn(t.app.get(SessionService), 'resolve');
      cache.clear();
      for (const path of Object.values(routes(d.id))) expect((await read(path, { Cookie: buyer.cookieHeader() })).status).toBe(200);
      expect((await read(`${LIST}/${d.id}/versions/7`, { Cookie: buyer.cookieHeader() })).status).toBe(404);
      expect(resolve).not.toHaveBeenCalled();

      const session = await read('/api/v1/auth/session', { Cookie: buyer.cookieHeader() });
      expect(JSON.parse(session.body.toString()).user).toMatchObject({ email: 'buyer@demo.test' });
      const me = await buyer.get('/api/v1/auth/me');
      expect([me.status, me.body.email]).toEqual([200, 'buyer@demo.test']);
      expect((await buyer.get('/api/v1/tenders')).status).toBe(200);
      expect(resolve).toHaveBeenCalledTimes(3);
      // Signed out: a private route refuses, a public read answers as before.
      expect((await read('/api/v1/tenders')).status).toBe(401);
      expect((await read(`${LIST}/${d.id}`)).status).toBe(200);
    });
  });

  describe('static files after the API', () => {
    it('touches no file on disk for an API request, and still serves the app and its files', async () => {
      // The module object itself (what @fastify/send calls), not an import's copy of it.
      const stat = jest.spyOn(jest.requireActual<typeof import('node:fs')>('node:fs'), 'stat');
      const d = await publish('No disk');
      cache.clear();
      stat.mockClear();
      for (const path of [LIST, `${LIST}/${d.id}`, '/api/health', '/api/v1/no-such-thing']) await read(path);
      expect(stat).not.toHaveBeenCalled();

      const shell = await read('/tenders/123');
      expect([shell.status, shell.headers.get('content-type'), shell.body.toString()]).toEqual([
        200,
        expect.stringMatching(/^text\/html/),
        expect.stringContaining('<app-root>'),
      ]);
      expect((await read('/main-ABC123.js')).body.toString()).toBe('console.log("app")');
      // The spy does see the disk: the app's shell is a file read at each request.
      expect(stat).toHaveBeenCalled();
    });
  });
});

/** Several instances on one database: a change on one drops the others' cached reads, through Redis, well inside the TTL. */
withRedis('fast public reads on several instances', () => {
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp;
  let buyer: TestClient;
  beforeAll(async () => {
    db = await createTestDatabase();
    a = await startTestApp({ REDIS_URL: redisUrl! }, { db });
    b = await startTestApp({ REDIS_URL: redisUrl! }, { db });
    buyer = a.client();
    await buyer.signIn('buyer@demo.test');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await db?.drop();
  });

  const titleOn = async (app: TestApp, path: string) => ((await (await fetch(app.url + path)).json()) as PublishedTenderView).tender?.title;
  const listedOn = async (app: TestApp) => ((await (await fetch(app.url + LIST)).json()) as PublishedTenderPage).items.map((i) => i.title);

  it('shows a republication and a cancellation made on one instance on the other', async () => {
    const d = await createReadyTender(buyer, 'Shared first title');
    const first = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    expect(first.status).toBe(201);
    const latest = `${LIST}/${d.id}`;
    const service = jest.spyOn(b.app.get(PublicTenderService), 'get');
    expect(await titleOn(b, latest)).toBe('Shared first title');
    expect(await titleOn(b, latest)).toBe('Shared first title');
    expect(await listedOn(b)).toContain('Shared first title');
    expect(service).toHaveBeenCalledTimes(1); // the second read came from b's memory

    const current = (await buyer.get(`/api/v1/tenders/${d.id}`)).body as TenderDetail;
    const content = toTenderContent(current);
    content.title = 'Shared second title';
    const saved = await buyer.put(`/api/v1/tenders/${d.id}`, { revision: current.revision, content });
    const second = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: saved.body.revision, changeNote: 'Renamed.' });
    expect(second.status).toBe(201);
    expect(await eventually(async () => (await titleOn(b, latest)) === 'Shared second title')).toBe(true);
    expect(await listedOn(b)).toContain('Shared second title');

    const cancelled = await buyer.post(`/api/v1/tenders/${d.id}/status`, {
      revision: second.body.tender.revision,
      status: 'cancelled',
      reason: 'Funding withdrawn.',
    });
    expect(cancelled.status).toBe(201);
    expect(await eventually(async () => (await fetch(b.url + latest)).status === 404)).toBe(true);
    expect(await listedOn(b)).not.toContain('Shared second title');
  });
});
