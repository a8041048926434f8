import { OrganisationKind, TenderStatus } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../../src/modules/identity/entities/organisation.entity';
import { Tender } from '../../src/modules/tenders/entities/tender.entity';
import { startTestApp, type TestApp } from '../support/test-app';

describe('who sees which tenders', () => {
  let t: TestApp;
  let otherDraftId: string;
  beforeAll(async () => {
    t = await startTestApp();
    const orgId = randomUUID();
    const now = new Date();
    await t.dataSource
      .getRepository(Organisation)
      .insert({ id: orgId, name: 'Other Council', kind: OrganisationKind.Buyer, isSme: false, companyNumber: null, createdAt: now });
    otherDraftId = randomUUID();
    await t.dataSource.getRepository(Tender).insert({
      id: otherDraftId,
      organisationId: orgId,
      reference: 'OC-1',
      title: 'Secret draft of another council',
      summary: '',
      status: TenderStatus.Draft,
      estimatedValue: null,
      currency: 'GBP',
      submissionDeadline: null,
      publishedAt: null,
      publishedVersion: 0,
      rowVersion: 1,
      createdAt: now,
      updatedAt: now,
    });
  });
  afterAll(() => t.close());

  it("shows a buyer only their own organisation's tenders", async () => {
    const c = t.client();
    await c.signIn('buyer@demo.test');
    const res = await c.get('/api/v1/tenders');
    expect(res.status).toBe(200);
    const titles = res.body.map((x: { title: string }) => x.title);
    expect(titles).toContain('Digital front door for community health services');
    expect(titles).not.toContain('Secret draft of another council');
  });

  it.each(['supplier@demo.test', 'evaluator@demo.test'])('refuses the buyer workspace to %s', async (email) => {
    const c = t.client();
    await c.signIn(email);
    expect((await c.get('/api/v1/tenders')).status).toBe(403);
  });

  it('lists only published tenders to the public, without an account', async () => {
    const res = await t.client().get('/api/v1/public/tenders');
    expect(res.status).toBe(200);
    expect(res.body.items.map((x: { title: string }) => x.title)).toEqual(['Reducing missed hospital outpatient appointments']);
    expect(res.body.items[0]).toMatchObject({ buyerName: 'Northshire Community Health NHS Trust', version: 1, currency: 'GBP' });
  });

  it('answers 404 (not 403) for a draft or a malformed id on the public route', async () => {
    const draft = await t.client().get(`/api/v1/public/tenders/${otherDraftId}`);
    expect(draft.status).toBe(404);
    expect(draft.body.message).toBe('That tender was not found.');
    expect((await t.client().get('/api/v1/public/tenders/not-a-uuid')).status).toBe(404);
  });
});
