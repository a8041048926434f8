import type { PublishBlocker, TenderDetail } from '@openbrief/contracts';
import { toTenderContent } from '../../src/modules/tenders/tender.mapper';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { createReadyTender } from '../support/tender-fixtures';

const PROBLEM = 'Staff re-key every case because our case records do not reach Microsoft Dynamics.';
const SUMMARY = 'Help residents report repairs online. Bidders must have an annual turnover of at least £20m.';

/** Every text a supplier reads is checked on the server, and an unjustified error in any of them blocks publication. */
describe('the checker reads every text a supplier reads', () => {
  let t: TestApp;
  let buyer: TestClient;
  beforeAll(async () => {
    t = await startTestApp();
    buyer = t.client();
    await buyer.signIn('buyer@demo.test');
  });
  afterAll(() => t.close());

  async function save(d: TenderDetail, change: (c: ReturnType<typeof toTenderContent>) => void): Promise<TenderDetail> {
    const content = toTenderContent(d);
    change(content);
    const res = await buyer.put(`/api/v1/tenders/${d.id}`, { revision: d.revision, content });
    expect(res.status).toBe(200);
    return res.body;
  }

  const checkBlockers = (b: PublishBlocker[]) => b.filter((x) => x.code.startsWith('check:'));

  it('refuses to publish a brand in the problem and a turnover threshold in the summary, naming both fields', async () => {
    const d = await save(await createReadyTender(buyer, 'Brand in the problem'), (c) => {
      c.problem = PROBLEM;
      c.summary = SUMMARY;
    });

    const check = await buyer.get(`/api/v1/tenders/${d.id}/check`);
    expect(check.status).toBe(200);
    expect(check.body.blocking).toBe(true);
    const byKey = new Map<string, { label: string; path: string; findings: { rule: string; start: number; end: number }[] }>(
      check.body.fields.map((f: { key: string }) => [f.key, f]),
    );
    const problem = byKey.get('problem')!;
    expect(problem.label).toBe('What problem are you trying to solve?');
    const brand = problem.findings.find((f) => f.rule.startsWith('brand.'))!;
    expect(PROBLEM.slice(brand.start, brand.end)).toContain('Microsoft');
    expect(byKey.get('summary')!.findings.map((f) => f.rule)).toContainEqual(expect.stringMatching(/^threshold\.turnover/));

    const refused = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    expect(refused.status).toBe(422);
    const blockers = checkBlockers(refused.body.blockers);
    const problemBlocker = blockers.find((b) => b.path === 'problem');
    const summaryBlocker = blockers.find((b) => b.path === 'summary');
    expect(problemBlocker?.message).toMatch(/^What problem are you trying to solve\?: /);
    expect(summaryBlocker?.message).toMatch(/^Summary: /);
    expect(summaryBlocker?.code).toMatch(/^check:threshold\.turnover/);

    // Nothing reached the public: the tender was never published.
    expect((await buyer.get(`/api/v1/tenders/${d.id}`)).body.publishedVersion).toBe(0);
  });

  it('blocks on a lot description, a measure, room for proposals and a criterion description as well', async () => {
    const d = await save(await createReadyTender(buyer, 'Brands everywhere'), (c) => {
      const lot = c.lots[0];
      lot.description = 'Suppliers must supply Apple iPads to every officer.';
      lot.requirements[0].measure.description = 'Cases closed in Microsoft Dynamics each week';
      lot.requirements[1].roomForProposals = 'Suppliers must use Microsoft Dynamics.';
      lot.evaluationModel.criteria[0].description = 'How you will configure Microsoft Dynamics.';
    });
    const refused = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    expect(refused.status).toBe(422);
    const paths = new Set(checkBlockers(refused.body.blockers).map((b) => b.path));
    expect(paths).toEqual(
      new Set([
        'lots[0].description',
        'lots[0].requirements[0].measure.description',
        'lots[0].requirements[1].roomForProposals',
        'lots[0].evaluationModel.criteria[0].description',
      ]),
    );
  });

  it('blocks on the engagement summary and the reason for no engagement, and publishes once both are justified', async () => {
    const d = await save(await createReadyTender(buyer, 'Brands in the engagement texts'), (c) => {
      c.engagementSummary = 'After engagement, suppliers must use Microsoft Dynamics.';
      c.noEngagementReason = 'Only Apple iPads work with our system, so we did not ask anyone.';
    });
    const check = await buyer.get(`/api/v1/tenders/${d.id}/check`);
    const byKey = new Map<string, { label: string; findings: { rule: string; severity: string }[] }>(
      check.body.fields.map((f: { key: string }) => [f.key, f]),
    );
    expect(byKey.get('engagementSummary')?.label).toBe('What changed because of market engagement');
    expect(byKey.get('noEngagementReason')?.label).toBe('Why there was no market engagement');
    const refused = await buyer.post(`/api/v1/tenders/${d.id}/publish`, { revision: d.revision });
    expect(refused.status).toBe(422);
    expect(new Set(checkBlockers(refused.body.blockers).map((b) => b.path))).toEqual(new Set(['engagementSummary', 'noEngagementReason']));

    const reasons = ['engagementSummary', 'noEngagementReason'].flatMap((key) =>
      byKey
        .get(key)!
        .findings.filter((x) => x.severity === 'error')
        .map((x) => ({ requirementId: key, rule: x.rule, text: 'It is the system every team already runs.' })),
    );
    const justified = await save(d, (c) => {
      c.justifications = [...c.justifications, ...reasons];
    });
    const published = await buyer.post(`/api/v1/tenders/${justified.id}/publish`, { revision: justified.revision });
    expect(published.status).toBe(201);
  });

  it('publishes once each finding is justified, keeping the reasons in the tender’s justifications', async () => {
    const flagged = await save(await createReadyTender(buyer, 'Justified'), (c) => {
      c.problem = PROBLEM;
      c.summary = SUMMARY;
    });
    const check = await buyer.get(`/api/v1/tenders/${flagged.id}/check`);
    const errors: { requirementId: string; rule: string; text: string }[] = check.body.fields.flatMap(
      (f: { key: string; findings: { rule: string; severity: string }[] }) =>
        f.findings
          .filter((x) => x.severity === 'error')
          .map((x) => ({ requirementId: f.key, rule: x.rule, text: 'Our records must reach the system we already run.' })),
    );
    expect(errors.map((e) => e.requirementId).sort()).toEqual(expect.arrayContaining(['problem', 'summary']));
    const justified = await save(flagged, (c) => {
      c.justifications = [...c.justifications, ...errors];
    });
    expect(justified.justifications).toEqual(expect.arrayContaining(errors));
    const published = await buyer.post(`/api/v1/tenders/${justified.id}/publish`, { revision: justified.revision });
    expect(published.status).toBe(201);
  });

  it('refuses a justification for a text that is not in the tender', async () => {
    const d = await createReadyTender(buyer, 'Stray reason');
    const content = toTenderContent(d);
    content.justifications = [
      { requirementId: '00000000-0000-4000-8000-000000000000/lotDescription', rule: 'brand.named-product', text: 'Because.' },
    ];
    const res = await buyer.put(`/api/v1/tenders/${d.id}`, { revision: d.revision, content });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('A justification refers to a requirement that is not in this tender.');
  });
});
