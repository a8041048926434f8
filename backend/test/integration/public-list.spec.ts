import { PUBLIC_TENDER_PAGE_MAX, type PublishedTenderPage, type PublishedTenderSummary, type TenderDetail } from '@openbrief/contracts';
import { DataSource } from 'typeorm';
import { loadSettings } from '../../src/config/settings';
import { standaloneDataSourceOptions } from '../../src/entities';
import { PublishedTender } from '../../src/modules/marketplace/entities/published-tender.entity';
import { PublicCache } from '../../src/modules/marketplace/public-cache/public-cache';
import { encodeCursor } from '../../src/modules/marketplace/public-list-cursor';
import { pageQuery } from '../../src/modules/marketplace/public-tender.service';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { createTestDatabase } from '../support/test-database';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender } from '../support/tender-fixtures';

const LIST = '/api/v1/public/tenders';
const MIGRATION = 'PublishedTenderList1764205200000';

/** The public list pages along its summary rows: bounded work per request, whatever the number of tenders. */
describe('public tender list', () => {
  let t: TestApp;
  let buyer: TestClient;
  let anyone: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    anyone = t.client();
  });
  afterAll(() => t.close());

  async function publish(title: string): Promise<TenderDetail> {
    const d = await createReadyTender(buyer, title);
    const res = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.tender;
  }

  async function page(query = ''): Promise<PublishedTenderPage> {
    const res = await anyone.get(`${LIST}${query}`);
    expect(res.status).toBe(200);
    return res.body;
  }

  /** Every page from the first, following nextCursor. */
  async function walk(limit: number, between: () => Promise<unknown> = async () => undefined): Promise<PublishedTenderSummary[]> {
    const seen: PublishedTenderSummary[] = [];
    let cursor: string | null = null;
    do {
      const p: PublishedTenderPage = await page(`?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(p.items.length).toBeLessThanOrEqual(limit);
      seen.push(...p.items);
      cursor = p.nextCursor;
      await between();
    } while (cursor);
    return seen;
  }

  /** What the list must hold: newest publication first, ties broken by id, as the index orders them. */
  async function expectedOrder(): Promise<string[]> {
    const rows = await t.dataSource.getRepository(PublishedTender).find();
    return rows
      .sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime() || (a.tenderId < b.tenderId ? 1 : a.tenderId > b.tenderId ? -1 : 0))
      .map((r) => r.tenderId);
  }

  it('answers a page with the next cursor and the total, 20 by default', async () => {
    for (let i = 0; i < 4; i++) await publish(`Paged ${i}`);
    const first = await page();
    expect(first.total).toBe(5); // the demo tender and these four
    expect(first.items).toHaveLength(5);
    expect(first.nextCursor).toBeNull();
    const two = await page('?limit=2');
    expect(two.items).toHaveLength(2);
    expect(two.nextCursor).toEqual(expect.any(String));
    expect(two.total).toBe(5);
    expect(two.items.map((i) => i.id)).toEqual((await expectedOrder()).slice(0, 2));
  });

  it('neither repeats nor skips a tender across pages while others are published in between', async () => {
    const before = await expectedOrder();
    const added: string[] = [];
    const seen = await walk(2, async () => added.push((await publish(`Published while paging ${added.length}`)).id));
    expect(seen.map((s) => s.id)).toEqual(before);
    // The new ones are at the top of a fresh first page.
    const fresh = await page(`?limit=${added.length}`);
    expect(new Set(fresh.items.map((i) => i.id))).toEqual(new Set(added));
  });

  it('orders tenders published at the same moment by id, and pages through the tie exactly', async () => {
    // Force a tie on every row (in the past, so later publications still come first): only the id then decides, and the cursor must carry it.
    await t.dataSource
      .getRepository(PublishedTender)
      .createQueryBuilder()
      .update()
      .set({ publishedAt: new Date('2020-01-01T00:00:00.000Z') })
      .execute();
    // Written behind the app's back, so no event drops the cached pages.
    t.app.get(PublicCache).clear();
    const expected = await expectedOrder();
    for (const limit of [1, 3, 4]) expect((await walk(limit)).map((s) => s.id)).toEqual(expected);
  });

  it('refuses a limit out of range or not a whole number, and a cursor it did not give out, with 400', async () => {
    expect((await anyone.get(`${LIST}?limit=${PUBLIC_TENDER_PAGE_MAX}`)).status).toBe(200);
    for (const limit of [String(PUBLIC_TENDER_PAGE_MAX + 1), '0', '-1', 'ten', '2.5', '1e2', '99999999999']) {
      const res = await anyone.get(`${LIST}?limit=${encodeURIComponent(limit)}`);
      expect(res.status).toBe(400);
      expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'limit' })]));
    }
    expect((await anyone.get(`${LIST}?limit=${PUBLIC_TENDER_PAGE_MAX + 1}`)).body.message).toBe(
      `Please check limit: limit must be at most ${PUBLIC_TENDER_PAGE_MAX}.`,
    );
    const notUuid = Buffer.from('1700000000000:not-a-tender').toString('base64url');
    const notTime = Buffer.from('soon:6a1f3c1e-1111-4222-8333-944455556666').toString('base64url');
    const tooLate = Buffer.from('999999999999999:6a1f3c1e-1111-4222-8333-944455556666').toString('base64url');
    for (const cursor of ['%%%', 'x'.repeat(500), notUuid, notTime, tooLate, '', '__proto__']) {
      const res = await anyone.get(`${LIST}?cursor=${encodeURIComponent(cursor)}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        statusCode: 400,
        message: 'Please check cursor: cursor is not one this list gave out: start again from the first page.',
      });
    }
    expect((await anyone.get(`${LIST}?cursor=a&cursor=b`)).status).toBe(400);
    expect((await anyone.get(`${LIST}?page=2`)).status).toBe(400);
    // A well-formed cursor past the end is simply an empty last page.
    const past = await page(`?cursor=${encodeCursor({ publishedAt: new Date(0), tenderId: '6a1f3c1e-1111-4222-8333-944455556666' })}`);
    expect(past).toMatchObject({ items: [], nextCursor: null });
    // The latest moment a cursor may name starts from the newest tender.
    const latest = await page(
      `?cursor=${encodeCursor({ publishedAt: new Date('9999-12-31T23:59:59.999Z'), tenderId: 'ffffffff-ffff-4fff-8fff-ffffffffffff' })}`,
    );
    expect(latest.items.map((i) => i.id)).toEqual((await page()).items.map((i) => i.id));
  });

  it('shows the published snapshot’s values, and the new version’s after a republish', async () => {
    const d = await publish('Summary matches snapshot');
    const listed = async () => (await walk(PUBLIC_TENDER_PAGE_MAX)).find((s) => s.id === d.id);
    const expectMatchesSnapshot = async () => {
      const detail = (await anyone.get(`${LIST}/${d.id}`)).body;
      const s = detail.tender as TenderDetail;
      expect(await listed()).toEqual({
        id: s.id,
        reference: s.reference,
        title: s.title,
        buyerName: s.buyer.name,
        summary: s.summary,
        estimatedValue: s.estimatedValue,
        currency: s.budget.currency,
        submissionDeadline: s.timetable.submissionDeadline,
        publishedAt: detail.publishedAt,
        version: detail.version,
        mainCategory: s.mainCategory,
        regions: s.regions,
        state: 'open',
        suitableForSmallSuppliers: detail.openness.suitableForSmallSuppliers,
      });
      return detail;
    };
    expect((await expectMatchesSnapshot()).version).toBe(1);

    const current = (await buyer.get(`/api/v1/tenders/${d.id}`)).body as TenderDetail;
    const content = toTenderContent(current);
    content.title = 'Summary matches snapshot, corrected';
    content.summary = 'Corrected: carers can apply as well.';
    content.estimatedValue = 250_000.5;
    content.budget = { ...content.budget, currency: 'EUR' };
    const saved = await buyer.put(`/api/v1/tenders/${d.id}`, { revision: current.revision, content });
    expect(saved.status).toBe(200);
    // Unpublished edits stay private.
    expect((await listed())?.title).toBe('Summary matches snapshot');
    const v2 = await buyer.post(`/api/v1/tenders/${d.id}/publish`, {
      revision: saved.body.revision,
      changeNote: 'Title and value corrected.',
    });
    expect(v2.status).toBe(201);
    expect(await expectMatchesSnapshot()).toMatchObject({ version: 2, tender: { title: content.title, estimatedValue: 250_000.5 } });
    // A republished tender is news again: it is first.
    expect((await page('?limit=1')).items[0].id).toBe(d.id);
  });

  it('drops a cancelled tender from the list and the total', async () => {
    const d = await publish('To be cancelled');
    const total = (await page()).total;
    const cancelled = await buyer.post(`/api/v1/tenders/${d.id}/status`, {
      revision: d.revision,
      status: 'cancelled',
      reason: 'Funding withdrawn.',
    });
    expect(cancelled.status).toBe(201);
    const after = await page(`?limit=${PUBLIC_TENDER_PAGE_MAX}`);
    expect(after.total).toBe(total - 1);
    expect(after.items.map((i) => i.id)).not.toContain(d.id);
    expect(await t.dataSource.getRepository(PublishedTender).countBy({ tenderId: d.id })).toBe(0);
  });

  it('reads the page along ix_published_tender_order, with no sort step', async () => {
    const cursor = { publishedAt: new Date(), tenderId: '6a1f3c1e-1111-4222-8333-944455556666' };
    for (const after of [null, cursor]) {
      const [sql, params] = pageQuery(t.dataSource, after, 21).getQueryAndParameters();
      if (t.db.kind === 'postgres') {
        // The table is tiny here, so the planner would rightly read it whole (or by bitmap, then sort). Forbid those two
        // reads, not sorting: if the index could not give the order, the plan would still show a Sort.
        const plan = await t.dataSource.transaction(async (tx) => {
          await tx.query('SET LOCAL enable_seqscan = off');
          await tx.query('SET LOCAL enable_bitmapscan = off');
          return ((await tx.query(`EXPLAIN ${sql}`, params)) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
        });
        expect(plan).toMatch(/Index Scan Backward using ix_published_tender_order/);
        expect(plan).not.toMatch(/Sort/);
        if (after) expect(plan).toMatch(/Index Cond:/);
      } else {
        const plan = ((await t.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params)) as { detail: string }[])
          .map((r) => r.detail)
          .join('\n');
        expect(plan).toMatch(/USING INDEX ix_published_tender_order/);
        expect(plan).not.toMatch(/TEMP B-TREE/);
        if (after) expect(plan).toMatch(/^SEARCH /);
      }
    }
  });
});

