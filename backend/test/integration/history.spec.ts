import { type TenderHistoryEntry, type TenderDetail, type TenderHistoryRevision } from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { TenderRevision } from '../../src/modules/tenders/entities/tender-revision.entity';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender } from '../support/tender-fixtures';

/** The history in the buyer's words: labels, UK times and money, justifications and publications as events. */
describe("a tender's history", () => {
  let t: TestApp;
  let buyer: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
  });
  afterAll(() => t.close());

  const history = async (id: string) => {
    const res = await buyer.get(`/api/v1/tenders/${id}/history`);
    expect(res.status).toBe(200);
    return res.body as TenderHistoryEntry[];
  };
  const revisions = (entries: TenderHistoryEntry[]) => entries.filter((e): e is TenderHistoryRevision => e.kind === 'revision');
  const save = async (d: TenderDetail, change: (c: ReturnType<typeof toTenderContent>) => void): Promise<TenderDetail> => {
    const content = toTenderContent(d);
    change(content);
    const res = await buyer.put(`/api/v1/tenders/${d.id}`, { revision: d.revision, content });
    expect(res.status).toBe(200);
    return res.body;
  };

  it('names what changed as the editor does, and shows dates in UK time and money with its currency', async () => {
    const d = await createReadyTender(buyer, 'History in words');
    await save(d, (c) => {
      c.timetable.submissionDeadline = '2027-02-15T12:00:00.000Z';
      c.estimatedValue = 1_234_567;
      const reqs = c.lots[0].requirements;
      [reqs[0], reqs[1]] = [reqs[1], reqs[0]];
    });
    const [latest] = revisions(await history(d.id));
    expect(latest.changes).toEqual(
      expect.arrayContaining(['Deadline for bids', 'Estimated value', 'Requirement 1.1: moved', 'Requirement 1.2: moved']),
    );
    for (const label of latest.changes) expect(label).not.toMatch(/submissionDeadline|estimatedValue|position|kind|\//);

    const compared = await buyer.get(`/api/v1/tenders/${d.id}/compare?from=${latest.revision - 1}&to=${latest.revision}`);
    const field = (label: string) => compared.body.fields.find((f: { label: string }) => f.label === label);
    expect(field('Deadline for bids').after).toBe('midday on 15 February 2027');
    expect(field('Estimated value')).toMatchObject({ before: '£200,000', after: '£1,234,567' });
  });

  it('describes a saved justification instead of "nothing changed"', async () => {
    let d = await createReadyTender(buyer, 'Justified standard');
    d = await save(d, (c) => {
      c.lots[0].requirements[2].outcome = 'The supplier holds ISO 27001 certification.';
    });
    const requirementId = d.lots[0].requirements[2].id;
    await save(d, (c) => {
      c.justifications = [{ requirementId, rule: 'standard.certification', text: 'Our data protection policy requires it.' }];
    });
    const [latest] = revisions(await history(d.id));
    expect(latest.changes).toEqual(['Justified: “ISO 27001” in Requirement 1.3']);
  });

  it('shows each published version as an event, with its change note and who published it, newest first', async () => {
    let d = await createReadyTender(buyer, 'Published twice');
    expect((await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision })).status).toBe(201);
    d = (await buyer.get(`/api/v1/tenders/${d.id}`)).body;
    d = await save(d, (c) => {
      c.summary = `${c.summary} Now with weekend journeys.`;
    });
    expect(
      (await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision, changeNote: 'Weekend journeys added.' })).status,
    ).toBe(201);

    const entries = await history(d.id);
    expect(entries.slice(0, 3).map((e) => (e.kind === 'publication' ? `version ${e.version}` : `revision ${e.revision}`))).toEqual([
      'version 2',
      `revision ${d.revision}`,
      'version 1',
    ]);
    expect(entries[0]).toMatchObject({ kind: 'publication', version: 2, by: 'Priya Shah', changeNote: 'Weekend journeys added.' });
    expect(entries[2]).toMatchObject({ kind: 'publication', version: 1, changeNote: null });
    const times = entries.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('translates the labels older revisions were stored with', async () => {
    const d = await createReadyTender(buyer, 'Older labels');
    const stored = await t.dataSource.getRepository(TenderRevision).findOneByOrFail({ tenderId: d.id, revision: d.revision });
    await t.dataSource.getRepository(TenderRevision).insert({
      ...stored,
      id: randomUUID(),
      revision: d.revision + 50,
      changedFields: ['Timetable: submissionDeadline', 'Requirement 1.2 position', 'Requirement 1.2 kind'],
      changedAt: new Date(Date.now() + 60_000),
    });
    const [latest] = revisions(await history(d.id));
    expect(latest.changes).toEqual(['Deadline for bids', 'Requirement 1.2: moved', 'Requirement 1.2: type and priority']);
  });

  it("is the buying team's alone: 404 for another tender, 403 for evaluators and suppliers, 401 for the public", async () => {
    const d = await createReadyTender(buyer, 'Private history');
    const evaluator = t.client();
    await evaluator.signIn('evaluator@demo.test');
    const supplier = t.client();
    await supplier.signIn('supplier@demo.test');
    expect((await buyer.get(`/api/v1/tenders/${randomUUID()}/history`)).status).toBe(404);
    expect((await buyer.get('/api/v1/tenders/not-an-id/history')).status).toBe(404);
    expect((await evaluator.get(`/api/v1/tenders/${d.id}/history`)).status).toBe(403);
    expect((await supplier.get(`/api/v1/tenders/${d.id}/history`)).status).toBe(403);
    expect((await t.client().get(`/api/v1/tenders/${d.id}/history`)).status).toBe(401);
  });
});
