import { NotificationKind, QuestionStatus, Role, type TenderDetail } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock/clock';
import { AuditEvent } from '../../src/modules/audit/entities/audit-event.entity';
import { ClarificationQuestion } from '../../src/modules/clarifications/entities/clarification-question.entity';
import { TenderInterest } from '../../src/modules/clarifications/entities/tender-interest.entity';
import { User } from '../../src/modules/identity/entities/user.entity';
import { PasswordService } from '../../src/modules/identity/password.service';
import { Notification } from '../../src/modules/notifications/entities/notification.entity';
import { signInElsewhere } from '../support/other-organisation';
import { readPdf } from '../support/pdf';
import { countChanges, rowCounter } from '../support/row-counts';
import { createReadyTender } from '../support/tender-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

type Who = 'anonymous' | 'supplier' | 'otherSupplier' | 'buyer' | 'otherBuyer' | 'evaluator' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'supplier', 'otherSupplier', 'buyer', 'otherBuyer', 'evaluator', 'admin'];

/** Registered interest and clarification questions, on a real database (SQLite, and PostgreSQL with TEST_DATABASE=postgres). */
describe('clarifications: interest and questions', () => {
  let t: TestApp;
  let as: Record<Who, TestClient>;
  let clock: jest.SpyInstance<Date, []>;
  let counts: () => Promise<Record<string, number>>;
  let tender: TenderDetail;
  const api = (path: string) => `/api/v1/tenders/${tender.id}${path}`;
  const publicApi = (path: string) => `/api/v1/public/tenders/${tender.id}${path}`;

  beforeAll(async () => {
    t = await startTestApp();
    counts = rowCounter(t.dataSource);
    const signedIn = async (email: string) => {
      const c = t.client();
      await c.signIn(email);
      return c;
    };
    const buyer = await signedIn('buyer@demo.test');
    as = {
      anonymous: t.client(),
      supplier: await signedIn('supplier@demo.test'),
      otherSupplier: await signUpSupplier(t, 'Quill & Co', 'jo@quill.test'),
      buyer,
      otherBuyer: await signInElsewhere(t, { email: 'other.buyer@other.test', name: 'Other Buyer', role: Role.Buyer }),
      evaluator: await signedIn('evaluator@demo.test'),
      admin: await addAdmin(t, buyer),
    };
    tender = await publishedTender(as.buyer, 'Clarified community transport');
  });
  // A spy of its own per test (calling through until a test sets the time), so no test's time leaks into the next.
  beforeEach(() => {
    clock = jest.spyOn(t.app.get(Clock), 'now');
  });
  afterEach(() => clock.mockRestore());
  afterAll(() => t.close());

  /** Puts the server's clock `ms` after the tender's deadline (0: exactly at it, negative: before it). */
  const atClarificationDeadline = (ms = 0) =>
    clock.mockReturnValue(new Date(new Date(tender.timetable.clarificationDeadline!).getTime() + ms));
  const atSubmissionDeadline = (ms = 0) => clock.mockReturnValue(new Date(new Date(tender.timetable.submissionDeadline!).getTime() + ms));

  async function ask(c: TestClient, text: string, tenderId = tender.id) {
    return c.post(`/api/v1/tenders/${tenderId}/questions`, { text });
  }

  describe('who may call each route (before the clarification deadline)', () => {
    const expectStatuses = async (call: (c: TestClient) => Promise<{ status: number }>, expected: Record<Who, number>) => {
      const got: Partial<Record<Who, number>> = {};
      for (const who of EVERYONE) got[who] = (await call(as[who])).status;
      expect(got).toEqual(expected);
    };
    const suppliersOnly = (ok: number): Record<Who, number> => ({
      anonymous: 401,
      supplier: ok,
      otherSupplier: ok,
      buyer: 403,
      otherBuyer: 403,
      evaluator: 403,
      admin: 403,
    });
    const buyingTeamOnly = (ok: number): Record<Who, number> => ({
      anonymous: 401,
      supplier: 404,
      otherSupplier: 404,
      buyer: ok,
      otherBuyer: 404,
      evaluator: 404,
      admin: ok,
    });

    it('interest: suppliers read, register and withdraw their own; everyone else is told only suppliers can', async () => {
      await expectStatuses((c) => c.get(api('/interest')), suppliersOnly(200));
      await expectStatuses((c) => c.put(api('/interest')), suppliersOnly(200));
      await expectStatuses((c) => c.delete(api('/interest')), suppliersOnly(200));
    });

    it('questions: suppliers ask and read their own; the queue, drafts and answers are the buying team’s', async () => {
      await expectStatuses((c) => ask(c, 'Is a pilot in one district acceptable?'), suppliersOnly(201));
      await expectStatuses((c) => c.get(api('/questions/mine')), suppliersOnly(200));
      await expectStatuses((c) => c.get(api('/questions')), buyingTeamOnly(200));
      const [first, second] = (await as.buyer.get(api('/questions'))).body.questions;
      let revision = first.revision;
      await expectStatuses(async (c) => {
        const res = await c.put(api(`/questions/${first.id}/draft`), { draftAnswer: 'Yes.' }, { 'If-Match': `"${revision}"` });
        if (res.status === 200) revision = res.body.revision;
        return res;
      }, buyingTeamOnly(200));
      // Each call answers a question of its own, so the buying team's second answer is not refused as a repeat.
      const fresh = async () => (await ask(as.supplier, `Question ${randomUUID()}`)).body.id as string;
      await expectStatuses(
        async (c) => c.post(api(`/questions/${await fresh()}/answer`), { answer: 'Yes, one district is fine.' }),
        buyingTeamOnly(200),
      );
      expect(second.status).toBe(QuestionStatus.New);
      await expectStatuses(
        (c) => c.get(publicApi('/clarifications')),
        Object.fromEntries(EVERYONE.map((w) => [w, 200])) as Record<Who, number>,
      );
      await expectStatuses(
        (c) => c.get(publicApi('/clarifications.pdf')),
        Object.fromEntries(EVERYONE.map((w) => [w, 200])) as Record<Who, number>,
      );
    });

    it('after the clarification deadline: suppliers are refused a question (409); every other answer stays as before', async () => {
      atClarificationDeadline();
      await expectStatuses((c) => ask(c, 'After questions closed?'), { ...suppliersOnly(409) });
      await expectStatuses((c) => c.get(api('/questions/mine')), suppliersOnly(200));
      await expectStatuses((c) => c.get(api('/interest')), suppliersOnly(200));
      await expectStatuses((c) => c.put(api('/interest')), suppliersOnly(200));
      await expectStatuses((c) => c.get(api('/questions')), buyingTeamOnly(200));
      atSubmissionDeadline();
      await expectStatuses((c) => c.put(api('/interest')), suppliersOnly(409));
      await expectStatuses((c) => c.delete(api('/interest')), suppliersOnly(409));
      await expectStatuses((c) => c.get(api('/questions')), buyingTeamOnly(200));
    });

    it('answers 404 for a tender that does not exist, or that the public cannot read (a draft)', async () => {
      const draft = await createReadyTender(as.buyer, 'Not yet published');
      for (const id of [randomUUID(), draft.id, 'not-a-uuid']) {
        expect((await as.supplier.get(`/api/v1/tenders/${id}/interest`)).status).toBe(404);
        expect((await as.supplier.put(`/api/v1/tenders/${id}/interest`)).status).toBe(404);
        expect((await ask(as.supplier, 'Anything?', id)).status).toBe(404);
        expect((await as.supplier.get(`/api/v1/tenders/${id}/questions/mine`)).status).toBe(404);
        expect((await as.anonymous.get(`/api/v1/public/tenders/${id}/clarifications`)).status).toBe(404);
        expect((await as.anonymous.get(`/api/v1/public/tenders/${id}/clarifications.pdf`)).status).toBe(404);
      }
      expect((await as.buyer.get(`/api/v1/tenders/${draft.id}/questions`)).status).toBe(200);
    });
  });

  describe('registered interest', () => {
    it('registers once per organisation, withdraws, and registers again; the buyer’s audit trail never names who', async () => {
      const own = await publishedTender(as.buyer, 'Interest tender');
      const path = `/api/v1/tenders/${own.id}/interest`;
      expect((await as.supplier.get(path)).body).toEqual({ registered: false, registeredAt: null });
      const first = await as.supplier.put(path);
      expect(first.body).toMatchObject({ registered: true });
      expect((await as.supplier.put(path)).body).toEqual(first.body);
      expect((await as.otherSupplier.put(path)).body.registered).toBe(true);
      const rows = () => t.dataSource.getRepository(TenderInterest).findBy({ tenderId: own.id });
      expect((await rows()).filter((r) => r.withdrawnAt === null)).toHaveLength(2);

      expect((await as.supplier.delete(path)).body).toEqual({ registered: false, registeredAt: null });
      expect((await as.supplier.delete(path)).status).toBe(200);
      expect((await rows()).filter((r) => r.withdrawnAt === null)).toHaveLength(1);
      expect((await as.supplier.put(path)).body.registered).toBe(true);
      expect(await rows()).toHaveLength(2);

      const entries = await t.dataSource
        .getRepository(AuditEvent)
        .find({ where: [{ action: 'interest.registered' }, { action: 'interest.withdrawn' }], order: { seq: 'ASC' } });
      const ids = new Set((await rows()).map((r) => `tender-interest:${r.id}`));
      // Registered, registered (the other), withdrawn, registered again: the repeats changed nothing and wrote nothing.
      expect(entries.filter((e) => ids.has(e.subject)).map((e) => e.action)).toEqual([
        'interest.registered',
        'interest.registered',
        'interest.withdrawn',
        'interest.registered',
      ]);
      for (const e of entries) {
        expect(e.tenderId).toBeNull();
        expect(JSON.parse(e.details)).toEqual({});
      }
      const trail = await as.buyer.get(`/api/v1/tenders/${own.id}/audit`);
      expect(JSON.stringify(trail.body)).not.toMatch(/interest\.|registered|withdr|Brightpath|Quill|Sam Okafor/i);
    });

    it('refuses registering or withdrawing at and after the submission deadline, writing nothing', async () => {
      const own = await publishedTender(as.buyer, 'Interest closes');
      const path = `/api/v1/tenders/${own.id}/interest`;
      await as.supplier.put(path);
      clock.mockReturnValue(new Date(own.timetable.submissionDeadline!));
      const before = await counts();
      for (const res of [await as.supplier.delete(path), await as.otherSupplier.put(path)]) {
        expect(res.status).toBe(409);
        expect(res.body.message).toMatch(
          /^The deadline for responses was .+ \(UK time\)\. You can no longer register or withdraw interest\.$/,
        );
      }
      expect(countChanges(before, await counts())).toEqual([]);
      expect((await as.supplier.get(path)).body.registered).toBe(true);
    });
  });

  describe('asking', () => {
    it('takes a question of exactly 500 words and refuses 501, or an empty one, writing nothing', async () => {
      const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(i18nSpace(n));
      const before = await counts();
      for (const text of [words(501), '   ', '', 'x'.repeat(10_001)]) {
        const res = await ask(as.supplier, text);
        expect(res.status).toBe(400);
      }
      const refused = await ask(as.supplier, words(501));
      expect(refused.body.details[0].message).toBe(
        'Your question has 501 words. A question can be at most 500 words: shorten it, or split it into two questions.',
      );
      expect((await as.supplier.post(api('/questions'), { text: 'ok', askerName: 'x' })).status).toBe(400);
      expect(countChanges(before, await counts())).toEqual([]);
      const ok = await ask(as.supplier, words(500));
      expect(ok.status).toBe(201);
      expect(ok.body).toMatchObject({ tenderId: tender.id, status: QuestionStatus.New, answer: null, answeredAt: null });
    });

    it('refuses a question at and after the clarification deadline with a plain message, writing nothing', async () => {
      atClarificationDeadline(-1);
      expect((await ask(as.supplier, 'In the last millisecond?')).status).toBe(201);
      for (const ms of [0, 1, 86_400_000]) {
        atClarificationDeadline(ms);
        const before = await counts();
        const res = await ask(as.otherSupplier, 'Too late?');
        expect(res.status).toBe(409);
        expect(res.body.message).toMatch(
          /^Questions closed on \w+day \d{1,2} \w+ \d{4}, [\d:]+( noon| midnight)? \(UK time\)\. You can no longer ask a question\.$/,
        );
        expect(countChanges(before, await counts())).toEqual([]);
      }
      // Interest stays open until the submission deadline; the queue and answers go on after questions close.
      expect((await as.otherSupplier.put(api('/interest'))).status).toBe(200);
      expect((await as.buyer.get(api('/questions'))).status).toBe(200);
      atSubmissionDeadline();
      expect((await ask(as.supplier, 'Still?')).status).toBe(409);
    });

    it('bounds the questions one organisation may ask about one tender (50)', async () => {
      const own = await publishedTender(as.buyer, 'Many questions');
      const id = randomUUID();
      // Forty-nine are put straight in (the route is tested above); the fiftieth goes through the API.
      const base = { tenderId: own.id, organisationName: 'Brightpath Digital Ltd', text: 'Q', status: QuestionStatus.New, draftAnswer: '' };
      const me = (await as.supplier.get('/api/v1/auth/me')).body;
      await t.dataSource.getRepository(ClarificationQuestion).insert(
        Array.from({ length: 49 }, (_, i) => ({
          ...base,
          id: i === 0 ? id : randomUUID(),
          organisationId: me.organisation.id,
          askedBy: me.id,
          askedAt: new Date(Date.now() - 1000 + i),
          revision: 1,
        })),
      );
      expect((await ask(as.supplier, 'The fiftieth', own.id)).status).toBe(201);
      const before = await counts();
      const refused = await ask(as.supplier, 'The fifty-first', own.id);
      expect(refused.status).toBe(422);
      expect(refused.body.message).toMatch(/already asked 50 questions/);
      expect(countChanges(before, await counts())).toEqual([]);
      expect((await ask(as.otherSupplier, 'Another organisation may still ask', own.id)).status).toBe(201);
    });
  });

  describe('answering', () => {
    let own: TenderDetail;
    beforeAll(async () => {
      own = await publishedTender(as.buyer, 'Answers tender');
      await as.otherSupplier.put(`/api/v1/tenders/${own.id}/interest`);
    });
    const q = (path: string) => `/api/v1/tenders/${own.id}/questions${path}`;

    it('keeps drafts with optimistic concurrency: a stale If-Match is 409 with the current state; none is 400', async () => {
      const asked = (await ask(as.supplier, 'Can we use subcontractors?', own.id)).body;
      const first = await as.buyer.put(q(`/${asked.id}/draft`), { draftAnswer: 'Yes, if' }, { 'If-Match': '"1"' });
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ status: QuestionStatus.Drafted, draftAnswer: 'Yes, if', revision: 2 });
      const before = await counts();
      const stale = await as.admin.put(q(`/${asked.id}/draft`), { draftAnswer: 'No' }, { 'If-Match': '"1"' });
      expect(stale.status).toBe(409);
      expect(stale.body.current).toMatchObject({ id: asked.id, draftAnswer: 'Yes, if', revision: 2 });
      expect((await as.admin.put(q(`/${asked.id}/draft`), { draftAnswer: 'No' })).status).toBe(400);
      expect((await as.admin.put(q(`/${asked.id}/draft`), { draftAnswer: 'No' }, { 'If-Match': 'banana' })).status).toBe(400);
      expect(countChanges(before, await counts())).toEqual([]);
      // The asker never sees a draft: to them the question is still waiting.
      const mine = (await as.supplier.get(`/api/v1/tenders/${own.id}/questions/mine`)).body;
      expect(mine.find((m: { id: string }) => m.id === asked.id)).toMatchObject({ status: QuestionStatus.New, answer: null });
      expect(JSON.stringify(mine)).not.toContain('Yes, if');
    });

    it('publishes an answer to everyone, numbered, with the asker anonymised in the payload and the PDF; answering again is 409', async () => {
      const text = 'Will the service need to run at weekends?';
      const asked = (await ask(as.supplier, text, own.id)).body;
      const res = await as.buyer.post(q(`/${asked.id}/answer`), { answer: 'Saturdays only, 9am to 1pm.' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: QuestionStatus.Published, publishedNumber: 1, answer: 'Saturdays only, 9am to 1pm.' });
      const before = await counts();
      expect((await as.admin.post(q(`/${asked.id}/answer`), { answer: 'Changed my mind' })).status).toBe(409);
      expect((await as.admin.put(q(`/${asked.id}/draft`), { draftAnswer: 'x' }, { 'If-Match': `"${res.body.revision}"` })).status).toBe(
        409,
      );
      expect(countChanges(before, await counts())).toEqual([]);

      const list = await as.anonymous.get(`/api/v1/public/tenders/${own.id}/clarifications`);
      expect(list.status).toBe(200);
      expect(list.body).toEqual([
        { id: asked.id, number: 1, question: text, answer: 'Saturdays only, 9am to 1pm.', publishedAt: res.body.answeredAt },
      ]);
      const supplierMe = (await as.supplier.get('/api/v1/auth/me')).body;
      const asker = [supplierMe.id, supplierMe.name, supplierMe.email, supplierMe.organisation.id, supplierMe.organisation.name];
      for (const secret of asker) expect(JSON.stringify(list.body)).not.toContain(secret);

      const pdf = await download(as.anonymous, `/api/v1/public/tenders/${own.id}/clarifications.pdf`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const read = readPdf(pdf.body as Buffer);
      expect(read.text.replace(/\s+/g, ' ')).toContain(text);
      expect(read.text).toContain('Saturdays only, 9am to 1pm.');
      expect(read.text).toContain('Question 1');
      for (const secret of asker) expect(read.text).not.toContain(secret);
      expect(read.text).not.toContain('Sam');
      // The same answers give the same bytes.
      expect(pdf.headers['etag']).toBe(
        (await download(as.anonymous, `/api/v1/public/tenders/${own.id}/clarifications.pdf`)).headers['etag'],
      );

      const audit = await t.dataSource
        .getRepository(AuditEvent)
        .findOneByOrFail({ action: 'question.answered', subject: `clarification-question:${asked.id}` });
      expect(audit.tenderId).toBe(own.id);
      expect(JSON.parse(audit.details)).toEqual({ questionId: asked.id, visibility: 'public', number: 1, privateReason: null });
      const askedAudit = await t.dataSource
        .getRepository(AuditEvent)
        .findOneByOrFail({ action: 'question.asked', subject: `clarification-question:${asked.id}` });
      expect(JSON.parse(askedAudit.details)).toEqual({ questionId: asked.id, words: 8 });

      // Everyone with active interest and the asker (who registered none) is told, once.
      const told = await t.dataSource.getRepository(Notification).findBy({ dedupeKey: `question-answered:${asked.id}` });
      const otherMe = (await as.otherSupplier.get('/api/v1/auth/me')).body;
      expect(told.map((n) => n.userId).sort()).toEqual([supplierMe.id, otherMe.id].sort());
      expect(told.every((n) => n.kind === NotificationKind.QuestionAnswered && n.link === `/opportunities/${own.id}`)).toBe(true);
      for (const n of told) expect(`${n.title} ${n.body}`).not.toContain(supplierMe.organisation.name);
    });

    it('answers privately only with a reason, visible to the asking organisation alone', async () => {
      const asked = (await ask(as.otherSupplier, 'Our pricing model is unusual: can we share it privately?', own.id)).body;
      const before = await counts();
      for (const body of [
        { answer: 'Yes', visibility: 'private' },
        { answer: 'Yes', visibility: 'private', privateReason: '   ' },
      ]) {
        const res = await as.buyer.post(q(`/${asked.id}/answer`), body);
        expect(res.status).toBe(422);
        expect(res.body.details).toEqual([{ field: 'privateReason', message: 'Give the reason the question is commercially sensitive.' }]);
      }
      expect((await as.buyer.post(q(`/${asked.id}/answer`), { answer: 'Yes', visibility: 'secret' })).status).toBe(400);
      expect((await as.buyer.post(q(`/${asked.id}/answer`), { answer: '', visibility: 'public' })).status).toBe(400);
      expect(countChanges(before, await counts())).toEqual([]);

      const reason = 'It reveals the supplier’s pricing model.';
      const res = await as.buyer.post(q(`/${asked.id}/answer`), {
        answer: 'Yes, send it to the contact.',
        visibility: 'private',
        privateReason: reason,
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: QuestionStatus.AnsweredPrivately, publishedNumber: null, privateReason: reason });

      const theirs = (await as.otherSupplier.get(`/api/v1/tenders/${own.id}/questions/mine`)).body;
      expect(theirs.find((m: { id: string }) => m.id === asked.id)).toMatchObject({
        status: QuestionStatus.AnsweredPrivately,
        answer: 'Yes, send it to the contact.',
      });
      const others = (await as.supplier.get(`/api/v1/tenders/${own.id}/questions/mine`)).body;
      expect(JSON.stringify(others)).not.toContain('send it to the contact');
      const pub = await as.anonymous.get(`/api/v1/public/tenders/${own.id}/clarifications`);
      expect(JSON.stringify(pub.body)).not.toContain('send it to the contact');
      expect(
        readPdf((await download(as.anonymous, `/api/v1/public/tenders/${own.id}/clarifications.pdf`)).body as Buffer).text,
      ).not.toContain('pricing model');

      const audit = await t.dataSource
        .getRepository(AuditEvent)
        .findOneByOrFail({ action: 'question.answered', subject: `clarification-question:${asked.id}` });
      expect(JSON.parse(audit.details)).toMatchObject({ visibility: 'private', privateReason: reason, number: null });
      const otherMe = (await as.otherSupplier.get('/api/v1/auth/me')).body;
      const told = await t.dataSource.getRepository(Notification).findBy({ dedupeKey: `question-answered:${asked.id}` });
      expect(told.map((n) => n.userId)).toEqual([otherMe.id]);
    });

    it('shows the buyer a queue with counts per status and both dates', async () => {
      await ask(as.supplier, 'One more, unanswered', own.id);
      const res = await as.buyer.get(q(''));
      expect(res.status).toBe(200);
      expect(res.body.counts).toEqual({
        [QuestionStatus.New]: 1,
        [QuestionStatus.Drafted]: 1,
        [QuestionStatus.Published]: 1,
        [QuestionStatus.AnsweredPrivately]: 1,
      });
      expect(res.body.questions).toHaveLength(4);
      expect(res.body.clarificationDeadline).toBe(own.timetable.clarificationDeadline);
      expect(res.body.answersPublishedBy).toBe(own.timetable.answersPublishedBy);
    });
  });

  it('tells everyone with active interest when a new version is published, and not those who withdrew', async () => {
    const own = await publishedTender(as.buyer, 'Changing tender');
    await as.supplier.put(`/api/v1/tenders/${own.id}/interest`);
    await as.otherSupplier.put(`/api/v1/tenders/${own.id}/interest`);
    await as.otherSupplier.delete(`/api/v1/tenders/${own.id}/interest`);
    const current = (await as.buyer.get(`/api/v1/tenders/${own.id}`)).body as TenderDetail;
    const published = await as.buyer.post(`/api/v1/tenders/${own.id}/publish`, {
      revision: current.revision,
      changeNote: 'Deadline moved a week.',
    });
    expect(published.status).toBe(201);
    const told = await t.dataSource
      .getRepository(Notification)
      .findBy({ kind: NotificationKind.TenderChanged, dedupeKey: `tender-changed:${own.id}:2` });
    const supplierMe = (await as.supplier.get('/api/v1/auth/me')).body;
    expect(told.map((n) => n.userId)).toEqual([supplierMe.id]);
    expect(told[0].body).toContain('Deadline moved a week.');
  });
});

