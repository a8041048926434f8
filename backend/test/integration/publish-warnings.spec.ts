import { type PublishBlocker, RequirementKind, type TenderDetail } from '@openbrief/contracts';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender } from '../support/tender-fixtures';

/** A warning says what is worth fixing and names it, but never stops publication. */
describe('publication warnings', () => {
  let t: TestApp;
  let buyer: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
  });
  afterAll(() => t.close());

  const check = async (id: string) => (await buyer.get(`/api/v1/tenders/${id}/publication-check`)).body as PublishBlocker[];

  /** Requirement 1.3 becomes an outcome with no measure, and no criterion assesses it. */
  async function unmeasured(
    title: string,
    change: (c: ReturnType<typeof toTenderContent>) => void = () => undefined,
  ): Promise<TenderDetail> {
    const d = await createReadyTender(buyer, title);
    const content = toTenderContent(d);
    const r = content.lots[0].requirements[2];
    r.outcome = 'Families can see where the bus is on the way to school.';
    r.kind = RequirementKind.Outcome;
    r.measure = { description: '', baseline: null, target: null, unit: null };
    for (const c of content.lots[0].evaluationModel.criteria) c.requirementIds = c.requirementIds.filter((id) => id !== r.id);
    change(content);
    const res = await buyer.put(`/api/v1/tenders/${d.id}`, { revision: d.revision, content });
    expect(res.status).toBe(200);
    return res.body;
  }

  it('warns about an outcome with no measure and no criterion assessing it, naming it, and still publishes', async () => {
    const d = await unmeasured('Unmeasured outcome');
    const issues = await check(d.id);
    expect(issues).toEqual([
      {
        code: 'outcome-unmeasured',
        severity: 'warning',
        message:
          'Requirement 1.3 (“Families can see where the bus is on the way to school.”) has no measure of success and no criterion assesses it: say how success will be measured, or choose a criterion that scores it.',
        path: 'lots[0].requirements[2].measure.description',
      },
    ]);
    const published = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    expect(published.status).toBe(201);
    expect(published.body.version).toBe(1);
  });

  it('does not warn once the outcome has a measure, or a criterion assesses it, or it is not an outcome', async () => {
    const measured = await unmeasured('Measured', (c) => {
      c.lots[0].requirements[2].measure.description = 'Share of journeys tracked live';
    });
    const assessed = await unmeasured('Assessed', (c) => {
      const r = c.lots[0].requirements[2];
      c.lots[0].evaluationModel.criteria.find((x) => x.requirementIds.length)!.requirementIds.push(r.id);
    });
    const constraint = await unmeasured('A constraint', (c) => {
      c.lots[0].requirements[2].kind = RequirementKind.Constraint;
    });
    for (const d of [measured, assessed, constraint]) expect(await check(d.id)).toEqual([]);
  });

  it('lists warnings after blockers, and a refused publication lists only blockers', async () => {
    const d = await unmeasured('Blocked and warned', (c) => {
      c.summary = '';
    });
    const issues = await check(d.id);
    expect(issues.map((i) => [i.code, i.severity ?? 'blocker'])).toEqual([
      ['summary-missing', 'blocker'],
      ['outcome-unmeasured', 'warning'],
    ]);
    const refused = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    expect(refused.status).toBe(422);
    expect(refused.body.blockers.map((b: PublishBlocker) => b.code)).toEqual(['summary-missing']);
  });
});
