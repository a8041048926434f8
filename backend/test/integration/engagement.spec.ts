import {
  type BuyerEngagementView,
  ENGAGEMENT_LIMITS,
  type EngagementFeedback,
  type EngagementNotice,
  type EngagementNoticePage,
  OrganisationKind,
  type PublishEngagementRequest,
  Role,
  type SupplierEngagementView,
  type TenderDetail,
} from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../src/common/clock/clock';
import { EngagementFeedbackRow, EngagementRegistrationRow } from '../../src/modules/engagement/entities';
import { EngagementNotices } from '../../src/modules/engagement/engagement-notices';
import { Organisation } from '../../src/modules/identity/entities/organisation.entity';
import { User } from '../../src/modules/identity/entities/user.entity';
import { PasswordService } from '../../src/modules/identity/password.service';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { signUpSupplier } from '../support/response-fixtures';
import { countChanges, rowCounter } from '../support/row-counts';
import { createReadyTender, inDays } from '../support/tender-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

const BRIGHTPATH = 'Brightpath Digital Ltd';
const QUILL = 'Quill & Co Engagement Ltd';

/** Preliminary market engagement on a real database (SQLite, and PostgreSQL with TEST_DATABASE=postgres). */
describe('market engagement', () => {
  let t: TestApp;
  let buyer: TestClient;
  let supplier: TestClient;
  let quill: TestClient;
  let anonymous: TestClient;
  let counts: () => Promise<Record<string, number>>;
  let clock: jest.SpyInstance<Date, []>;
  let unique = 0;

  beforeAll(async () => {
    t = await startTestApp({ PASSWORD_HASH_QUEUE: '100' });
    counts = rowCounter(t.dataSource);
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    supplier = t.client();
    await supplier.signIn('supplier@demo.test');
    quill = await signUpSupplier(t, QUILL, 'jo@quill-engagement.test');
    anonymous = t.client();
  });
  beforeEach(() => {
    clock = jest.spyOn(t.app.get(Clock), 'now');
  });
  afterEach(() => clock.mockRestore());
  afterAll(() => t.close());

  const body = (revision: number, over: Partial<PublishEngagementRequest> = {}): PublishEngagementRequest => ({
    revision,
    questions: 'Could one provider run both the booking line and the app?',
    feedbackCloses: inDays(14),
    event: {
      title: 'Supplier briefing',
      startsAt: inDays(7),
      endsAt: new Date(Date.now() + 7 * 86_400_000 + 2 * 3_600_000).toISOString(),
      format: 'online',
      place: 'Joining details are sent to those registered.',
      capacity: null,
    },
    ...over,
  });

  /** A fresh draft with its engagement published. */
  async function engaged(
    over: Partial<PublishEngagementRequest> = {},
  ): Promise<{ tender: TenderDetail; view: BuyerEngagementView; id: string }> {
    const tender = await createReadyTender(buyer, `Engaged transport ${++unique}`);
    const res = await buyer.post(`/api/v1/tenders/${tender.id}/engagement`, body(tender.revision, over));
    if (res.status !== 201) throw new Error(`engagement failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { tender, view: res.body, id: res.body.notice.id };
  }

  /** `n` signed-in supplier organisations, made directly (one password hash for all: sign-up's cost is not under test). */
  async function suppliers(n: number): Promise<TestClient[]> {
    const hash = await t.app.get(PasswordService).hash('a-long-password');
    const clients: TestClient[] = [];
    for (let i = 0; i < n; i++) {
      const organisationId = randomUUID();
      const email = `rush-${++unique}@engagement.test`;
      await t.dataSource.getRepository(Organisation).insert({
        id: organisationId,
        name: `Rush Engagement ${unique} Ltd`,
        kind: OrganisationKind.Supplier,
        isSme: true,
        companyNumber: null,
        createdAt: new Date(),
      });
      await t.dataSource.getRepository(User).insert({
        id: randomUUID(),
        organisationId,
        email,
        name: `Rush Person ${unique}`,
        role: Role.Supplier,
        passwordHash: hash,
        createdAt: new Date(),
      });
      const c = t.client();
      await c.signIn(email, 'a-long-password');
      clients.push(c);
    }
    return clients;
  }

  const feedback = (c: TestClient, id: string, b: Record<string, unknown>, headers: Record<string, string> = {}) =>
    c.post(`/api/v1/engagements/${id}/feedback`, b, headers);

  const audit = async (tenderId: string) =>
    (
      (await buyer.get(`/api/v1/tenders/${tenderId}/audit?pageSize=100`)).body.entries as { actor: { name: string }; summary: string }[]
    ).map((e) => `${e.actor.name} ${e.summary}`);

  describe('publishing', () => {
    it('publishes a snapshot of every draft outcome, numbered as the editor numbers them, and audits it', async () => {
      const { tender, view } = await engaged();
      const requirements = tender.lots.flatMap((l) => l.requirements);
      expect(requirements.length).toBeGreaterThan(1);
      const n = view.notice;
      expect(n.outcomes.map((o) => o.requirementId)).toEqual(requirements.map((r) => r.id));
      expect(n.outcomes.map((o) => o.number)).toEqual(tender.lots[0]!.requirements.map((_, i) => `1.${i + 1}`));
      expect(n.outcomes[0]).toEqual({
        requirementId: requirements[0]!.id,
        lotTitle: tender.lots[0]!.title,
        number: '1.1',
        outcome: requirements[0]!.outcome,
        measure: requirements[0]!.measure.description || null,
      });
      expect(n).toMatchObject({
        tenderId: tender.id,
        reference: tender.reference,
        title: tender.title,
        buyerName: 'Northshire Community Health NHS Trust',
        status: 'open',
        registrations: 0,
        questions: 'Could one provider run both the booking line and the app?',
      });
      expect(n.summary).toContain(tender.summary);
      expect(n.summary).toContain(tender.problem);
      expect(view.feedback).toEqual([]);

      // A later edit of the draft does not change what was published.
      const current = (await buyer.get(`/api/v1/tenders/${tender.id}`)).body as TenderDetail;
      const content = toTenderContent(current);
      content.lots[0]!.requirements[0]!.outcome = 'Parents book school transport in under five minutes, on any device.';
      expect((await buyer.put(`/api/v1/tenders/${tender.id}`, { revision: current.revision, content })).status).toBe(200);
      expect((await anonymous.get(`/api/v1/public/engagements/${n.id}`)).body.outcomes[0].outcome).toBe(requirements[0]!.outcome);

      expect(await audit(tender.id)).toContain(
        `Priya Shah published the draft outcomes for market engagement (${requirements.length} outcomes)`,
      );
      expect(await t.app.get(EngagementNotices).forTender(tender.id)).toEqual(n);
    });

    it('refuses a stale revision, a second notice and a published tender with 409, writing nothing', async () => {
      const tender = await createReadyTender(buyer, 'Stale engagement');
      const before = await counts();
      const stale = await buyer.post(`/api/v1/tenders/${tender.id}/engagement`, body(tender.revision - 1));
      expect(stale.status).toBe(409);
      expect(stale.body.revision).toBe(tender.revision);
      expect(countChanges(before, await counts())).toEqual([]);

      expect((await buyer.post(`/api/v1/tenders/${tender.id}/engagement`, body(tender.revision))).status).toBe(201);
      const published = await createReadyTender(buyer, 'Published before engagement');
      expect((await buyer.post(`/api/v1/tenders/${published.id}/publish`, { revision: published.revision })).status).toBe(201);
      const now = (await buyer.get(`/api/v1/tenders/${published.id}`)).body as TenderDetail;

      const again = await counts();
      const second = await buyer.post(`/api/v1/tenders/${tender.id}/engagement`, body(tender.revision));
      expect(second.status).toBe(409);
      expect(second.body.message).toMatch(/already been published/);
      const late = await buyer.post(`/api/v1/tenders/${published.id}/engagement`, body(now.revision));
      expect(late.status).toBe(409);
      expect(late.body.message).toMatch(/comes before the tender/);
      expect(countChanges(again, await counts())).toEqual([]);
    });

    it('answers invalid fields and dates with 400 and what to fix, never 500, writing nothing', async () => {
      const tender = await createReadyTender(buyer, 'Engagement validation');
      const r = tender.revision;
      const ok = body(r);
      const cases: [string, unknown][] = [
        ['past feedbackCloses', { ...ok, feedbackCloses: inDays(-1) }],
        ['feedbackCloses not a date', { ...ok, feedbackCloses: 'next Tuesday' }],
        ['an impossible date', { ...ok, feedbackCloses: '2031-02-30T10:00:00Z' }],
        ['event in the past', { ...ok, event: { ...ok.event!, startsAt: inDays(-2) } }],
        ['event ending before it starts', { ...ok, event: { ...ok.event!, endsAt: inDays(6) } }],
        ['capacity 0', { ...ok, event: { ...ok.event!, capacity: 0 } }],
        ['capacity 1.5', { ...ok, event: { ...ok.event!, capacity: 1.5 } }],
        ['capacity as text', { ...ok, event: { ...ok.event!, capacity: '10' } }],
        ['an unknown format', { ...ok, event: { ...ok.event!, format: 'carrier pigeon' } }],
        ['an event that is text', { ...ok, event: 'a briefing' }],
        ['an unknown event field', { ...ok, event: { ...ok.event!, secret: 1 } }],
        ['an unknown field', { ...ok, supplierNames: true }],
        ['empty questions', { ...ok, questions: '   ' }],
        ['questions too long', { ...ok, questions: 'x'.repeat(ENGAGEMENT_LIMITS.questions + 1) }],
        ['no revision', { questions: ok.questions, feedbackCloses: ok.feedbackCloses, event: null }],
        ['an array', [ok]],
      ];
      const before = await counts();
      const got = [];
      for (const [name, b] of cases) got.push(`${name}: ${(await buyer.post(`/api/v1/tenders/${tender.id}/engagement`, b)).status}`);
      expect(got).toEqual(cases.map(([name]) => `${name}: 400`));
      const dates = await buyer.post(`/api/v1/tenders/${tender.id}/engagement`, {
        ...ok,
        feedbackCloses: inDays(-1),
        event: { ...ok.event!, startsAt: inDays(-2) },
      });
      expect(dates.body.details).toEqual([
        { field: 'feedbackCloses', message: 'Feedback must close in the future.' },
        { field: 'event.startsAt', message: 'The event must start in the future.' },
      ]);
      expect(countChanges(before, await counts())).toEqual([]);
      // Without an event, and with a capacity, are both fine.
      expect((await buyer.post(`/api/v1/tenders/${tender.id}/engagement`, { ...ok, event: null })).status).toBe(201);
    });

    it('refuses a draft with no outcomes (422)', async () => {
      const created = await buyer.post('/api/v1/tenders', { title: 'Nothing drafted yet' });
      expect(created.status).toBe(201);
      const blank = created.body as TenderDetail;
      expect(blank.lots.flatMap((l) => l.requirements)).toEqual([]);
      const res = await buyer.post(`/api/v1/tenders/${blank.id}/engagement`, body(blank.revision));
      expect(res.status).toBe(422);
      expect(res.body.message).toMatch(/at least one outcome/);
    });
  });

  describe('feedback', () => {
    it('keeps each supplier to its own feedback, shows the buyer every name, and the public neither', async () => {
      const { id, view } = await engaged();
      const [first, second] = view.notice.outcomes;
      const mine = await feedback(supplier, id, {
        requirementId: first!.requirementId,
        kind: 'alternative',
        text: 'A phone line alone misses parents who work shifts.',
        proposedOutcome: 'Parents can book transport by phone, online or in person.',
      });
      expect(mine.status).toBe(201);
      expect(mine.body).toMatchObject({ kind: 'alternative', supplierName: BRIGHTPATH, adoptedAt: null });
      const theirs = await feedback(quill, id, { requirementId: second!.requirementId, kind: 'comment', text: 'Secret Quill idea.' });
      expect(theirs.status).toBe(201);

      const own = (await supplier.get(`/api/v1/engagements/${id}`)).body as SupplierEngagementView;
      expect(own.myFeedback.map((f) => f.id)).toEqual([mine.body.id]);
      const quills = (await quill.get(`/api/v1/engagements/${id}`)).body as SupplierEngagementView;
      expect(quills.myFeedback.map((f) => f.id)).toEqual([theirs.body.id]);
      expect(JSON.stringify(quills)).not.toContain(BRIGHTPATH);
      expect(JSON.stringify(own)).not.toContain('Secret Quill idea');

      const team = (await buyer.get(`/api/v1/tenders/${view.notice.tenderId}/engagement`)).body as BuyerEngagementView;
      expect(team.feedback.map((f) => [f.supplierName, f.requirementId])).toEqual([
        [BRIGHTPATH, first!.requirementId],
        [QUILL, second!.requirementId],
      ]);

      for (const path of [`/api/v1/public/engagements/${id}`, '/api/v1/public/engagements?limit=100']) {
        const res = await anonymous.get(path);
        expect(res.status).toBe(200);
        const text = JSON.stringify(res.body);
        for (const secret of [BRIGHTPATH, QUILL, 'Secret Quill idea', 'shifts', 'in person.']) expect(text).not.toContain(secret);
      }
      expect(await audit(view.notice.tenderId)).toEqual(
        expect.arrayContaining([
          `Sam Okafor proposed an alternative for ${BRIGHTPATH} on requirement 1.1`,
          `Jo Quill commented for ${QUILL} on requirement 1.2`,
        ]),
      );
    });

    it('takes feedback only on the notice’s outcomes, and an alternative only with its outcome (400, nothing written)', async () => {
      const { id, view } = await engaged();
      const requirementId = view.notice.outcomes[0]!.requirementId;
      const before = await counts();
      const cases: [string, unknown][] = [
        ['another requirement', { requirementId: randomUUID(), kind: 'comment', text: 'Hello.' }],
        ['not an id', { requirementId: '1.1', kind: 'comment', text: 'Hello.' }],
        ['an alternative without its outcome', { requirementId, kind: 'alternative', text: 'Better this way.' }],
        ['an alternative with a blank outcome', { requirementId, kind: 'alternative', text: 'Better.', proposedOutcome: '  ' }],
        ['a comment proposing an outcome', { requirementId, kind: 'comment', text: 'Hm.', proposedOutcome: 'Something else.' }],
        ['an unknown kind', { requirementId, kind: 'complaint', text: 'Hm.' }],
        ['empty text', { requirementId, kind: 'comment', text: '' }],
        ['text too long', { requirementId, kind: 'comment', text: 'x'.repeat(ENGAGEMENT_LIMITS.feedbackText + 1) }],
        [
          'an outcome too long',
          { requirementId, kind: 'alternative', text: 'Hm.', proposedOutcome: 'x'.repeat(ENGAGEMENT_LIMITS.proposedOutcome + 1) },
        ],
        ['an unknown field', { requirementId, kind: 'comment', text: 'Hm.', supplierName: 'Someone else' }],
      ];
      const got = [];
      for (const [name, b] of cases) got.push(`${name}: ${(await feedback(supplier, id, b as Record<string, unknown>)).status}`);
      expect(got).toEqual(cases.map(([name]) => `${name}: 400`));
      expect(countChanges(before, await counts())).toEqual([]);
      expect((await feedback(supplier, id, { requirementId, kind: 'comment', text: 'Fine.', proposedOutcome: null })).status).toBe(201);
    });

    it('lands a retried or doubled submit once (Idempotency-Key)', async () => {
      const { id, view } = await engaged();
      const b = { requirementId: view.notice.outcomes[0]!.requirementId, kind: 'comment', text: 'Sent twice by a flaky network.' };
      const key = randomUUID();
      const first = await feedback(supplier, id, b, { 'Idempotency-Key': key });
      const again = await feedback(supplier, id, b, { 'Idempotency-Key': key });
      expect([first.status, again.status]).toEqual([201, 200]);
      expect(again.body.id).toBe(first.body.id);
      const parallelKey = randomUUID();
      const burst = await Promise.all(Array.from({ length: 6 }, () => feedback(supplier, id, b, { 'Idempotency-Key': parallelKey })));
      expect(burst.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
      expect(new Set(burst.map((r) => r.body.id)).size).toBe(1);
      expect(await t.dataSource.getRepository(EngagementFeedbackRow).countBy({ engagementId: id })).toBe(2);
      expect((await feedback(supplier, id, b, { 'Idempotency-Key': 'no spaces allowed' })).status).toBe(400);
      // The same key from another supplier is its own.
      expect((await feedback(quill, id, b, { 'Idempotency-Key': key })).status).toBe(201);
    });

    it(`stops one supplier at ${ENGAGEMENT_LIMITS.feedbackPerSupplier} pieces of feedback, even sent at once`, async () => {
      const { id, view } = await engaged();
      const me = (await supplier.get('/api/v1/auth/me')).body as { id: string; organisation: { id: string } };
      const requirementId = view.notice.outcomes[0]!.requirementId;
      const limit = ENGAGEMENT_LIMITS.feedbackPerSupplier;
      await t.dataSource.getRepository(EngagementFeedbackRow).insert(
        Array.from({ length: limit - 3 }, () => ({
          id: randomUUID(),
          engagementId: id,
          requirementId,
          kind: 'comment' as const,
          text: 'Earlier feedback.',
          proposedOutcome: null,
          organisationId: me.organisation.id,
          organisationName: BRIGHTPATH,
          authorId: me.id,
          createdAt: new Date(),
          idempotencyKey: null,
          adoptedAt: null,
          adoptedBy: null,
          adoptedByName: null,
        })),
      );
      const burst = await Promise.all(
        Array.from({ length: 6 }, (_, i) => feedback(supplier, id, { requirementId, kind: 'comment', text: `Burst ${i}.` })),
      );
      expect(burst.map((r) => r.status).sort()).toEqual([201, 201, 201, 422, 422, 422]);
      expect(await t.dataSource.getRepository(EngagementFeedbackRow).countBy({ engagementId: id })).toBe(limit);
      // Another supplier has its own allowance.
      expect((await feedback(quill, id, { requirementId, kind: 'comment', text: 'Ours.' })).status).toBe(201);
    });

    it('refuses feedback from the moment feedback closes, and once the buyer closes it (409, nothing written)', async () => {
      const { id, view } = await engaged();
      const b = { requirementId: view.notice.outcomes[0]!.requirementId, kind: 'comment', text: 'Just in time.' };
      const closes = new Date(view.notice.feedbackCloses).getTime();
      clock.mockReturnValue(new Date(closes - 1));
      expect((await feedback(supplier, id, b)).status).toBe(201);
      clock.mockReturnValue(new Date(closes));
      const before = await counts();
      const late = await feedback(supplier, id, b);
      expect(late.status).toBe(409);
      expect(late.body.message).toMatch(/^Feedback closed on .* \(UK time\)\.$/);
      expect((await anonymous.get(`/api/v1/public/engagements/${id}`)).body.status).toBe('closed');
      expect(countChanges(before, await counts())).toEqual([]);
      clock.mockRestore();

      const other = await engaged();
      const closed = await buyer.post(`/api/v1/tenders/${other.tender.id}/engagement/close`);
      expect(closed.status).toBe(200);
      expect(closed.body.notice.status).toBe('closed');
      expect((await buyer.post(`/api/v1/tenders/${other.tender.id}/engagement/close`)).status).toBe(200);
      const ob = { requirementId: other.view.notice.outcomes[0]!.requirementId, kind: 'comment', text: 'Too late.' };
      expect((await feedback(supplier, other.id, ob)).status).toBe(409);
      expect((await supplier.put(`/api/v1/engagements/${other.id}/registration`, { attendees: 1 })).status).toBe(409);
      const words = await audit(other.tender.id);
      expect(words.filter((w) => w === 'Priya Shah closed market engagement')).toHaveLength(1);
    });
  });

  describe('the event', () => {
    it('registers, changes and withdraws one registration per supplier, within the event’s places', async () => {
      const { id, tender } = await engaged({ event: { ...body(0).event!, capacity: 3 } });
      const put = (c: TestClient, b: unknown) => c.put(`/api/v1/engagements/${id}/registration`, b);
      const before = await counts();
      for (const bad of [{ attendees: 0 }, { attendees: ENGAGEMENT_LIMITS.attendees + 1 }, { attendees: 1.5 }, {}, { attendees: '2' }])
        expect((await put(supplier, bad)).status).toBe(400);
      expect(countChanges(before, await counts())).toEqual([]);

      const mine = await put(supplier, { attendees: 2, accessNeeds: 'Step-free access for one person.' });
      expect(mine.status).toBe(200);
      expect(mine.body.myRegistration).toMatchObject({
        supplierName: BRIGHTPATH,
        contactName: 'Sam Okafor',
        contactEmail: 'supplier@demo.test',
        attendees: 2,
        accessNeeds: 'Step-free access for one person.',
      });
      expect((await put(supplier, { attendees: 1 })).body.myRegistration.attendees).toBe(1);
      expect((await put(quill, { attendees: 2 })).status).toBe(200);
      const [third] = await suppliers(1);
      const full = await put(third!, { attendees: 1 });
      expect(full.status).toBe(409);
      expect(full.body.message).toMatch(/The event is full/);
      expect((await put(supplier, { attendees: 2 })).body.message).toMatch(/only 1 place left/);

      const notice = (await anonymous.get(`/api/v1/public/engagements/${id}`)).body as EngagementNotice;
      expect(notice.registrations).toBe(2);
      expect(JSON.stringify(notice)).not.toMatch(/Sam Okafor|supplier@demo.test|Step-free/);
      const team = (await buyer.get(`/api/v1/tenders/${tender.id}/engagement`)).body as BuyerEngagementView;
      expect(team.registrations.map((r) => [r.supplierName, r.attendees])).toEqual([
        [BRIGHTPATH, 1],
        [QUILL, 2],
      ]);

      const withdrawn = await supplier.delete(`/api/v1/engagements/${id}/registration`);
      expect(withdrawn.status).toBe(200);
      expect(withdrawn.body.myRegistration).toBeNull();
      expect((await supplier.delete(`/api/v1/engagements/${id}/registration`)).status).toBe(200);
      expect((await put(third!, { attendees: 1 })).status).toBe(200);
      expect(await audit(tender.id)).toEqual(
        expect.arrayContaining([
          `Sam Okafor registered 2 people from ${BRIGHTPATH} for the engagement event`,
          `Sam Okafor withdrew ${BRIGHTPATH}'s registration for the engagement event`,
        ]),
      );
    });

    it('never gives out more places than the event has when suppliers register at the same moment', async () => {
      const capacity = 5;
      const { id } = await engaged({ event: { ...body(0).event!, capacity } });
      const rush = await suppliers(9);
      const answers = await Promise.all(rush.map((c) => c.put(`/api/v1/engagements/${id}/registration`, { attendees: 1 })));
      expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 409, 409, 409, 409]);
      const rows = await t.dataSource.getRepository(EngagementRegistrationRow).findBy({ engagementId: id });
      expect(rows.reduce((sum, r) => sum + r.attendees, 0)).toBe(capacity);
      // Two places each, at once: 2 + 2 fit, a third does not.
      const pairs = await engaged({ event: { ...body(0).event!, capacity: 4 } });
      const three = await Promise.all(rush.slice(0, 3).map((c) => c.put(`/api/v1/engagements/${pairs.id}/registration`, { attendees: 2 })));
      expect(three.map((r) => r.status).sort()).toEqual([200, 200, 409]);
    });

    it('takes registrations only before the event starts, and only when there is an event (409)', async () => {
      const { id, view } = await engaged();
      clock.mockReturnValue(new Date(new Date(view.notice.event!.startsAt).getTime()));
      const started = await supplier.put(`/api/v1/engagements/${id}/registration`, { attendees: 1 });
      expect(started.status).toBe(409);
      expect(started.body.message).toMatch(/event has started/);
      clock.mockRestore();
      const none = await engaged({ event: null });
      expect((await supplier.put(`/api/v1/engagements/${none.id}/registration`, { attendees: 1 })).status).toBe(409);
    });
  });

  describe('adopting a suggestion', () => {
    it('records who adopted it once, credits the supplier in the audit trail, and keeps the name from the public', async () => {
      const { id, view, tender } = await engaged();
      const requirementId = view.notice.outcomes[2]!.requirementId;
      const given = await feedback(supplier, id, {
        requirementId,
        kind: 'alternative',
        text: 'Measure the result, not the method.',
        proposedOutcome: 'Nine in ten parents say booking was easy.',
      });
      const adopt = () => buyer.post(`/api/v1/engagement-feedback/${given.body.id}/adopt`);
      const first = await adopt();
      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ id: given.body.id, adoptedBy: 'Priya Shah', supplierName: BRIGHTPATH });
      const second = await adopt();
      expect(second.status).toBe(200);
      expect(second.body.adoptedAt).toBe(first.body.adoptedAt);
      const words = await audit(tender.id);
      expect(words.filter((w) => w === `Priya Shah adopted ${BRIGHTPATH}'s suggestion for requirement 1.3`)).toHaveLength(1);
      const own = (await supplier.get(`/api/v1/engagements/${id}`)).body as SupplierEngagementView;
      expect(own.myFeedback[0]).toMatchObject({ adoptedBy: 'Priya Shah' } satisfies Partial<EngagementFeedback>);
      expect(JSON.stringify((await anonymous.get(`/api/v1/public/engagements/${id}`)).body)).not.toContain(BRIGHTPATH);
    });

    it('refuses once the tender can no longer be edited (409), and adopts after it is published', async () => {
      const { id, view, tender } = await engaged();
      const b = { requirementId: view.notice.outcomes[0]!.requirementId, kind: 'comment', text: 'Worth a pilot first.' };
      const [one, two] = [(await feedback(supplier, id, b)).body.id, (await feedback(supplier, id, b)).body.id];
      const draft = (await buyer.get(`/api/v1/tenders/${tender.id}`)).body as TenderDetail;
      expect((await buyer.post(`/api/v1/tenders/${tender.id}/publish`, { revision: draft.revision })).status).toBe(201);
      expect((await buyer.post(`/api/v1/engagement-feedback/${one}/adopt`)).status).toBe(200);
      const published = (await buyer.get(`/api/v1/tenders/${tender.id}`)).body as TenderDetail;
      const cancelled = await buyer.post(`/api/v1/tenders/${tender.id}/status`, {
        revision: published.revision,
        status: 'cancelled',
        reason: 'The service is no longer needed.',
      });
      expect(cancelled.status).toBe(201);
      const before = await counts();
      expect((await buyer.post(`/api/v1/engagement-feedback/${two}/adopt`)).status).toBe(409);
      expect(countChanges(before, await counts())).toEqual([]);
      // The notice outlives the tender's publication and cancellation.
      expect((await anonymous.get(`/api/v1/public/engagements/${id}`)).status).toBe(200);
    });
  });

  describe('the public list', () => {
    it('pages open engagements newest first, leaving out closed ones, and refuses cursors it did not give out', async () => {
      const a = await engaged();
      const b = await engaged();
      const gone = await engaged();
      await buyer.post(`/api/v1/tenders/${gone.tender.id}/engagement/close`);
      const all = (await anonymous.get('/api/v1/public/engagements?limit=100')).body as EngagementNoticePage;
      const ids = all.items.map((i) => i.id);
      expect(ids).not.toContain(gone.id);
      expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
      expect(all.total).toBe(all.items.length);
      expect(all.items.every((i) => i.status === 'open')).toBe(true);

      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const page: EngagementNoticePage = (await anonymous.get(`/api/v1/public/engagements?limit=2${cursor ? `&cursor=${cursor}` : ''}`))
          .body;
        expect(page.items.length).toBeLessThanOrEqual(2);
        walked.push(...page.items.map((i) => i.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked).toEqual(ids);

      for (const q of ['limit=0', 'limit=101', 'limit=abc', 'cursor=not-ours', `cursor=${'A'.repeat(500)}`, "cursor=' OR 1=1 --"])
        expect([q, (await anonymous.get(`/api/v1/public/engagements?${q}`)).status]).toEqual([q, 400]);
      expect((await anonymous.get(`/api/v1/public/engagements/${randomUUID()}`)).status).toBe(404);
      expect((await anonymous.get('/api/v1/public/engagements/not-an-id')).status).toBe(404);
      expect((await anonymous.get(`/api/v1/public/engagements/${gone.id}`)).body.status).toBe('closed');
    });
  });
});
