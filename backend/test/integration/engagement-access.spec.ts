import { type BuyerEngagementView, Role, type TenderDetail } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { User } from '../../src/modules/identity/entities/user.entity';
import { PasswordService } from '../../src/modules/identity/password.service';
import { signInElsewhere } from '../support/other-organisation';
import { signUpSupplier } from '../support/response-fixtures';
import { countChanges, rowCounter } from '../support/row-counts';
import { createReadyTender, inDays } from '../support/tender-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

type Who = 'anonymous' | 'supplier' | 'otherSupplier' | 'evaluator' | 'buyer' | 'otherBuyer' | 'admin';
const EVERYONE: Who[] = ['anonymous', 'supplier', 'otherSupplier', 'evaluator', 'buyer', 'otherBuyer', 'admin'];
const SUPPLIER_NAMES = ['Brightpath Digital Ltd', 'Quill Access Ltd'];
const SECRET_TEXTS = ['Private feedback from Brightpath', 'Private feedback from Quill', 'supplier@demo.test', 'Sam Okafor'];

/**
 * Who may call each market engagement route, as every kind of caller: the public never sees feedback or names,
 * a supplier sees only its own, another buying organisation cannot read or adopt, and nothing answers 500.
 */
describe('market engagement: who may do what', () => {
  let t: TestApp;
  let as: Record<Who, TestClient>;
  let counts: () => Promise<Record<string, number>>;
  let tender: TenderDetail;
  let engagementId: string;
  let feedbackIds: string[];

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
      otherSupplier: await signUpSupplier(t, 'Quill Access Ltd', 'jo@quill-access.test'),
      evaluator: await signedIn('evaluator@demo.test'),
      buyer,
      otherBuyer: await signInElsewhere(t, { email: 'other.buyer@engagement.test', name: 'Other Buyer', role: Role.Buyer }),
      admin: await addAdmin(t, buyer),
    };
    ({ tender, engagementId } = await engaged());
    const requirementId = (await as.buyer.get(`/api/v1/tenders/${tender.id}/engagement`)).body.notice.outcomes[0].requirementId;
    feedbackIds = [];
    for (const [who, text] of [
      ['supplier', 'Private feedback from Brightpath'],
      ['otherSupplier', 'Private feedback from Quill'],
    ] as const) {
      const res = await as[who].post(`/api/v1/engagements/${engagementId}/feedback`, {
        requirementId,
        kind: 'alternative',
        text,
        proposedOutcome: `${text}: a better outcome.`,
      });
      expect(res.status).toBe(201);
      feedbackIds.push(res.body.id);
    }
    expect((await as.supplier.put(`/api/v1/engagements/${engagementId}/registration`, { attendees: 2 })).status).toBe(200);
  });
  afterAll(() => t.close());

  async function engaged(): Promise<{ tender: TenderDetail; engagementId: string }> {
    const draft = await createReadyTender(as.buyer, `Engagement access ${randomUUID().slice(0, 8)}`);
    const res = await as.buyer.post(`/api/v1/tenders/${draft.id}/engagement`, {
      revision: draft.revision,
      questions: 'What would you measure?',
      feedbackCloses: inDays(10),
      event: { title: 'Briefing', startsAt: inDays(5), endsAt: null, format: 'in_person', place: 'Town Hall', capacity: 50 },
    });
    if (res.status !== 201) throw new Error(`engagement failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { tender: draft, engagementId: (res.body as BuyerEngagementView).notice.id };
  }

  const expectStatuses = async (call: (c: TestClient, who: Who) => Promise<{ status: number }>, expected: Record<Who, number>) => {
    const got: Partial<Record<Who, number>> = {};
    for (const who of EVERYONE) got[who] = (await call(as[who], who)).status;
    expect(got).toEqual(expected);
  };
  const buyingTeam = (ok: number): Record<Who, number> => ({
    anonymous: 401,
    supplier: 403,
    otherSupplier: 403,
    evaluator: 403,
    buyer: ok,
    otherBuyer: 404,
    admin: ok,
  });
  const suppliersOnly = (ok: number): Record<Who, number> => ({
    anonymous: 401,
    supplier: ok,
    otherSupplier: ok,
    evaluator: 403,
    buyer: 403,
    otherBuyer: 403,
    admin: 403,
  });
  const everyone = (ok: number) => Object.fromEntries(EVERYONE.map((w) => [w, ok])) as Record<Who, number>;

  it('publishing: the buying team of the tender only; nothing written for anyone else', async () => {
    const before = await counts();
    const drafts: Partial<Record<Who, TenderDetail>> = {};
    for (const who of ['buyer', 'admin'] as const) drafts[who] = await createReadyTender(as.buyer, `Publish as ${who}`);
    const target = await createReadyTender(as.buyer, 'Publish target');
    const afterDrafts = await counts();
    await expectStatuses((c, who) => {
      const d = drafts[who] ?? target;
      return c.post(`/api/v1/tenders/${d.id}/engagement`, {
        revision: d.revision,
        questions: 'Anything?',
        feedbackCloses: inDays(3),
        event: null,
      });
    }, buyingTeam(201));
    const after = await counts();
    expect(after['engagement']! - afterDrafts['engagement']!).toBe(2);
    expect(before['engagement']).toBe(afterDrafts['engagement']);
    // The target, asked about by everyone else, has none.
    expect((await as.buyer.get(`/api/v1/tenders/${target.id}/engagement`)).status).toBe(404);
  });

  it('the buying team’s view and closing: its own organisation only; supplier names and registrations are theirs', async () => {
    await expectStatuses((c) => c.get(`/api/v1/tenders/${tender.id}/engagement`), buyingTeam(200));
    const view = (await as.buyer.get(`/api/v1/tenders/${tender.id}/engagement`)).body as BuyerEngagementView;
    expect(view.feedback.map((f) => f.supplierName)).toEqual(SUPPLIER_NAMES);
    expect(view.registrations.map((r) => r.contactEmail)).toEqual(['supplier@demo.test']);
    const other = await engaged();
    await expectStatuses((c) => c.post(`/api/v1/tenders/${other.tender.id}/engagement/close`), buyingTeam(200));
  });

  it('adopting: the buying team of the tender only (another organisation is told it does not exist)', async () => {
    await expectStatuses((c) => c.post(`/api/v1/engagement-feedback/${feedbackIds[0]}/adopt`), buyingTeam(200));
    for (const who of EVERYONE)
      expect([who, (await as[who].post(`/api/v1/engagement-feedback/${randomUUID()}/adopt`)).status]).toEqual([
        who,
        who === 'anonymous' ? 401 : ['buyer', 'otherBuyer', 'admin'].includes(who) ? 404 : 403,
      ]);
  });

  it('the public notice and list: anyone, and never feedback, names or contact details', async () => {
    await expectStatuses((c) => c.get('/api/v1/public/engagements'), everyone(200));
    await expectStatuses((c) => c.get(`/api/v1/public/engagements/${engagementId}`), everyone(200));
    for (const who of EVERYONE) {
      for (const path of [`/api/v1/public/engagements/${engagementId}`, '/api/v1/public/engagements?limit=100']) {
        const text = JSON.stringify((await as[who].get(path)).body);
        for (const secret of [...SUPPLIER_NAMES, ...SECRET_TEXTS]) expect([who, path, text.includes(secret)]).toEqual([who, path, false]);
      }
    }
    expect((await as.anonymous.get(`/api/v1/public/engagements/${engagementId}`)).body.registrations).toBe(1);
  });

  it('a supplier’s view: its own feedback and registration, never another supplier’s', async () => {
    await expectStatuses((c) => c.get(`/api/v1/engagements/${engagementId}`), suppliersOnly(200));
    const mine = (await as.supplier.get(`/api/v1/engagements/${engagementId}`)).body;
    expect(mine.myFeedback.map((f: { id: string }) => f.id)).toEqual([feedbackIds[0]]);
    expect(mine.myRegistration.attendees).toBe(2);
    const theirs = (await as.otherSupplier.get(`/api/v1/engagements/${engagementId}`)).body;
    expect(theirs.myFeedback.map((f: { id: string }) => f.id)).toEqual([feedbackIds[1]]);
    expect(theirs.myRegistration).toBeNull();
    expect(JSON.stringify(theirs)).not.toMatch(/Brightpath|Sam Okafor|supplier@demo\.test/);
  });

  it('feedback and registration: suppliers only; everyone else is told so and nothing is written', async () => {
    const requirementId = (await as.anonymous.get(`/api/v1/public/engagements/${engagementId}`)).body.outcomes[1].requirementId;
    const before = await counts();
    await expectStatuses(
      (c) => c.post(`/api/v1/engagements/${engagementId}/feedback`, { requirementId, kind: 'comment', text: 'Role check.' }),
      suppliersOnly(201),
    );
    await expectStatuses((c) => c.put(`/api/v1/engagements/${engagementId}/registration`, { attendees: 1 }), suppliersOnly(200));
    await expectStatuses((c) => c.delete(`/api/v1/engagements/${engagementId}/registration`), suppliersOnly(200));
    const after = await counts();
    expect(countChanges(before, after).filter((c) => !c.startsWith('audit_event') && !c.startsWith('engagement_'))).toEqual([]);
    expect(after['engagement_feedback']! - before['engagement_feedback']!).toBe(2);
  });

  it('answers unknown and malformed ids with 404 and odd input with 400, never 500', async () => {
    const unknown = randomUUID();
    const calls: [string, (c: TestClient) => Promise<{ status: number }>][] = [
      ['public notice', (c) => c.get(`/api/v1/public/engagements/${unknown}`)],
      ['public notice, not an id', (c) => c.get('/api/v1/public/engagements/..%2F..%2Fetc')],
      ['supplier view', (c) => c.get(`/api/v1/engagements/${unknown}`)],
      ['feedback', (c) => c.post(`/api/v1/engagements/${unknown}/feedback`, { requirementId: unknown, kind: 'comment', text: 'x' })],
      ['register', (c) => c.put(`/api/v1/engagements/not-an-id/registration`, { attendees: 1 })],
      ['buyer view', (c) => c.get(`/api/v1/tenders/${unknown}/engagement`)],
      ['adopt', (c) => c.post('/api/v1/engagement-feedback/1%20OR%201=1/adopt')],
    ];
    for (const who of EVERYONE)
      for (const [name, call] of calls) {
        const status = (await call(as[who])).status;
        expect([who, name, status < 500, [401, 403, 404].includes(status)]).toEqual([who, name, true, true]);
      }
    // Odd bodies are refused as the client's mistake (400; 415 for a body that is not JSON), never a 500.
    const odd = [null, 'text', [], { requirementId: 42 }, { attendees: -1 }, { kind: { $ne: null } }, { text: 'x'.repeat(100_000) }];
    const clientError = (status: number) => status >= 400 && status < 500;
    for (const b of odd) {
      const f = await as.supplier.post(`/api/v1/engagements/${engagementId}/feedback`, b);
      const r = await as.supplier.put(`/api/v1/engagements/${engagementId}/registration`, b);
      const p = await as.buyer.post(`/api/v1/tenders/${tender.id}/engagement`, b);
      expect([JSON.stringify(b).slice(0, 40), ...[f, r, p].map((x) => clientError(x.status))]).toEqual([
        JSON.stringify(b).slice(0, 40),
        true,
        true,
        true,
      ]);
    }
  });
});

/** An administrator of the demo buying organisation. */
async function addAdmin(t: TestApp, buyer: TestClient): Promise<TestClient> {
  const me = (await buyer.get('/api/v1/auth/me')).body;
  await t.dataSource.getRepository(User).insert({
    id: randomUUID(),
    organisationId: me.organisation.id,
    email: 'admin@engagement.test',
    name: 'Ada Admin',
    role: Role.Admin,
    passwordHash: await t.app.get(PasswordService).hash('a-long-password'),
    createdAt: new Date(),
  });
  const c = t.client();
  await c.signIn('admin@engagement.test', 'a-long-password');
  return c;
}
