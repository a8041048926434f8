import { DOMParser } from '@xmldom/xmldom';
import { NotificationKind, Role, SAVED_SEARCH_LIMIT, type SavedSearchWithFeed, type TenderDetail } from '@openbrief/contracts';
import type { ParsedMail } from 'mailparser';
import { SavedSearchRow } from '../../src/modules/marketplace/entities/saved-search.entity';
import { closingWords } from '../../src/modules/marketplace/atom-feed';
import { Notification } from '../../src/modules/notifications/entities';
import { OutboxWorker } from '../../src/modules/notifications/delivery/outbox-worker';
import { signInElsewhere } from '../support/other-organisation';
import { createReadyTender, readyContent } from '../support/tender-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { TestMailServer } from '../support/test-mail-server';

const PUBLIC_URL = 'https://openbrief.example';
const API = '/api/v1/saved-searches';
const ODD = `<&>"'`;
const ATOM = 'http://www.w3.org/2005/Atom';

/** Saved searches (CRUD, limits, access), their e-mail alerts through a real SMTP server, and the Atom feeds (issue 15). */
describe('saved searches, alerts and Atom feeds', () => {
  let t: TestApp;
  let mail: TestMailServer;
  let supplier: TestClient;
  let rival: TestClient;
  let buyer: TestClient;
  let evaluator: TestClient;
  let anyone: TestClient;
  let buyerName = '';

  const rows = () => t.dataSource.getRepository(SavedSearchRow);
  const mailsTo = (address: string) => mail.received.filter((m) => m.envelopeTo.includes(address));
  const alertsTo = (address: string) => mailsTo(address).filter((m) => m.parsed.subject?.startsWith('New tender:'));
  const drain = () => t.app.get(OutboxWorker).drainOnce();

  async function save(client: TestClient, name: string, query: Record<string, unknown>, alerts = true): Promise<SavedSearchWithFeed> {
    const res = await client.post(API, { name, query, alerts });
    if (res.status !== 201) throw new Error(`save failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  async function publish(title: string, summary = 'Keeping the county moving.'): Promise<TenderDetail> {
    const draft = await createReadyTender(buyer, title);
    const c = readyContent(draft);
    c.title = title;
    c.summary = summary;
    const saved = await buyer.put(`/api/v1/tenders/${draft.id}`, { revision: draft.revision, content: c });
    if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${JSON.stringify(saved.body)}`);
    const res = await buyer.post(`/api/v1/tenders/${draft.id}/publish`, { revision: saved.body.revision });
    if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.tender;
  }

  async function republish(id: string): Promise<void> {
    const current = (await buyer.get(`/api/v1/tenders/${id}`)).body as TenderDetail;
    const c = readyContent(current);
    c.summary = `${current.summary} Now with verges.`;
    const saved = await buyer.put(`/api/v1/tenders/${id}`, { revision: current.revision, content: c });
    if (saved.status !== 200) throw new Error(`save failed: ${saved.status} ${JSON.stringify(saved.body)}`);
    const res = await buyer.post(`/api/v1/tenders/${id}/publish`, { revision: saved.body.revision, changeNote: 'Verges added.' });
    if (res.status !== 201) throw new Error(`republish failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  beforeAll(async () => {
    mail = new TestMailServer();
    const smtpUrl = await mail.start();
    // The outbox drains when a test says so (drainOnce), not on a timer.
    t = await startTestApp({ SMTP_URL: smtpUrl, PUBLIC_URL, NOTIFY_POLL_MS: '3600000' });
    supplier = t.client();
    await supplier.signIn('supplier@demo.test');
    rival = await signInElsewhere(t, { email: 'rival@supplier.test', name: 'Rhea Rival', role: Role.Supplier });
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    evaluator = t.client();
    await evaluator.signIn('evaluator@demo.test');
    anyone = t.client();
    buyerName = (await buyer.get('/api/v1/organisation')).body.name;
  });
  afterAll(async () => {
    await t?.close();
    await mail?.close();
  });

  describe('keeping saved searches', () => {
    afterEach(() => rows().clear());

    it('saves the words and filters only, lists, renames, turns alerts off and deletes', async () => {
      const res = await supplier.post(API, {
        name: '  Bridges in the north  ',
        query: { q: 'bridge repairs', sme: true, region: 'TLC', sort: 'newest', limit: 5 },
      });
      expect(res.status).toBe(201);
      const made = res.body as SavedSearchWithFeed;
      expect(made).toMatchObject({ name: 'Bridges in the north', query: { q: 'bridge repairs', region: 'TLC', sme: true }, alerts: true });
      expect(made.query).not.toHaveProperty('sort');
      expect(made.query).not.toHaveProperty('limit');
      expect(made.feedPath).toMatch(new RegExp(`^${API}/${made.id}/feed\\.atom\\?token=[A-Za-z0-9_-]{43}$`));
      // Canonical JSON: fixed key order, so the same search is stored the same way; the token only as its hash.
      const row = await rows().findOneByOrFail({ id: made.id });
      expect(row.query).toBe('{"q":"bridge repairs","region":"TLC","sme":true}');
      expect(row.feedTokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.feedTokenHash).not.toContain(made.feedPath.split('token=')[1]);

      const list = await supplier.get(API);
      expect(list.status).toBe(200);
      const { feedPath: _token, ...plain } = made;
      expect(list.body.items).toEqual([plain]);

      const renamed = await supplier.patch(`${API}/${made.id}`, { name: 'Northern bridges', alerts: false });
      expect([renamed.status, renamed.body.name, renamed.body.alerts, renamed.body.feedPath]).toEqual([
        200,
        'Northern bridges',
        false,
        undefined,
      ]);

      const gone = await supplier.delete(`${API}/${made.id}`);
      expect(gone.status).toBe(204);
      expect((await supplier.delete(`${API}/${made.id}`)).status).toBe(404);
      expect((await supplier.get(API)).body.items).toEqual([]);
    });

    it('refuses what the list would refuse, and odd names, with 400 and writes nothing', async () => {
      for (const body of [
        {},
        { name: 'No query' },
        { name: '', query: {} },
        { name: '   ', query: {} },
        { name: 'x'.repeat(101), query: {} },
        { name: 'Bad category', query: { category: 'spaceships' } },
        { name: 'Bad day', query: { closingFrom: '2026-02-30' } },
        { name: 'Backwards', query: { closingFrom: '2026-05-01', closingTo: '2026-04-01' } },
        { name: 'Too long', query: { q: 'a'.repeat(201) } },
        { name: 'Unknown field', query: { colour: 'blue' } },
        { name: 'Extra', query: {}, owner: 'someone' },
        { name: 'Alerts', query: {}, alerts: 'yes' },
        { name: 'Query as text', query: 'q=roads' },
      ]) {
        const res = await supplier.post(API, body);
        expect([JSON.stringify(body), res.status]).toEqual([JSON.stringify(body), 400]);
        expect(res.body.message).toEqual(expect.any(String));
      }
      expect(await rows().count()).toBe(0);
      const kept = await save(supplier, 'Kept', {});
      for (const body of [{ name: '' }, { alerts: 'no' }, { renewFeedToken: 1 }, { query: {} }]) {
        expect((await supplier.patch(`${API}/${kept.id}`, body)).status).toBe(400);
      }
      expect((await rows().findOneByOrFail({ id: kept.id })).name).toBe('Kept');
    });

    it(`keeps at most ${SAVED_SEARCH_LIMIT} per person`, async () => {
      for (let i = 0; i < SAVED_SEARCH_LIMIT; i++) await save(supplier, `Search ${i}`, { q: `word${i}` });
      const refused = await supplier.post(API, { name: 'One too many', query: {} });
      expect([refused.status, refused.body.message]).toEqual([409, expect.stringMatching(/up to 20 saved searches/)]);
      expect(await rows().countBy({ name: 'One too many' })).toBe(0);
      // Another person's searches do not count against this one's.
      await save(rival, 'Rival search', {});
      const [first] = (await supplier.get(API)).body.items;
      expect((await supplier.delete(`${API}/${first.id}`)).status).toBe(204);
      await save(supplier, 'Room again', {});
    });

    it('is for signed-in suppliers only, and each person sees only their own', async () => {
      const mine = await save(supplier, 'Mine', { q: 'roads' });
      expect((await anyone.get(API)).status).toBe(401);
      expect((await anyone.post(API, { name: 'Anon', query: {} })).status).toBe(401);
      expect((await anyone.delete(`${API}/${mine.id}`)).status).toBe(401);
      for (const other of [buyer, evaluator]) {
        expect((await other.get(API)).status).toBe(403);
        expect((await other.post(API, { name: 'Buyer', query: {} })).status).toBe(403);
        expect((await other.patch(`${API}/${mine.id}`, { name: 'Taken' })).status).toBe(403);
        expect((await other.delete(`${API}/${mine.id}`)).status).toBe(403);
      }
      // Another supplier: someone else's is not found, never changed.
      expect((await rival.get(API)).body.items).toEqual([]);
      const taken = await rival.patch(`${API}/${mine.id}`, { name: 'Taken' });
      expect([taken.status, taken.body.message]).toEqual([404, 'That saved search was not found.']);
      expect((await rival.delete(`${API}/${mine.id}`)).status).toBe(404);
      expect((await rival.patch(`${API}/not-an-id`, { name: 'Taken' })).status).toBe(404);
      expect((await rows().findOneByOrFail({ id: mine.id })).name).toBe('Mine');
    });
  });

  describe('alerts and feeds', () => {
    let matching: TenderDetail;
    let alert: ParsedMail;
    let mine: SavedSearchWithFeed;
    let mineToo: SavedSearchWithFeed;
    let rivals: SavedSearchWithFeed;

    beforeAll(async () => {
      await rows().clear();
      mine = await save(supplier, 'Zephyr works', { q: 'zephyrbrook' });
      // A second matching search of the same person: still one e-mail.
      mineToo = await save(supplier, 'Zephyr by this buyer', { q: 'zephyrbrook', buyer: buyerName });
      await save(supplier, 'Something else', { q: 'quokkamarsh' });
      rivals = await save(rival, 'Rival zephyr, quietly', { q: 'zephyrbrook' }, false);
      await save(rival, 'Rival zephyr, other buyer', { q: 'zephyrbrook', buyer: 'Nobody Council' });
    });

    it('e-mails each person whose saved searches match a newly published tender, once, with its title, buyer, closing date and link', async () => {
      matching = await publish(`Zephyrbrook quay ${ODD} repairs`);
      await drain();
      const alerts = alertsTo('supplier@demo.test');
      expect(alerts).toHaveLength(1);
      alert = alerts[0].parsed;
      expect(alert.subject).toBe(`New tender: Zephyrbrook quay ${ODD} repairs`);
      const text = String(alert.text);
      expect(text).toContain('"Zephyr works"');
      expect(text).toContain('"Zephyr by this buyer"');
      expect(text).toContain(`Buyer: ${buyerName}`);
      expect(text).toContain(`Closes: ${closingWords(matching.timetable.submissionDeadline!)} (UK time)`);
      expect(text).toContain(`${PUBLIC_URL}/opportunities/${matching.id}`);
      expect(String(alert.html)).toContain('Zephyrbrook quay &lt;&amp;&gt;&quot;&#39; repairs');
      // Alerts off, or a filter that does not match: the rival is told nothing.
      expect(alertsTo('rival@supplier.test')).toEqual([]);
      expect(await t.dataSource.getRepository(Notification).countBy({ kind: NotificationKind.SavedSearchMatch })).toBe(1);
      const alerted = await rows().findOneByOrFail({ id: mine.id });
      expect(alerted.lastAlertedAt).not.toBeNull();
      expect((await rows().findOneByOrFail({ id: rivals.id })).lastAlertedAt).toBeNull();
    });

    it('sends nothing for a tender no saved search matches, nor for a new version of one that does', async () => {
      const before = mail.received.length;
      const notifications = await t.dataSource.getRepository(Notification).countBy({ kind: NotificationKind.SavedSearchMatch });
      await publish('Pothole patrol for the ring road');
      await republish(matching.id);
      await drain();
      expect(mail.received.slice(before).filter((m) => m.parsed.subject?.startsWith('New tender:'))).toEqual([]);
      expect(await t.dataSource.getRepository(Notification).countBy({ kind: NotificationKind.SavedSearchMatch })).toBe(notifications);
    });

    it('stops the e-mails once unsubscribed (the in-app notification still appears)', async () => {
      const header = alert.headerLines.find((h) => h.key === 'list-unsubscribe')?.line ?? '';
      const link = /<(https:\/\/openbrief\.example\/api\/v1\/notifications\/unsubscribe\?token=[^>]+)>/.exec(header)?.[1];
      expect(link).toBeDefined();
      expect(String(alert.text)).toContain(link);
      const res = await t.client().raw().get(link!.slice(PUBLIC_URL.length)).set('Accept', 'text/html');
      expect(res.status).toBe(200);

      const before = alertsTo('supplier@demo.test').length;
      const next = await publish('Zephyrbrook lock gates');
      await drain();
      expect(alertsTo('supplier@demo.test')).toHaveLength(before);
      const told = await t.dataSource
        .getRepository(Notification)
        .findBy({ kind: NotificationKind.SavedSearchMatch, link: `/opportunities/${next.id}` });
      expect(told).toHaveLength(1);
      expect(mineToo.id).toBeDefined();
    });

    it('serves the public list as an Atom feed: same filters, newest first, everything escaped', async () => {
      const res = await anyone.get('/api/v1/public/tenders.atom?q=zephyrbrook&sort=closing&limit=1');
      expect([res.status, res.headers['content-type']]).toEqual([200, 'application/atom+xml; charset=utf-8']);
      const doc = parseXml(res.text);
      const feed = doc.documentElement;
      expect([feed.localName, feed.namespaceURI]).toEqual(['feed', ATOM]);
      expect(text(feed, 'id')).toBe(`${PUBLIC_URL}/api/v1/public/tenders.atom?q=zephyrbrook`);
      const entries = children(feed, 'entry');
      // Newest first and 50 at most, whatever sort and limit were asked for.
      expect(entries.map((e) => text(e, 'title'))).toEqual(['Zephyrbrook lock gates', `Zephyrbrook quay ${ODD} repairs`]);
      const quay = entries[1];
      expect(text(quay, 'id')).toBe(`urn:uuid:${matching.id}`);
      expect(children(quay, 'link')[0].getAttribute('href')).toBe(`${PUBLIC_URL}/opportunities/${matching.id}`);
      expect(text(children(quay, 'author')[0], 'name')).toBe(buyerName);
      expect(Number.isNaN(Date.parse(text(quay, 'updated')))).toBe(false);
      expect(text(feed, 'updated')).toBe(text(entries[0], 'updated'));
      expect(res.text).toContain(`Zephyrbrook quay &lt;&amp;&gt;&quot;&apos; repairs`);
      expect(res.text).not.toContain(ODD);

      const all = await anyone.get('/api/v1/public/tenders.atom');
      expect(children(parseXml(all.text).documentElement, 'entry').length).toBeGreaterThanOrEqual(3);
      const bad = await anyone.get('/api/v1/public/tenders.atom?category=spaceships');
      expect([bad.status, bad.body.message]).toEqual([400, expect.any(String)]);
    });

    it("serves a saved search's feed to whoever holds its token, and to no one else", async () => {
      const res = await anyone.get(mine.feedPath);
      expect([res.status, res.headers['content-type']]).toEqual([200, 'application/atom+xml; charset=utf-8']);
      const feed = parseXml(res.text).documentElement;
      expect(text(feed, 'title')).toBe('Openbrief: Zephyr works');
      expect(children(feed, 'entry').map((e) => text(e, 'title'))).toEqual(['Zephyrbrook lock gates', `Zephyrbrook quay ${ODD} repairs`]);

      const token = mine.feedPath.split('token=')[1];
      for (const path of [
        `${API}/${mine.id}/feed.atom?token=${token.slice(0, -2)}xx`,
        `${API}/${mine.id}/feed.atom?token=${rivals.feedPath.split('token=')[1]}`,
        `${API}/${rivals.id}/feed.atom?token=${token}`,
        `${API}/not-an-id/feed.atom?token=${token}`,
      ]) {
        const refused = await anyone.get(path);
        expect([path, refused.status]).toEqual([path, 404]);
      }
      expect((await anyone.get(`${API}/${mine.id}/feed.atom`)).status).toBe(400);

      // A new address: the old one stops working.
      const renewed = await supplier.patch(`${API}/${mine.id}`, { renewFeedToken: true });
      expect(renewed.body.feedPath).toMatch(/token=/);
      expect((await anyone.get(mine.feedPath)).status).toBe(404);
      expect((await anyone.get(renewed.body.feedPath)).status).toBe(200);
    });
  });
});

function parseXml(xml: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: {
      warning: (m: string) => errors.push(m),
      error: (m: string) => errors.push(m),
      fatalError: (m: string) => errors.push(m),
    },
  }).parseFromString(xml, 'application/xml') as unknown as Document;
  expect(errors).toEqual([]);
  return doc;
}

function children(parent: Element, name: string): Element[] {
  return Array.from(parent.childNodes as unknown as ArrayLike<Node>).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).localName === name && (n as Element).namespaceURI === ATOM,
  );
}

function text(parent: Element, name: string): string {
  return children(parent, name)[0]?.textContent ?? '';
}
