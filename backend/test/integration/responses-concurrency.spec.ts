import type { SubmissionReceipt } from '@openbrief/contracts';
import { completeContent, publishedTender, saveResponse, signUpSupplier, startResponse } from '../support/response-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

/**
 * More suppliers submitting at the same moment than the database pool has connections (PostgreSQL: 10). A
 * submission once asked for the supplier's team through a second pooled connection while its transaction held
 * one: with every connection held, each waited for another and none came back (found by the deadline-burst bench).
 */
const SUPPLIERS = 14;

describe('many suppliers submitting at once', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ PASSWORD_HASH_QUEUE: '100' });
  });
  afterAll(() => t.close());

  it('accepts every submission, withdrawal and resubmission when more arrive together than the pool has connections', async () => {
    const buyer = t.client();
    await buyer.signIn('buyer@demo.test');
    const tender = await publishedTender(buyer, 'A rush before the deadline');
    const suppliers: { c: TestClient; id: string }[] = [];
    for (let i = 0; i < SUPPLIERS; i++) {
      const c = await signUpSupplier(t, `Rush Supplies ${i} Ltd`, `rush-${i}@suppliers.test`);
      const started = await startResponse(c, tender);
      await saveResponse(c, started, completeContent(started));
      suppliers.push({ c, id: started.id });
    }

    const submitAll = () => Promise.all(suppliers.map(({ c, id }) => c.post(`/api/v1/responses/${id}/submit`, undefined)));
    const first = await submitAll();
    expect(first.map((r) => r.status)).toEqual(suppliers.map(() => 201));
    const withdrawn = await Promise.all(suppliers.map(({ c, id }) => c.post(`/api/v1/responses/${id}/withdraw`, undefined)));
    expect(withdrawn.map((r) => r.status)).toEqual(suppliers.map(() => 200));
    const again = await submitAll();
    expect(again.map((r) => r.status)).toEqual(suppliers.map(() => 201));
    expect(again.map((r) => (r.body as SubmissionReceipt).sequence)).toEqual(suppliers.map(() => 2));

    const counts = await buyer.get(`/api/v1/tenders/${tender.id}/responses/counts`);
    expect(counts.body.submitted).toBe(SUPPLIERS);
  });
});