/** Spaces of several kinds between words: the count is by whitespace runs, whatever the kind. */
function i18nSpace(n: number): string {
  return n % 2 ? ' ' : ' \n\t';
}

async function publishedTender(buyer: TestClient, title: string): Promise<TenderDetail> {
  const draft = await createReadyTender(buyer, title);
  const res = await buyer.post(`/api/v1/tenders/${draft.id}/publish`, { revision: draft.revision });
  if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  return (await buyer.get(`/api/v1/tenders/${draft.id}`)).body as TenderDetail;
}

async function signUpSupplier(t: TestApp, organisationName: string, email: string): Promise<TestClient> {
  const c = t.client();
  const res = await c.post('/api/v1/auth/sign-up', { name: 'Jo Quill', email, password: 'a-long-password', organisationName, isSme: true });
  if (res.status >= 300) throw new Error(`sign-up failed: ${res.status} ${JSON.stringify(res.body)}`);
  await c.signIn(email, 'a-long-password');
  return c;
}

/** An administrator of the demo buying organisation. */
async function addAdmin(t: TestApp, buyer: TestClient): Promise<TestClient> {
  const me = (await buyer.get('/api/v1/auth/me')).body;
  await t.dataSource.getRepository(User).insert({
    id: randomUUID(),
    organisationId: me.organisation.id,
    email: 'admin@demo.test',
    name: 'Ada Admin',
    role: Role.Admin,
    passwordHash: await t.app.get(PasswordService).hash('a-long-password'),
    createdAt: new Date(),
  });
  const c = t.client();
  await c.signIn('admin@demo.test', 'a-long-password');
  return c;
}

function download(c: TestClient, path: string) {
  return c
    .raw()
    .get(path)
    .set('Cookie', c.cookieHeader())
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
}
