import { type CommentThread, type CommentThreadList, Role, type TenderDetail } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { CommentThread as CommentThreadRow } from '../../src/modules/comments/entities/comment-thread.entity';
import { TenderComment } from '../../src/modules/comments/entities/tender-comment.entity';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { signInElsewhere } from '../support/other-organisation';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender } from '../support/tender-fixtures';

const PASSWORD = 'a-long-password';

describe('comments on tenders', () => {
  let t: TestApp;
  let buyer: TestClient;
  let evaluator: TestClient;
  let colleague: TestClient;
  let outsider: TestClient;
  let supplier: TestClient;
  let ids: { buyer: string; evaluator: string; colleague: string; outsider: string; supplier: string };
  let tender: TenderDetail;

  const url = (tenderId = tender.id) => `/api/v1/tenders/${tenderId}/comments`;
  const threadCount = () => t.dataSource.getRepository(CommentThreadRow).count();
  const entryCount = () => t.dataSource.getRepository(TenderComment).count();
  const list = async (c: TestClient, query = '') => {
    const res = await c.get(`${url()}${query}`);
    expect(res.status).toBe(200);
    return res.body as CommentThreadList;
  };
  const start = async (c: TestClient, body: object) => {
    const res = await c.post(url(), body);
    expect([res.status, res.body.message]).toEqual([201, undefined]);
    return res.body as CommentThread;
  };
  const requirement = (i = 0) => tender.lots[0].requirements[i];

  beforeAll(async () => {
    t = await startTestApp();
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    evaluator = t.client();
    await evaluator.signIn('evaluator@demo.test');
    supplier = t.client();
    await supplier.signIn('supplier@demo.test');

    // A second buyer in the same organisation, who joins the way people do: by invitation.
    const invitation = await buyer.post('/api/v1/invitations', { email: 'chris@nchs.test', role: 'buyer' });
    colleague = t.client();
    const token = invitation.body.acceptPath.split('/').pop();
    expect((await colleague.post('/api/v1/invitations/accept', { token, name: 'Chris Colleague', password: PASSWORD })).status).toBe(201);

    // A buyer of another organisation.
    outsider = await signInElsewhere(t, { email: 'olive@other.test', name: 'Olive Other', role: Role.Buyer });

    const me = async (c: TestClient) => (await c.get('/api/v1/auth/me')).body.id as string;
    ids = {
      buyer: await me(buyer),
      evaluator: await me(evaluator),
      colleague: await me(colleague),
      outsider: await me(outsider),
      supplier: await me(supplier),
    };
    tender = await createReadyTender(buyer, 'Comments target');
  });
  afterAll(() => t.close());

  it("lists who can be mentioned: the organisation's buyers and its evaluators (who then see that thread only), by name", async () => {
    const res = await buyer.get(`/api/v1/tenders/${tender.id}/team`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      { id: ids.colleague, name: 'Chris Colleague', role: 'buyer' },
      { id: ids.evaluator, name: 'Dr Tom Evans', role: 'evaluator' },
      { id: ids.buyer, name: 'Priya Shah', role: 'buyer' },
    ]);
  });

  it('starts a thread on a requirement field with a quoted range and a mention, in one transaction', async () => {
    const r = requirement(1);
    const thread = await start(buyer, {
      anchor: { requirementId: r.id, field: 'outcome', quote: r.outcome.slice(0, 20), start: 'AQID', end: 'BAUG' },
      body: '  Can we say how we will measure this?  ',
      mentions: [ids.colleague, ids.colleague],
    });
    expect(thread).toMatchObject({
      tenderId: tender.id,
      status: 'open',
      anchor: {
        requirementId: r.id,
        requirementNumber: '1.2',
        requirementDeleted: false,
        field: 'outcome',
        quote: r.outcome.slice(0, 20),
        start: 'AQID',
        end: 'BAUG',
      },
      resolvedBy: null,
      resolvedAt: null,
    });
    expect(r.outcome.replace(/\s+/g, ' ').startsWith(thread.anchor.requirementExcerpt!.replace(/…$/, ''))).toBe(true);
    expect(thread.entries).toEqual([
      {
        id: expect.any(String),
        kind: 'comment',
        author: { id: ids.buyer, name: 'Priya Shah' },
        body: 'Can we say how we will measure this?',
        mentions: [{ id: ids.colleague, name: 'Chris Colleague' }],
        createdAt: thread.createdAt,
      },
    ]);
    const stored = await t.dataSource.getRepository(TenderComment).findBy({ threadId: thread.id });
    expect(stored).toHaveLength(1);
  });

  it('starts a thread on the tender as a whole, with no anchor at all', async () => {
    const thread = await start(colleague, { body: 'How will we score social value?' });
    expect(thread.anchor).toEqual({
      requirementId: null,
      requirementNumber: null,
      requirementExcerpt: null,
      requirementDeleted: false,
      field: null,
      quote: null,
      start: null,
      end: null,
    });
    expect(thread.entries[0].author).toEqual({ id: ids.colleague, name: 'Chris Colleague' });
  });

  it('takes replies with mentions, moving the thread to the top of the list', async () => {
    const first = await start(buyer, { anchor: { field: 'summary' }, body: 'Is the summary too long?' });
    await pause();
    const second = await start(buyer, { anchor: { field: 'problem' }, body: 'The problem needs numbers.' });
    await pause();
    expect((await list(buyer)).threads.slice(0, 2).map((x) => x.id)).toEqual([second.id, first.id]);

    const res = await colleague.post(`${url()}/${first.id}/replies`, {
      body: 'Yes: cut it to two sentences.',
      mentions: [ids.buyer, ids.colleague],
    });
    expect(res.status).toBe(201);
    expect(res.body.entries.map((e: { body: string }) => e.body)).toEqual(['Is the summary too long?', 'Yes: cut it to two sentences.']);
    expect(res.body.entries[1]).toMatchObject({
      author: { id: ids.colleague, name: 'Chris Colleague' },
      mentions: [
        { id: ids.buyer, name: 'Priya Shah' },
        { id: ids.colleague, name: 'Chris Colleague' },
      ],
    });
    expect(res.body.lastActivityAt > first.lastActivityAt).toBe(true);
    expect((await list(buyer)).threads.slice(0, 2).map((x) => x.id)).toEqual([first.id, second.id]);
  });

  it('resolves and reopens, recording who and when, and refuses to do either twice', async () => {
    const thread = await start(buyer, { anchor: { field: 'users' }, body: 'Do we mean carers too?' });
    const resolved = await colleague.post(`${url()}/${thread.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: { id: ids.colleague, name: 'Chris Colleague' } });
    expect(Date.parse(resolved.body.resolvedAt)).toBeGreaterThanOrEqual(Date.parse(thread.createdAt));
    expect(resolved.body.entries.map((e: { kind: string }) => e.kind)).toEqual(['comment', 'resolved']);

    const again = await buyer.post(`${url()}/${thread.id}/resolve`, {});
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('This thread has already been resolved by Chris Colleague.');

    const reply = await buyer.post(`${url()}/${thread.id}/replies`, { body: 'One more thing' });
    expect(reply.status).toBe(409);
    expect(reply.body.message).toBe('This thread has been resolved. Reopen it to reply.');

    const reopened = await buyer.post(`${url()}/${thread.id}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null });
    expect(reopened.body.entries.map((e: { kind: string; author: { name: string } }) => [e.kind, e.author.name])).toEqual([
      ['comment', 'Priya Shah'],
      ['resolved', 'Chris Colleague'],
      ['reopened', 'Priya Shah'],
    ]);
    expect((await buyer.post(`${url()}/${thread.id}/reopen`)).status).toBe(409);
    expect((await buyer.post(`${url()}/${thread.id}/resolve`, { note: 'done' })).status).toBe(400);
    expect((await t.dataSource.getRepository(TenderComment).findBy({ threadId: thread.id })).length).toBe(3);
  });

  describe('filters and counts', () => {
    let fresh: TenderDetail;
    beforeAll(async () => {
      fresh = await createReadyTender(buyer, 'Filter target');
      const post = (c: TestClient, body: object) => c.post(`/api/v1/tenders/${fresh.id}/comments`, body);
      const r0 = fresh.lots[0].requirements[0].id;
      const r1 = fresh.lots[0].requirements[1].id;
      const a = await post(colleague, { anchor: { requirementId: r0 }, body: 'A: mentions Priya', mentions: [ids.buyer] });
      const b = await post(buyer, { anchor: { requirementId: r0 }, body: 'B: resolved' });
      await post(colleague, { anchor: { requirementId: r1 }, body: 'C: open, no mention' });
      const d = await post(colleague, { body: 'D: resolved, mentions Priya', mentions: [ids.buyer] });
      for (const res of [a, b, d]) expect(res.status).toBe(201);
      for (const id of [b.body.id, d.body.id])
        expect((await buyer.post(`/api/v1/tenders/${fresh.id}/comments/${id}/resolve`)).status).toBe(200);
    });
    const bodies = async (c: TestClient, query = '') => {
      const res = await c.get(`/api/v1/tenders/${fresh.id}/comments${query}`);
      expect(res.status).toBe(200);
      return (res.body as CommentThreadList).threads
        .map((x) => x.entries[0].body[0])
        .sort()
        .join('');
    };

    it('lists all threads by default, or only the open or resolved ones', async () => {
      expect(await bodies(buyer)).toBe('ABCD');
      expect(await bodies(buyer, '?status=all')).toBe('ABCD');
      expect(await bodies(buyer, '?status=open')).toBe('AC');
      expect(await bodies(buyer, '?status=resolved')).toBe('BD');
    });

    it('lists the threads mentioning me, alone or with a status', async () => {
      expect(await bodies(buyer, '?mentioning=me')).toBe('AD');
      expect(await bodies(buyer, '?status=open&mentioning=me')).toBe('A');
      expect(await bodies(colleague, '?mentioning=me')).toBe('');
    });

    it('lists the threads about one requirement', async () => {
      expect(await bodies(buyer, `?requirementId=${fresh.lots[0].requirements[0].id}`)).toBe('AB');
      expect(await bodies(buyer, `?status=open&requirementId=${fresh.lots[0].requirements[0].id}`)).toBe('A');
    });

    it('counts threads whatever the filter, overall, mentioning me, and per requirement', async () => {
      const res = await buyer.get(`/api/v1/tenders/${fresh.id}/comments?status=resolved`);
      expect(res.body.counts).toEqual({
        open: 2,
        resolved: 2,
        mentioningMe: 2,
        openMentioningMe: 1,
        byRequirement: expect.arrayContaining([
          { requirementId: fresh.lots[0].requirements[0].id, open: 1, total: 2 },
          { requirementId: fresh.lots[0].requirements[1].id, open: 1, total: 1 },
        ]),
      });
      expect(res.body.counts.byRequirement).toHaveLength(2);
    });

    it('refuses filters it does not know', async () => {
      for (const query of ['?status=closed', '?mentioning=priya', '?requirementId=nope', '?sort=oldest']) {
        const res = await buyer.get(`/api/v1/tenders/${fresh.id}/comments${query}`);
        expect([query, res.status]).toEqual([query, 400]);
        expect(res.body.message).toMatch(/^Please check /);
      }
    });
  });

  describe('bad input: a clear 4xx, nothing written', () => {
    const cases: [string, () => object, RegExp][] = [
      ['an empty body', () => ({ body: '   ' }), /body must not be empty/],
      ['a body that is too long', () => ({ body: 'x'.repeat(5001) }), /body must be at most 5000 characters/],
      ['a body that is not text', () => ({ body: 42 }), /body must be text/],
      ['no body', () => ({}), /body/],
      ['an unknown field', () => ({ body: 'Hi', priority: 'high' }), /"priority" is not a field we accept here/],
      ['an unknown anchor field', () => ({ body: 'Hi', anchor: { line: 3 } }), /"anchor.line" is not a field we accept here/],
      ['an anchor field not on the list', () => ({ body: 'Hi', anchor: { field: 'budget' } }), /field must be one of: summary, problem/],
      ['a requirement id that is not a UUID', () => ({ body: 'Hi', anchor: { requirementId: 'req-1' } }), /requirementId must be an id/],
      [
        'a requirement of no tender',
        () => ({ body: 'Hi', anchor: { requirementId: randomUUID() } }),
        /That requirement is not in this tender/,
      ],
      [
        'a requirement field without a requirement',
        () => ({ body: 'Hi', anchor: { field: 'outcome' } }),
        /"outcome" is part of a requirement/,
      ],
      [
        'a tender field with a requirement',
        () => ({ body: 'Hi', anchor: { field: 'summary', requirementId: requirement().id } }),
        /"summary" is about the tender as a whole/,
      ],
      [
        'a range with no end',
        () => ({ body: 'Hi', anchor: { field: 'summary', start: 'AQID' } }),
        /A range needs both its start and its end/,
      ],
      ['a quote with no field', () => ({ body: 'Hi', anchor: { quote: 'some text' } }), /Say which field the quoted text is in/],
      [
        'a quote that is too long',
        () => ({ body: 'Hi', anchor: { field: 'summary', quote: 'q'.repeat(501) } }),
        /quote must be at most 500 characters/,
      ],
      [
        'a position that is too long',
        () => ({ body: 'Hi', anchor: { field: 'summary', start: 'A'.repeat(301), end: 'B' } }),
        /start must be at most 300 characters/,
      ],
      ['an anchor that is not an object', () => ({ body: 'Hi', anchor: 'summary' }), /anchor must be an object/],
      ['mentions that are not a list', () => ({ body: 'Hi', mentions: 'everyone' }), /mentions must be a list/],
      ['a mention that is not an id', () => ({ body: 'Hi', mentions: ['priya'] }), /Each mention must be the id/],
      ['too many mentions', () => ({ body: 'Hi', mentions: Array.from({ length: 21 }, () => randomUUID()) }), /at most 20 people/],
      [
        'a mention of an unknown person',
        () => ({ body: 'Hi', mentions: [ids.colleague, randomUUID()] }),
        /one of the people mentioned is not in it/,
      ],
      [
        'a mention of another organisation',
        () => ({ body: 'Hi', mentions: [ids.outsider, ids.supplier] }),
        /2 of the people mentioned are not in it/,
      ],
    ];

    it.each(cases)('refuses %s with 400', async (_, body, message) => {
      const [threads, entries] = [await threadCount(), await entryCount()];
      const res = await buyer.post(url(), body());
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(message);
      expect([await threadCount(), await entryCount()]).toEqual([threads, entries]);
    });

    it('names the mention that is not in the team', async () => {
      const res = await buyer.post(url(), { body: 'Hi', mentions: [ids.colleague, ids.supplier] });
      expect(res.body.details).toEqual([{ field: 'mentions[1]', message: 'This is not someone in the team working on this tender.' }]);
    });

    it('refuses a bad reply, and a reply to a thread of another tender, writing nothing', async () => {
      const thread = await start(buyer, { body: 'Reply target' });
      const other = await createReadyTender(buyer, 'Other tender');
      const [threads, entries] = [await threadCount(), await entryCount()];
      expect((await buyer.post(`${url()}/${thread.id}/replies`, { body: '' })).status).toBe(400);
      expect((await buyer.post(`${url()}/${thread.id}/replies`, { body: 'Hi', mentions: [ids.outsider] })).status).toBe(400);
      expect((await buyer.post(`${url()}/${thread.id}/replies`, { body: 'Hi', anchor: {} })).status).toBe(400);
      const wrongTender = await buyer.post(`${url(other.id)}/${thread.id}/replies`, { body: 'Hi' });
      expect(wrongTender.status).toBe(404);
      expect(wrongTender.body.message).toBe('That comment thread was not found.');
      expect((await buyer.post(`${url()}/${randomUUID()}/resolve`)).status).toBe(404);
      expect((await buyer.post(`${url()}/not-a-uuid/replies`, { body: 'Hi' })).status).toBe(404);
      expect([await threadCount(), await entryCount()]).toEqual([threads, entries]);
    });
  });

  describe('who may take part', () => {
    let thread: CommentThread;
    beforeAll(async () => {
      thread = await start(buyer, { body: 'Access target' });
    });

    // Evaluators of the organisation too: a tender's working copy and its discussion are the buying team's
    // (common/access/access-policy.ts), so they are answered exactly as another organisation's buyer.
    it.each(['supplier', 'outsider', 'evaluator'] as const)('answers 404 to the %s on every route and writes nothing', async (who) => {
      const c = { supplier, outsider, evaluator }[who];
      const [threads, entries] = [await threadCount(), await entryCount()];
      const answers = [
        await c.get(url()),
        await c.get(`/api/v1/tenders/${tender.id}/team`),
        await c.post(url(), { body: 'Let me in' }),
        await c.post(`${url()}/${thread.id}/replies`, { body: 'Let me in' }),
        await c.post(`${url()}/${thread.id}/resolve`),
        await c.post(`${url()}/${thread.id}/reopen`),
      ];
      for (const res of answers) {
        expect(res.status).toBe(404);
        expect(res.body.message).toBe('That tender was not found.');
      }
      expect([await threadCount(), await entryCount()]).toEqual([threads, entries]);
      expect((await buyer.get(url())).body.threads.find((x: CommentThread) => x.id === thread.id).entries).toHaveLength(1);
    });

    it('answers 401 to the public, and 404 for a tender that does not exist', async () => {
      const anonymous = t.client();
      expect((await anonymous.get(url())).status).toBe(401);
      expect((await anonymous.get(`/api/v1/tenders/${tender.id}/team`)).status).toBe(401);
      expect((await anonymous.post(url(), { body: 'Hello' })).status).toBe(401);
      expect((await buyer.get(url(randomUUID()))).status).toBe(404);
      expect((await buyer.get(url('not-a-uuid'))).status).toBe(404);
    });
  });

  describe('threads and the life of the tender', () => {
    it('keeps a thread when its requirement is saved again, and marks it when the requirement is deleted', async () => {
      const d = await createReadyTender(buyer, 'Deleting requirements');
      const doomed = d.lots[0].requirements[1];
      const res = await buyer.post(url(d.id), { anchor: { requirementId: doomed.id, field: 'whyItMatters' }, body: 'Is this one needed?' });
      expect(res.status).toBe(201);

      // A save rewrites every requirement row; the thread must not notice.
      const content = toTenderContent(d);
      content.summary = `${content.summary} Updated.`;
      let saved = await buyer.put(`/api/v1/tenders/${d.id}`, { revision: d.revision, content });
      expect(saved.status).toBe(200);
      let [thread] = (await buyer.get(url(d.id))).body.threads as CommentThread[];
      expect(thread.anchor).toMatchObject({ requirementId: doomed.id, requirementNumber: '1.2', requirementDeleted: false });

      const without = toTenderContent(saved.body);
      without.lots[0].requirements = without.lots[0].requirements.filter((r) => r.id !== doomed.id);
      for (const c of without.lots[0].evaluationModel.criteria) c.requirementIds = c.requirementIds.filter((id) => id !== doomed.id);
      saved = await buyer.put(`/api/v1/tenders/${d.id}`, { revision: saved.body.revision, content: without });
      expect(saved.status).toBe(200);
      [thread] = (await buyer.get(url(d.id))).body.threads as CommentThread[];
      expect(thread.anchor).toMatchObject({
        requirementId: doomed.id,
        requirementNumber: null,
        requirementDeleted: true,
        field: 'whyItMatters',
      });
      expect(thread.anchor.requirementExcerpt).toBe(res.body.anchor.requirementExcerpt);
      expect(thread.entries[0].body).toBe('Is this one needed?');

      const late = await buyer.post(url(d.id), { anchor: { requirementId: doomed.id }, body: 'Too late' });
      expect(late.status).toBe(400);
      expect(late.body.message).toMatch(/That requirement is not in this tender/);
    });

    it('gives the publish page the open threads to warn about, still publishes, and keeps the threads', async () => {
      const d = await createReadyTender(buyer, 'Publishing with open threads');
      for (const body of ['First open', 'Second open', 'Third, to be resolved'])
        expect((await buyer.post(url(d.id), { body })).status).toBe(201);
      const before = (await buyer.get(`${url(d.id)}?status=open`)).body as CommentThreadList;
      const third = before.threads.find((x) => x.entries[0].body.startsWith('Third'))!;
      expect((await buyer.post(`${url(d.id)}/${third.id}/resolve`)).status).toBe(200);
      expect((await buyer.get(`${url(d.id)}?status=open`)).body.counts).toMatchObject({ open: 2, resolved: 1 });

      const published = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
      expect(published.status).toBe(201);
      const after = (await buyer.get(url(d.id))).body as CommentThreadList;
      expect(after.threads).toHaveLength(3);
      expect(after.counts).toMatchObject({ open: 2, resolved: 1 });
      expect((await buyer.post(url(d.id), { body: 'After publication' })).status).toBe(201);
    });
  });
});

/** Lets the clock move on, so "newest activity first" has something to order by. */
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
