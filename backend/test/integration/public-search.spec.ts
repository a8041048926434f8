import {
  Procedure,
  ProcurementCategory,
  PUBLIC_SEARCH_LIMITS,
  Role,
  type ItlRegion,
  type PublicTenderSearch,
  type PublishedTenderPage,
  type PublishedTenderSummary,
  type PublishedTenderView,
  type TenderContent,
  type TenderDetail,
} from '@openbrief/contracts';
import { DataSource } from 'typeorm';
import { Clock } from '../../src/common/clock/clock';
import { DomainEvents } from '../../src/common/events/domain-events.service';
import { SYSTEM_ACTOR, TenderStatusChanged } from '../../src/common/events/domain-events';
import { loadSettings } from '../../src/config/settings';
import { standaloneDataSourceOptions } from '../../src/entities';
import { PublishedTender } from '../../src/modules/marketplace/entities/published-tender.entity';
import { PublicTenderService } from '../../src/modules/marketplace/public-tender.service';
import { listSearch, matchingQuery, pageOf } from '../../src/modules/marketplace/search/public-search';
import { TenderSearch } from '../../src/modules/marketplace/search/tender-search';
import { signInElsewhere } from '../support/other-organisation';
import { createTestDatabase } from '../support/test-database';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender, readyContent } from '../support/tender-fixtures';

const LIST = '/api/v1/public/tenders';
const DAY = 86_400_000;
/** Every tender here says this word in its summary, so a search for it (plus a filter) sees only them, not the demo tenders. */
const MINE = 'quillfeather';

interface Spec {
  title: string;
  summary: string;
  outcome: string;
  deadlineDays: number;
  value: number | null;
  category: ProcurementCategory;
  regions: ItlRegion[];
  procedure?: Procedure;
  other?: boolean;
}

/** The same tenders on both databases; each case below names the ones it must find, in order where the sort decides. */
const TENDERS: Record<string, Spec> = {
  T1: {
    title: 'Zebracorn transport booking with quokka',
    summary: `Quokka families book ${MINE} rides online.`,
    outcome: 'Families can book a quokka ride on a phone.',
    deadlineDays: 5,
    value: 20_000,
    category: ProcurementCategory.Services,
    regions: [],
  },
  T2: {
    title: 'Moorland drainage works',
    summary: `Drains on the ${MINE} moor are cleared every spring.`,
    outcome: 'Water leaves the moor road within a day of heavy rain, and the quokka path stays open all year round.',
    deadlineDays: 15,
    value: 3_000_000,
    category: ProcurementCategory.Works,
    regions: ['TLK'],
  },
  T3: {
    title: 'Library laptops supply',
    summary: `Readers borrow ${MINE} laptops at every branch.`,
    outcome: 'Zebracornish readers can borrow a laptop for a week.',
    deadlineDays: 10,
    value: 60_000,
    category: ProcurementCategory.Goods,
    regions: ['TLI', 'TLJ'],
    other: true,
  },
  T4: {
    title: 'Café meals for day centres',
    summary: `Hot ${MINE} meals reach every day centre by noon.`,
    outcome: 'Each guest gets a hot meal they chose.',
    deadlineDays: 25,
    value: 300_000,
    category: ProcurementCategory.Services,
    regions: ['TLI'],
    procedure: Procedure.FrameworkCallOff,
  },
  T5: {
    title: 'Parks maintenance',
    summary: `Quokka lawns in ${MINE} park are cut each week.`,
    outcome: 'Grass in the park stays short in summer.',
    deadlineDays: 8,
    value: null,
    category: ProcurementCategory.Works,
    regions: ['TLC'],
  },
  T6: {
    title: 'Zebracorn helpline',
    summary: `Callers reach the ${MINE} helpline quickly.`,
    outcome: 'Callers get an answer within a day.',
    deadlineDays: 12,
    value: 100_000,
    category: ProcurementCategory.Services,
    regions: ['TLK'],
  },
};
type Name = keyof typeof TENDERS;