describe('the migration that adds the public list', () => {
  it('backfills one row per public tender from its latest published snapshot', async () => {
    const db = await createTestDatabase();
    const t = await startTestApp({}, { db });
    let running = true;
    try {
      const buyer = t.client();
      await buyer.signIn('buyer@demo.test');
      const republished = await createReadyTender(buyer, 'Backfilled after a republish');
      const v1 = await buyer.post(`/api/v1/tenders/${republished.id}/publish`, { revision: republished.revision });
      const content = toTenderContent(v1.body.tender);
      content.title = 'Backfilled after a republish, version 2';
      const saved = await buyer.put(`/api/v1/tenders/${republished.id}`, { revision: v1.body.tender.revision, content });
      expect(
        (await buyer.post(`/api/v1/tenders/${republished.id}/publish`, { revision: saved.body.revision, changeNote: 'New title.' })).status,
      ).toBe(201);
      const cancelled = await createReadyTender(buyer, 'Cancelled before the migration');
      const pub = await buyer.post(`/api/v1/tenders/${cancelled.id}/publish`, { revision: cancelled.revision });
      await buyer.post(`/api/v1/tenders/${cancelled.id}/status`, {
        revision: pub.body.tender.revision,
        status: 'cancelled',
        reason: 'Funding withdrawn.',
      });
      const listedBefore = await t.client().get(`${LIST}?limit=${PUBLIC_TENDER_PAGE_MAX}`);
      expect(listedBefore.body.total).toBe(2);
      const rowsBefore = await t.dataSource.getRepository(PublishedTender).find({ order: { tenderId: 'ASC' } });
      await t.close();
      running = false;

      // Back to the schema before this migration (undoing any later ones first), then forward again: the backfill runs on existing versions.
      const ds = new DataSource(standaloneDataSourceOptions(loadSettings({ ...db.env }).database));
      await ds.initialize();
      try {
        const applied = async () => ((await ds.query('SELECT name FROM migrations')) as { name: string }[]).map((r) => r.name);
        while ((await applied()).includes(MIGRATION)) await ds.undoLastMigration({ transaction: 'each' });
        expect(await ds.createQueryRunner().hasTable('published_tender')).toBe(false);
        await ds.runMigrations({ transaction: 'each' });
        const rowsAfter = await ds.getRepository(PublishedTender).find({ order: { tenderId: 'ASC' } });
        expect(rowsAfter).toEqual(rowsBefore);
        expect(rowsAfter.find((r) => r.tenderId === republished.id)).toMatchObject({
          version: 2,
          title: 'Backfilled after a republish, version 2',
        });
        expect(rowsAfter.map((r) => r.tenderId)).not.toContain(cancelled.id);
      } finally {
        await ds.destroy();
      }
    } finally {
      if (running) await t.close();
      await db.drop();
    }
  });
});
