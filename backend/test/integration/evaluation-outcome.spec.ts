import {
  type EvaluationPanel,
  NotificationKind,
  type ResponseOutcome,
  type SupplierResponse,
  type SupplierResponseSummary,
} from '@openbrief/contracts';
import { OutboxWorker } from '../../src/modules/notifications/delivery/outbox-worker';
import { Notification } from '../../src/modules/notifications/entities';
import {
  declare,
  type EvaluationWorld,
  formPanel,
  moderate,
  openedTender,
  scoreAndSubmit,
  standardPanel,
} from '../support/evaluation-fixtures';
import { download } from '../support/response-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';
import { TestMailServer } from '../support/test-mail-server';

const PUBLIC_URL = 'https://openbrief.example';
const REASONS = 'The highest total, with the best approach and a sound price; no near-tie.';

/**
 * What the people around an evaluation are told: each evaluator and the moderator when named to a panel (in the app
 * and by e-mail, once), and each supplier the outcome on its own response page once its assessment summary is issued.
 */
describe('evaluation: panel members are told, suppliers see their outcome', () => {
  let mail: TestMailServer;
  let t: TestApp;
  let w: EvaluationWorld;
  let panel: EvaluationPanel;
  let ids: string[];

  const userId = async (c: TestClient) => (await c.get('/api/v1/auth/me')).body as { id: string; email: string };
  const named = async (c: TestClient) =>
    t.dataSource.getRepository(Notification).findBy({ userId: (await userId(c)).id, kind: NotificationKind.PanelMemberNamed });
  const response = async (i: number) => {
    const res = await w.suppliers[i].get(`/api/v1/responses/${ids[i]}`);
    expect(res.status).toBe(200);
    return res.body as SupplierResponse;
  };
  const listed = async (i: number) =>
    ((await w.suppliers[i].get('/api/v1/responses')).body as SupplierResponseSummary[]).find((r) => r.id === ids[i])!;

  beforeAll(async () => {
    mail = new TestMailServer();
    t = await startTestApp({ SMTP_URL: await mail.start(), PUBLIC_URL, NOTIFY_POLL_MS: '3600000' });
    w = await openedTender(t);
    ids = w.responseIds;
  });
  afterAll(async () => {
    w?.clock.mockRestore();
    await t?.close();
    await mail?.close();
  });

  it('tells the evaluators and the moderator when the panel is formed, and only newcomers when it is re-formed', async () => {
    // First with one evaluator scoring both criteria, then re-formed with the second one added.
    panel = await formPanel(w, {
      moderatorId: w.ids.moderator,
      evaluators: [{ userId: w.ids.evaluators[0], criterionIds: [...w.quality] }],
    });
    const first = await named(w.evaluators[0]);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ link: `/evaluations/${panel.id}`, title: `Evaluation panel: ${w.tender.reference}, lot 1` });
    expect(first[0].body).toMatch(/named you an evaluator .*declare whether you have a conflict of interest/);
    const moderator = await named(w.moderator);
    expect(moderator).toHaveLength(1);
    expect(moderator[0].body).toMatch(/named you the moderator .*consensus score/);
    expect(await named(w.evaluators[1])).toHaveLength(0);
    expect(await named(w.buyer)).toHaveLength(0);

    panel = await formPanel(w, standardPanel(w), panel.revision);
    expect(await named(w.evaluators[1])).toHaveLength(1);
    expect(await named(w.evaluators[0])).toHaveLength(1);
    expect(await named(w.moderator)).toHaveLength(1);

    // By e-mail too, through the outbox, linking to the panel under the public address.
    await t.app.get(OutboxWorker).drainOnce();
    for (const c of [...w.evaluators, w.moderator]) {
      const { email } = await userId(c);
      const sent = mail.received.filter((m) => m.envelopeTo.includes(email) && m.parsed.subject?.startsWith('Evaluation panel'));
      expect(sent).toHaveLength(1);
      expect(sent[0].parsed.text).toContain(`${PUBLIC_URL}/evaluations/${panel.id}`);
    }
  });

  it('shows no outcome on a response until its assessment summary is issued', async () => {
    for (const c of [...w.evaluators, w.moderator]) await declare(w, c, panel.id);
    const scores = [
      [
        [3, 3, 1],
        [4, 2, 2],
      ],
      [
        [3, 3, 1],
        [2, 2, 2],
      ],
    ];
    for (const [e, evaluator] of w.evaluators.entries())
      for (const [q, criterionId] of w.quality.entries())
        await scoreAndSubmit(w, evaluator, panel.id, criterionId, Object.fromEntries(ids.map((r, i) => [r, scores[e][q][i]])));
    for (const [q, consensus] of [
      [0, [3, 3, 1]],
      [1, [3, 2, 2]],
    ] as const)
      for (const [i, score] of consensus.entries()) await moderate(w, panel.id, ids[i], w.quality[q], score);

    const awarded = await w.buyer.post(`/api/v1/panels/${panel.id}/award`, { responseId: ids[0], reasons: REASONS });
    expect(awarded.status).toBe(200);
    // Drafted, not issued: nothing for the supplier yet.
    for (const i of [0, 1, 2]) expect((await response(i)).outcome).toBeNull();
    expect((await listed(1)).nextStep).toMatch(/buyer has opened the responses/);
    expect((await w.suppliers[1].get(`/api/v1/responses/${ids[1]}/assessment-summary.pdf`)).status).toBe(404);
  });

  it('shows the supplier its outcome once issued, with the summary to download; other responses are unaffected', async () => {
    w.clock.mockReturnValue(new Date('2027-03-25T09:30:00Z'));
    expect((await w.buyer.post(`/api/v1/panels/${panel.id}/summaries/${ids[1]}/issue`)).status).toBe(200);

    const outcome = (await response(1)).outcome;
    expect(outcome).toEqual<ResponseOutcome>({
      successful: false,
      summaryIssuedAt: '2027-03-25T09:30:00.000Z',
      summaryPdfPath: `/api/v1/responses/${ids[1]}/assessment-summary.pdf`,
    });
    const pdf = await download(w.suppliers[1], outcome!.summaryPdfPath);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((await listed(1)).nextStep).toBe('Not successful. Read your assessment summary.');
    // The winner's and the third supplier's summaries are still drafts.
    expect((await response(0)).outcome).toBeNull();
    expect((await response(2)).outcome).toBeNull();
    expect((await listed(0)).nextStep).toMatch(/buyer has opened the responses/);

    w.clock.mockReturnValue(new Date('2027-03-25T10:00:00Z'));
    expect((await w.buyer.post(`/api/v1/panels/${panel.id}/summaries/${ids[0]}/issue`)).status).toBe(200);
    expect((await response(0)).outcome).toMatchObject({ successful: true, summaryIssuedAt: '2027-03-25T10:00:00.000Z' });
    expect((await listed(0)).nextStep).toBe('Successful. Read your assessment summary.');
    expect((await response(1)).outcome!.summaryIssuedAt).toBe('2027-03-25T09:30:00.000Z');
    // Another organisation never reads a response, outcome or summary that is not its own.
    expect((await w.suppliers[0].get(`/api/v1/responses/${ids[1]}`)).status).toBe(404);
    expect((await w.suppliers[0].get(`/api/v1/responses/${ids[1]}/assessment-summary.pdf`)).status).toBe(404);
  });
});