/** The same search, filters and pages on SQLite and PostgreSQL: the suite runs this file under both TEST_DATABASE settings. */
describe('finding public tenders: search, filters and sorting', () => {
  let t: TestApp;
  let buyer: TestClient;
  let other: TestClient;
  let anyone: TestClient;
  const ids = {} as Record<Name, string>;
  const deadlines = {} as Record<Name, string>;
  const name = (id: string) => (Object.keys(ids) as Name[]).find((n) => ids[n] === id) ?? `other:${id}`;

  async function publish(client: TestClient, spec: Spec, adjust: (c: TenderContent) => void = () => undefined): Promise<TenderDetail> {
    const draft = await createReadyTender(client, spec.title);
    const c = readyContent(draft);
    const deadline = new Date(Date.now() + spec.deadlineDays * DAY);
    c.title = spec.title;
    c.summary = spec.summary;
    c.lots[0].requirements[0].outcome = spec.outcome;
    c.timetable = {
      ...c.timetable,
      clarificationDeadline: new Date(deadline.getTime() - 2 * DAY).toISOString(),
      submissionDeadline: deadline.toISOString(),
    };
    c.estimatedValue = spec.value;
    c.mainCategory = spec.category;
    c.regions = spec.regions;
    c.procedure = spec.procedure ?? Procedure.Open;
    c.singleLotReason = 'One service: splitting it would leave people with two points of contact.';
    adjust(c);
    const saved = await client.put(`/api/v1/tenders/${draft.id}`, { revision: draft.revision, content: c });
    if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${JSON.stringify(saved.body)}`);
    const res = await client.post(`/api/v1/tenders/${draft.id}/publish`, { revision: saved.body.revision });
    if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.tender;
  }

  async function list(query: string): Promise<PublishedTenderPage> {
    const res = await anyone.get(`${LIST}?${query}`);
    if (res.status !== 200) throw new Error(`${query}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  /** Every page from the first, following nextCursor, as names. */
  async function walk(query: string, limit: number): Promise<string[]> {
    const seen: PublishedTenderSummary[] = [];
    let cursor: string | null = null;
    let total: number | null = null;
    do {
      const p: PublishedTenderPage = await list(`${query}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(p.items.length).toBeLessThanOrEqual(limit);
      total ??= p.total;
      expect(p.total).toBe(total);
      seen.push(...p.items);
      cursor = p.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(total!);
    return seen.map((s) => name(s.id));
  }

  const found = async (query: string) => (await list(`${query}&limit=100`)).items.map((i) => name(i.id));
  const foundSet = async (query: string) => (await found(query)).sort();

  beforeAll(async () => {
    t = await startTestApp();
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    other = await signInElsewhere(t, { email: 'buyer@other-council.test', name: 'Olu Other', role: Role.Buyer });
    anyone = t.client();
    for (const n of Object.keys(TENDERS) as Name[]) {
      const spec = TENDERS[n];
      const published = await publish(spec.other ? other : buyer, spec, (c) => {
        // The large one is divided into nothing: one lot worth £3 million (the small-supplier lots test fails).
        if (n === 'T2') c.lots[0].estimatedValue = 3_000_000;
      });
      ids[n] = published.id;
      deadlines[n] = published.timetable.submissionDeadline!;
    }
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  describe('words', () => {
    it('finds every word, the last also as the start of a word, in titles, summaries, outcomes and buyers’ names', async () => {
      expect(await foundSet('q=zebracorn')).toEqual(['T1', 'T3', 'T6']); // T3: "Zebracornish" in an outcome
      expect(await foundSet('q=zebracorn%20helpline')).toEqual(['T6']);
      expect(await foundSet('q=helpline%20zebrac')).toEqual(['T6']);
      expect(await foundSet('q=laptop')).toEqual(['T3']); // "laptops" in the title, "laptop" in an outcome
      expect(await foundSet('q=quokka%20ride')).toEqual(['T1']); // an outcome
      expect(await foundSet(`q=${MINE}%20other%20council`)).toEqual(['T3']); // the buyer's name
      expect(await foundSet('q=zebracorn%20moor')).toEqual([]); // all words must match
      // Only the last word is a prefix.
      expect(await foundSet('q=zebra%20helpline')).toEqual([]);
    });

    it('ignores case and accents, and treats punctuation and query syntax as spaces', async () => {
      expect(await foundSet('q=cafe')).toEqual(['T4']);
      expect(await foundSet(`q=${encodeURIComponent('CAFÉ Meals')}`)).toEqual(['T4']);
      expect(await foundSet(`q=${encodeURIComponent('"zebracorn"*')}`)).toEqual(['T1', 'T3', 'T6']);
      expect(await foundSet(`q=${encodeURIComponent('zebracorn -helpline')}`)).toEqual(['T6']); // "-" is not NOT
      expect(await foundSet(`q=${encodeURIComponent('helpline:zebracorn')}`)).toEqual(['T6']);
      for (const odd of [
        '"zebracorn" OR (laptops*) NEAR/2 -x',
        'zebracorn AND NOT helpline',
        "'; DROP TABLE published_tender; --",
        'title:zebracorn^2 {x} [y] ~z',
        'Ελλάδα Москва 東京',
        '\u0000zebracorn\u202e',
        'a & b | !c <-> d:*',
      ]) {
        const res = await anyone.get(`${LIST}?q=${encodeURIComponent(odd)}`);
        expect(res.status).toBe(200);
        expect(res.body.items.every((i: PublishedTenderSummary) => typeof i.id === 'string')).toBe(true);
      }
      expect(await foundSet(`q=${encodeURIComponent('"zebracorn" OR (laptops*)')}`)).toEqual([]); // "or" is a word to find
      expect(await t.dataSource.getRepository(PublishedTender).count()).toBeGreaterThan(Object.keys(TENDERS).length);
    });

    it('answers a search with no searchable word (emoji, punctuation, spaces) with the whole list', async () => {
      const all = await list('limit=100');
      for (const q of ['🦓🦄', '  ', '!!! ??? ***', '""', '-']) {
        const res = await list(`q=${encodeURIComponent(q)}&limit=100`);
        expect(res.total).toBe(all.total);
        expect(res.items.map((i) => i.id)).toEqual(all.items.map((i) => i.id));
      }
    });

    it('refuses a search too long or with too many words with 400 and a clear message, and takes one at the limits', async () => {
      const long = await anyone.get(`${LIST}?q=${'a'.repeat(10_000)}`);
      expect(long.status).toBe(400);
      expect(long.body.message).toBe(`Please check q: q must be at most ${PUBLIC_SEARCH_LIMITS.query} characters.`);
      const thirteen = Array.from({ length: PUBLIC_SEARCH_LIMITS.terms + 1 }, (_, i) => `w${i}`);
      const many = await anyone.get(`${LIST}?q=${thirteen.join('%20')}`);
      expect(many.status).toBe(400);
      expect(many.body.message).toBe(
        `Please check q: q must have at most ${PUBLIC_SEARCH_LIMITS.terms} words: leave out the less important ones.`,
      );
      // Words joined by punctuation are still words.
      expect((await anyone.get(`${LIST}?q=${thirteen.join('-')}`)).status).toBe(400);
      expect((await anyone.get(`${LIST}?q=${thirteen.slice(1).join('%20')}`)).status).toBe(200);
      expect((await anyone.get(`${LIST}?q=${'z'.repeat(PUBLIC_SEARCH_LIMITS.query)}`)).status).toBe(200);
      expect((await anyone.get(`${LIST}?q=a&q=b`)).status).toBe(400);
    });
  });

  describe('filters', () => {
    it('filters by buyer (the exact name), category, region (tenders for anywhere in the UK included) and value band', async () => {
      const mine = `q=${MINE}`;
      expect(await foundSet(`${mine}&buyer=Other%20Council`)).toEqual(['T3']);
      expect(await foundSet(`${mine}&buyer=other%20council`)).toEqual([]);
      expect(await foundSet(`${mine}&category=works`)).toEqual(['T2', 'T5']);
      expect(await foundSet(`${mine}&category=goods`)).toEqual(['T3']);
      expect(await foundSet(`${mine}&region=TLK`)).toEqual(['T1', 'T2', 'T6']);
      expect(await foundSet(`${mine}&region=TLI`)).toEqual(['T1', 'T3', 'T4']);
      expect(await foundSet(`${mine}&region=TLN`)).toEqual(['T1']);
      expect(await foundSet(`${mine}&value=under-25k`)).toEqual(['T1']);
      expect(await foundSet(`${mine}&value=25k-100k`)).toEqual(['T3']);
      expect(await foundSet(`${mine}&value=100k-500k`)).toEqual(['T4', 'T6']); // £100,000 is in the band it starts
      expect(await foundSet(`${mine}&value=500k-2m`)).toEqual([]);
      expect(await foundSet(`${mine}&value=over-2m`)).toEqual(['T2']);
      // Without q too: every tender listed passes the filter.
      const works = await list('category=works&limit=100');
      expect(works.items.every((i) => i.mainCategory === 'works')).toBe(true);
      expect(works.items.map((i) => name(i.id))).toEqual(expect.arrayContaining(['T2', 'T5']));
      const tlk = await list('region=TLK&limit=100');
      expect(tlk.items.every((i) => i.regions.length === 0 || i.regions.includes('TLK'))).toBe(true);
    });

    it('filters by closing date, UK days inclusive at both ends', async () => {
      const ukDay = (iso: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(iso));
      expect(await foundSet(`q=${MINE}&closingFrom=${ukDay(deadlines.T3)}&closingTo=${ukDay(deadlines.T6)}`)).toEqual(['T3', 'T6']);
      expect(await foundSet(`q=${MINE}&closingFrom=${ukDay(deadlines.T2)}`)).toEqual(['T2', 'T4']);
      expect(await foundSet(`q=${MINE}&closingTo=${ukDay(deadlines.T1)}`)).toEqual(['T1']);
      expect(await foundSet(`q=${MINE}&closingFrom=${ukDay(deadlines.T4)}&closingTo=${ukDay(deadlines.T4)}`)).toEqual(['T4']);
    });

    it('marks suitability for small suppliers from the checker, with the reasons on the tender page, and filters by it', async () => {
      const view = async (n: Name) => (await anyone.get(`${LIST}/${ids[n]}`)).body as PublishedTenderView;
      const t2 = (await view('T2')).openness;
      expect(t2.suitableForSmallSuppliers).toBe(false);
      expect(t2.reasons.find((r) => r.test === 'lots')).toMatchObject({
        met: false,
        text: expect.stringContaining('not divided into lots'),
      });
      const t4 = (await view('T4')).openness;
      expect(t4.reasons.find((r) => r.test === 'procedure')).toMatchObject({ met: false });
      expect(t4.suitableForSmallSuppliers).toBe(false);
      const t1 = (await view('T1')).openness;
      expect(t1).toMatchObject({ suitableForSmallSuppliers: true, score: expect.any(Number), readingAge: expect.any(Number) });
      expect(t1.reasons.map((r) => r.test)).toEqual(['thresholds', 'lots', 'reading-age', 'procedure']);

      const suitable: string[] = [];
      for (const n of Object.keys(TENDERS) as Name[]) if ((await view(n)).openness.suitableForSmallSuppliers) suitable.push(n);
      expect(suitable).toContain('T1');
      expect(await foundSet(`q=${MINE}&sme=true`)).toEqual(suitable.sort());
      expect(await foundSet(`q=${MINE}&sme=false`)).toEqual((Object.keys(TENDERS) as Name[]).sort());
      const listed = await list(`q=${MINE}&limit=100`);
      for (const i of listed.items) expect(i.suitableForSmallSuppliers).toBe(suitable.includes(name(i.id)));
    });

    it('combines filters, all of which must hold', async () => {
      expect(await foundSet(`q=${MINE}&region=TLK&category=services&value=100k-500k`)).toEqual(['T6']);
      expect(await foundSet(`q=zebracorn&region=TLI`)).toEqual(['T1', 'T3']);
      expect(await foundSet(`q=${MINE}&category=works&value=over-2m&region=TLK&sort=closing`)).toEqual(['T2']);
      expect(await foundSet(`q=${MINE}&category=works&region=TLC&value=under-25k`)).toEqual([]); // T5 has no value
    });
  });

  describe('sorting and paging', () => {
    const ORDERS: Record<string, Name[]> = {
      newest: ['T6', 'T5', 'T4', 'T3', 'T2', 'T1'],
      closing: ['T1', 'T5', 'T3', 'T6', 'T2', 'T4'],
      'value-high': ['T2', 'T4', 'T6', 'T3', 'T1', 'T5'],
      'value-low': ['T1', 'T3', 'T6', 'T4', 'T2', 'T5'],
    };

    it('sorts newest, closing soonest, and by value both ways, those without a deadline or value last', async () => {
      for (const [sort, order] of Object.entries(ORDERS)) expect(await found(`q=${MINE}&sort=${sort}`)).toEqual(order);
      // "Best match" without words is newest.
      expect(await found(`q=${MINE}&sort=newest`)).toEqual(
        await found(`q=%21%21&sort=relevance`).then((all) => all.filter((n) => n in TENDERS)),
      );
    });

    it('ranks by best match: a word in the title before the summary before an outcome', async () => {
      expect(await found('q=quokka')).toEqual(['T1', 'T5', 'T2']);
      expect(await found('q=quokka&sort=relevance')).toEqual(['T1', 'T5', 'T2']);
    });

    it('pages through every sort with no tender repeated or missed, whatever the page size', async () => {
      for (const sort of [...Object.keys(ORDERS), 'relevance']) {
        const query = `q=${sort === 'relevance' ? 'quokka' : MINE}&sort=${sort}`;
        const whole = await found(query);
        for (const limit of [1, 2, 4]) expect(await walk(query, limit)).toEqual(whole);
      }
      // And the unfiltered list, with the demo tenders, by every keyset sort.
      for (const sort of Object.keys(ORDERS)) {
        const whole = await found(`sort=${sort}`);
        expect(new Set(whole).size).toBe(whole.length);
        expect(await walk(`sort=${sort}`, 3)).toEqual(whole);
      }
    });

    it('answers total as the number of matches', async () => {
      expect((await list(`q=${MINE}&limit=1`)).total).toBe(6);
      expect((await list(`q=${MINE}&category=works&limit=1`)).total).toBe(2);
      expect((await list(`q=nothingmatchesthis`)).total).toBe(0);
    });

    it('refuses a cursor made for another sort or search, or tampered with, with 400', async () => {
      const first = await list(`q=${MINE}&sort=closing&limit=2`);
      const cursor = encodeURIComponent(first.nextCursor!);
      expect((await anyone.get(`${LIST}?q=${MINE}&sort=closing&limit=2&cursor=${cursor}`)).status).toBe(200);
      for (const query of [`q=${MINE}&sort=newest`, `q=${MINE}&sort=closing&category=works`, `q=zebracorn&sort=closing`, `sort=closing`]) {
        const res = await anyone.get(`${LIST}?${query}&limit=2&cursor=${cursor}`);
        expect(res.status).toBe(400);
        expect(res.body.message).toBe('Please check cursor: cursor is not one this list gave out: start again from the first page.');
      }
      const decoded = Buffer.from(first.nextCursor!, 'base64url').toString('utf8');
      const tampered = [
        decoded.replace(/^c/, 'z'),
        decoded.replace(/\.\d+\./, '.99999999999999999.'),
        decoded.replace(/[0-9a-f-]{36}$/, 'not-a-tender'),
        `${decoded}'; --`,
      ].map((s) => Buffer.from(s, 'utf8').toString('base64url'));
      for (const bad of [...tampered, 'x'.repeat(500), '%%%', '']) {
        const res = await anyone.get(`${LIST}?q=${MINE}&sort=closing&cursor=${encodeURIComponent(bad)}`);
        expect(res.status).toBe(400);
      }
    });
  });

  describe('odd input', () => {
    it('answers a bad value for any parameter with 400 naming it, never 500', async () => {
      const cases: [string, string][] = [
        ['category=food', 'category'],
        ['region=TLZ', 'region'],
        ['region=tlk', 'region'],
        ['value=1m', 'value'],
        ['state=sleeping', 'state'],
        ['sort=random', 'sort'],
        ['sme=yes', 'sme'],
        ['sme=', 'sme'],
        ['closingFrom=31/12/2026', 'closingFrom'],
        ['closingFrom=2026-02-30', 'closingFrom'],
        ['closingTo=2026-13-01', 'closingTo'],
        ['closingTo=tomorrow', 'closingTo'],
        ['closingFrom=2026-05-02&closingTo=2026-05-01', 'closingTo'],
        [`buyer=${'b'.repeat(PUBLIC_SEARCH_LIMITS.buyer + 1)}`, 'buyer'],
        ['buyer=', 'buyer'],
        ['category=works&category=goods', 'category'],
        ['limit=0', 'limit'],
        ['page=2', 'page'],
      ];
      for (const [query, field] of cases) {
        const res = await anyone.get(`${LIST}?${query}`);
        expect({ query, status: res.status }).toEqual({ query, status: 400 });
        expect(res.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
      }
    });
  });

  describe('state', () => {
    const service = () => t.app.get(PublicTenderService);
    const names = async (query: PublicTenderSearch) =>
      (await service().list({ q: MINE, limit: 100, ...query })).items.map((i) => name(i.id)).sort();

    it('is open until the deadline by the server’s clock, then closed; a closed or awarded tender says so, and filters by it', async () => {
      expect(await names({ state: 'open' })).toEqual(['T1', 'T2', 'T3', 'T4', 'T5', 'T6']);
      const clock = jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 9 * DAY));
      try {
        expect(await names({ state: 'open' })).toEqual(['T2', 'T3', 'T4', 'T6']);
        expect(await names({ state: 'closed' })).toEqual(['T1', 'T5']);
        expect(await names({ state: 'awarded' })).toEqual([]);
        // The status changes publication and evaluation make, heard by the listing in their transaction.
        const events = t.app.get(DomainEvents);
        await events.record(new TenderStatusChanged(SYSTEM_ACTOR, ids.T2, 'published', 'closed', null));
        await events.record(new TenderStatusChanged(SYSTEM_ACTOR, ids.T4, 'published', 'awarded', null));
        expect(await names({ state: 'open' })).toEqual(['T3', 'T6']);
        expect(await names({ state: 'closed' })).toEqual(['T1', 'T2', 'T5']);
        expect(await names({ state: 'awarded' })).toEqual(['T4']);
        const items = (await service().list({ q: MINE, limit: 100 })).items;
        expect(Object.fromEntries(items.map((i) => [name(i.id), i.state]))).toEqual({
          T1: 'closed',
          T2: 'closed',
          T3: 'open',
          T4: 'awarded',
          T5: 'closed',
          T6: 'open',
        });
      } finally {
        clock.mockRestore();
        const events = t.app.get(DomainEvents);
        await events.record(new TenderStatusChanged(SYSTEM_ACTOR, ids.T2, 'closed', 'published', null));
        await events.record(new TenderStatusChanged(SYSTEM_ACTOR, ids.T4, 'awarded', 'published', null));
      }
    });
  });

  describe('keeping the index in step', () => {
    it('finds a republished tender by its new words only, and drops a cancelled one from the index', async () => {
      const current = (await buyer.get(`/api/v1/tenders/${ids.T5}`)).body as TenderDetail;
      const content = readyContent(current);
      content.title = 'Parks and verges maintenance';
      content.summary = `Wombat lawns in ${MINE} park are cut each week.`;
      const saved = await buyer.put(`/api/v1/tenders/${ids.T5}`, { revision: current.revision, content });
      expect(saved.status).toBe(200);
      expect(await foundSet('q=wombat')).toEqual([]); // unpublished edits stay private
      const v2 = await buyer.post(`/api/v1/tenders/${ids.T5}/publish`, { revision: saved.body.revision, changeNote: 'Verges added.' });
      expect(v2.status).toBe(201);
      expect(await foundSet('q=wombat%20verges')).toEqual(['T5']);
      expect(await foundSet('q=quokka')).toEqual(['T1', 'T2']);

      const cancelled = await buyer.post(`/api/v1/tenders/${ids.T5}/status`, {
        revision: v2.body.tender.revision,
        status: 'cancelled',
        reason: 'Funding withdrawn.',
      });
      expect(cancelled.status).toBe(201);
      expect(await foundSet('q=wombat')).toEqual([]);
      const rows = (await t.dataSource.query(
        t.db.kind === 'postgres'
          ? 'SELECT COUNT(*)::int AS n FROM published_tender_search WHERE tender_id = $1'
          : 'SELECT COUNT(*) AS n FROM published_tender_search WHERE tender_id = ?',
        [ids.T5],
      )) as { n: number }[];
      expect(Number(rows[0].n)).toBe(0);
    });
  });

  describe('query plans', () => {
    /** The plan of the first page and a later page of `sort` over the whole list. */
    async function plans(sort: 'newest' | 'closing' | 'value-high' | 'value-low'): Promise<string[]> {
      const engine = t.app.get(TenderSearch);
      const s = listSearch({ sort });
      const out: string[] = [];
      for (const after of [null, { sort, search: '', key: 1_000, tenderId: '6a1f3c1e-1111-4222-8333-944455556666' }]) {
        const [sql, params] = pageOf(matchingQuery(t.dataSource, engine, s, new Date()), sort, after, 21).getQueryAndParameters();
        if (t.db.kind === 'postgres') {
          // The table is small here, so the planner would rightly read it whole and sort. Forbid whole reads, not sorting:
          // if no index gave the order, the plan would still show a Sort.
          out.push(
            await t.dataSource.transaction(async (tx) => {
              await tx.query('SET LOCAL enable_seqscan = off');
              await tx.query('SET LOCAL enable_bitmapscan = off');
              return ((await tx.query(`EXPLAIN ${sql}`, params)) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
            }),
          );
        } else {
          out.push(
            ((await t.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params)) as { detail: string }[]).map((r) => r.detail).join('\n'),
          );
        }
      }
      return out;
    }

    it('reads each keyset sort of the whole list along its own index, sorting nothing', async () => {
      const INDEX = {
        newest: 'ix_published_tender_order',
        closing: 'ix_published_tender_closing',
        'value-high': 'ix_published_tender_value_high',
        'value-low': 'ix_published_tender_value_low',
      } as const;
      for (const [sort, index] of Object.entries(INDEX) as [keyof typeof INDEX, string][]) {
        const [first, later] = await plans(sort);
        for (const plan of [first, later]) {
          if (t.db.kind === 'postgres') {
            expect(plan).toMatch(new RegExp(`Index Scan( Backward)? using ${index}`));
            expect(plan).not.toMatch(/Sort/);
          } else {
            expect(plan).toMatch(new RegExp(`USING INDEX ${index}`));
            expect(plan).not.toMatch(/TEMP B-TREE/);
          }
        }
        // A later page starts at the cursor, not at the top of the index.
        expect(later).toMatch(t.db.kind === 'postgres' ? /Index Cond:/ : /^SEARCH /);
      }
    });

    it('finds words through the search index, not by reading every row', async () => {
      const engine = t.app.get(TenderSearch);
      const [sql, params] = pageOf(
        matchingQuery(t.dataSource, engine, listSearch({ q: 'zebracorn' }), new Date(), true),
        'relevance',
        null,
        21,
      ).getQueryAndParameters();
      if (t.db.kind === 'postgres') {
        const plan = await t.dataSource.transaction(async (tx) => {
          await tx.query('SET LOCAL enable_seqscan = off');
          return ((await tx.query(`EXPLAIN ${sql}`, params)) as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n');
        });
        expect(plan).toMatch(/ix_published_tender_search/);
      } else {
        const plan = ((await t.dataSource.query(`EXPLAIN QUERY PLAN ${sql}`, params)) as { detail: string }[])
          .map((r) => r.detail)
          .join('\n');
        expect(plan).toMatch(/VIRTUAL TABLE INDEX/);
        expect(plan).not.toMatch(/SCAN p\b/);
      }
    });
  });
});

