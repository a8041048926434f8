import { type CommentThread, type CommentThreadInContext, Role, type TenderDetail } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { CommentThread as CommentThreadRow } from '../../src/modules/comments/entities/comment-thread.entity';
import { TenderComment } from '../../src/modules/comments/entities/tender-comment.entity';
import { signInElsewhere } from '../support/other-organisation';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender } from '../support/tender-fixtures';

/**
 * A buyer may mention an evaluator of the organisation in a comment: the evaluator then reads and answers
 * that thread, and nothing else of the tender (`comment.answerMention` in common/access/access-policy.ts).
 */
describe('threads that mention an evaluator', () => {
  let t: TestApp;
  let buyer: TestClient;
  let evaluator: TestClient;
  let otherEvaluator: TestClient;
  let supplier: TestClient;
  let evaluatorId: string;
  let tender: TenderDetail;
  let asked: CommentThread;
  let notMentioned: CommentThread;

  const url = (tenderId = tender.id) => `/api/v1/tenders/${tenderId}/comments`;
  const rows = () => Promise.all([t.dataSource.getRepository(CommentThreadRow).count(), t.dataSource.getRepository(TenderComment).count()]);

  beforeAll(async () => {
    t = await startTestApp();
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    evaluator = t.client();
    await evaluator.signIn('evaluator@demo.test');
    supplier = t.client();
    await supplier.signIn('supplier@demo.test');
    evaluatorId = (await evaluator.get('/api/v1/auth/me')).body.id;

    // An evaluator of another organisation, who must not reach this organisation's threads.
    otherEvaluator = await signInElsewhere(t, { email: 'eve@other.test', name: 'Eve Elsewhere', role: Role.Evaluator });

    tender = await createReadyTender(buyer, 'Community transport');
    const requirementId = tender.lots[0].requirements[0].id;
    const started = await buyer.post(url(), {
      anchor: { requirementId, field: 'measure' },
      body: 'Tom, can the panel score this measure?',
      mentions: [evaluatorId],
    });
    expect(started.status).toBe(201);
    asked = started.body;
    notMentioned = (await buyer.post(url(), { body: 'Between us buyers: is the budget right?' })).body;
  });
  afterAll(() => t.close());

  it('lets a buyer offer the evaluator as someone to mention', async () => {
    const team = await buyer.get(`/api/v1/tenders/${tender.id}/team`);
    expect(team.body).toContainEqual({ id: evaluatorId, name: 'Dr Tom Evans', role: Role.Evaluator });
    expect(asked.entries[0].mentions).toEqual([{ id: evaluatorId, name: 'Dr Tom Evans' }]);
  });

  it("lists the threads mentioning the evaluator, with the tender's name, and only those", async () => {
    const res = await evaluator.get('/api/v1/comments/mentioning-me');
    expect(res.status).toBe(200);
    const list = res.body as CommentThreadInContext[];
    expect(list.map((x) => x.thread.id)).toEqual([asked.id]);
    expect(list[0].tender).toEqual({ id: tender.id, reference: tender.reference, title: 'Community transport' });
    expect(list[0].thread.anchor).toMatchObject({ requirementNumber: '1.1', field: 'measure' });
    expect((await otherEvaluator.get('/api/v1/comments/mentioning-me')).body).toEqual([]);
    expect((await supplier.get('/api/v1/comments/mentioning-me')).status).toBe(403);
    expect((await t.client().get('/api/v1/comments/mentioning-me')).status).toBe(401);
  });

  it('lets the evaluator read and answer that thread', async () => {
    const read = await evaluator.get(`${url()}/${asked.id}`);
    expect(read.status).toBe(200);
    expect(read.body.tender.title).toBe('Community transport');
    expect(read.body.thread.entries.map((e: { body: string }) => e.body)).toEqual(['Tom, can the panel score this measure?']);

    const reply = await evaluator.post(`${url()}/${asked.id}/replies`, { body: 'Yes, if the target is a number.' });
    expect(reply.status).toBe(201);
    expect(reply.body.entries.map((e: { author: { name: string } }) => e.author.name)).toEqual(['Priya Shah', 'Dr Tom Evans']);
    const seenByBuyer = (await buyer.get(`${url()}/${asked.id}`)).body.thread as CommentThread;
    expect(seenByBuyer.entries[1].body).toBe('Yes, if the target is a number.');
  });

  it('shows the evaluator nothing else of the tender, and lets them change nothing else', async () => {
    const before = await rows();
    const answers = {
      tender: await evaluator.get(`/api/v1/tenders/${tender.id}`),
      history: await evaluator.get(`/api/v1/tenders/${tender.id}/history`),
      threads: await evaluator.get(url()),
      team: await evaluator.get(`/api/v1/tenders/${tender.id}/team`),
      otherThread: await evaluator.get(`${url()}/${notMentioned.id}`),
      replyElsewhere: await evaluator.post(`${url()}/${notMentioned.id}/replies`, { body: 'Let me in' }),
      start: await evaluator.post(url(), { body: 'A new thread' }),
      resolve: await evaluator.post(`${url()}/${asked.id}/resolve`),
      unknownThread: await evaluator.get(`${url()}/${randomUUID()}`),
    };
    expect(Object.fromEntries(Object.entries(answers).map(([k, r]) => [k, r.status]))).toEqual({
      tender: 403,
      history: 403,
      threads: 404,
      team: 404,
      otherThread: 404,
      replyElsewhere: 404,
      start: 404,
      resolve: 404,
      unknownThread: 404,
    });
    // A thread they are not in and a thread that does not exist get the same answer: nothing leaks.
    expect(answers.otherThread.body.message).toBe(answers.unknownThread.body.message);
    expect(JSON.stringify(answers.otherThread.body)).not.toContain('budget');
    expect(await rows()).toEqual(before);
  });

  it("refuses another organisation's evaluator and a supplier as for a tender that does not exist", async () => {
    const before = await rows();
    for (const c of [otherEvaluator, supplier]) {
      expect((await c.get(`${url()}/${asked.id}`)).status).toBe(404);
      expect((await c.post(`${url()}/${asked.id}/replies`, { body: 'Let me in' })).status).toBe(404);
    }
    expect(await rows()).toEqual(before);
  });

  it('keeps answering closed to a resolved thread, for the evaluator as for anyone', async () => {
    expect((await buyer.post(`${url()}/${asked.id}/resolve`)).status).toBe(200);
    const res = await evaluator.post(`${url()}/${asked.id}/replies`, { body: 'One more thing' });
    expect(res.status).toBe(409);
    expect((await evaluator.get(`${url()}/${asked.id}`)).body.thread.status).toBe('resolved');
  });
});