describe('the migration that adds search', () => {
  it('backfills the filters, the small-supplier verdict and the search index of every listed tender from its record', async () => {
    const db = await createTestDatabase();
    const t = await startTestApp({}, { db });
    let running = true;
    try {
      const buyer = t.client();
      await buyer.signIn('buyer@demo.test');
      const draft = await createReadyTender(buyer, 'Backfilled zebracorn tender');
      const c = readyContent(draft);
      c.mainCategory = ProcurementCategory.Goods;
      c.regions = ['TLM', 'TLL'];
      c.lots[0].requirements[0].outcome = 'Readers find the wombat shelf.';
      const saved = await buyer.put(`/api/v1/tenders/${draft.id}`, { revision: draft.revision, content: c });
      expect((await buyer.post(`/api/v1/tenders/${draft.id}/publish`, { revision: saved.body.revision })).status).toBe(201);
      const rowsBefore = await t.dataSource.getRepository(PublishedTender).find({ order: { tenderId: 'ASC' } });
      expect(rowsBefore.find((r) => r.tenderId === draft.id)).toMatchObject({ mainCategory: 'goods', regions: '|TLL|TLM|' });
      await t.close();
      running = false;

      // Back to the schema before this migration (undoing any later ones first), then forward again: the backfill runs on existing rows.
      const ds = new DataSource(standaloneDataSourceOptions(loadSettings({ ...db.env }).database));
      await ds.initialize();
      try {
        const applied = async () => ((await ds.query('SELECT name FROM migrations')) as { name: string }[]).map((r) => r.name);
        while ((await applied()).includes('PublicSearch1764610000000')) await ds.undoLastMigration({ transaction: 'each' });
        expect(await ds.createQueryRunner().hasTable('published_tender_search')).toBe(false);
        expect(await ds.createQueryRunner().hasColumn('published_tender', 'sme_suitable')).toBe(false);
        await ds.runMigrations({ transaction: 'each' });
        expect(await ds.getRepository(PublishedTender).find({ order: { tenderId: 'ASC' } })).toEqual(rowsBefore);
      } finally {
        await ds.destroy();
      }

      const again = await startTestApp({}, { db });
      try {
        const res = await again.client().get(`${LIST}?q=wombat%20zebrac`);
        expect(res.status).toBe(200);
        expect(res.body.items.map((i: PublishedTenderSummary) => i.id)).toEqual([draft.id]);
        expect(res.body.items[0]).toMatchObject({ mainCategory: 'goods', regions: ['TLL', 'TLM'], state: 'open' });
      } finally {
        await again.app.close();
      }
    } finally {
      if (running) await t.close();
      await db.drop();
    }
  });
});
