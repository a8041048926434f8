import { type EvaluationPanel, PanelStage, type TenderEvaluation, TenderStatus } from '@openbrief/contracts';
import { verifyChain } from '../../src/modules/audit/audit-chain-verifier';
import { AuditEvent } from '../../src/modules/audit/entities/audit-event.entity';
import { EvaluationPanelRow } from '../../src/modules/evaluation/entities';
import {
  declare,
  type EvaluationWorld,
  formPanel,
  openedTender,
  saveScore,
  scoreAndSubmit,
  standardPanel,
} from '../support/evaluation-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** Forming a lot's panel: who may sit on it, re-forming until the first score, the tender moving into evaluation, conflicts. */
describe('evaluation: panels and conflict declarations', () => {
  let t: TestApp;
  let w: EvaluationWorld;
  let panel: EvaluationPanel;
  const panelPath = () => `/api/v1/tenders/${w.tender.id}/lots/${w.lotId}/panel`;

  beforeAll(async () => {
    t = await startTestApp();
    w = await openedTender(t);
  }, 120_000);
  afterAll(async () => {
    w?.clock.mockRestore();
    await t?.close();
  });

  it('shows the buying team the opened tender lot by lot, with who may sit on a panel, before any panel exists', async () => {
    const res = await w.buyer.get(`/api/v1/tenders/${w.tender.id}/evaluation`);
    expect(res.status).toBe(200);
    const overview = res.body as TenderEvaluation;
    expect(overview).toMatchObject({ tenderId: w.tender.id, opened: true });
    expect(overview.lots).toEqual([expect.objectContaining({ lotId: w.lotId, responses: 3, panel: null })]);
    expect(overview.members.map((m) => m.userId)).toEqual(expect.arrayContaining([...w.ids.evaluators, w.ids.moderator, w.ids.buyer]));
    expect(overview.members.every((m) => ['admin', 'buyer', 'evaluator'].includes(m.role))).toBe(true);
  });

  it('refuses a malformed panel (400) and one that breaks the panel rules (422), writing nothing', async () => {
    const malformed = [
      {},
      { moderatorId: 'someone', evaluators: [] },
      { moderatorId: w.ids.moderator, evaluators: [{ userId: w.ids.evaluators[0], criterionIds: [] }] },
      { moderatorId: w.ids.moderator, evaluators: [{ userId: w.ids.evaluators[0], criterionIds: ['not-a-uuid'] }] },
    ];
    for (const body of malformed) expect((await w.buyer.put(panelPath(), body)).status).toBe(400);
    const breaking = [
      // A buyer cannot score; the price criterion is not scored by evaluators; a criterion without an evaluator.
      { moderatorId: w.ids.moderator, evaluators: [{ userId: w.ids.buyer, criterionIds: [...w.quality] }] },
      { moderatorId: w.ids.moderator, evaluators: [{ userId: w.ids.evaluators[0], criterionIds: [...w.quality, w.priceId] }] },
      { moderatorId: w.ids.moderator, evaluators: [{ userId: w.ids.evaluators[0], criterionIds: [w.quality[0]] }] },
      // The moderator does not score too; someone of another organisation is not a member.
      { moderatorId: w.ids.evaluators[0], evaluators: [{ userId: w.ids.evaluators[0], criterionIds: [...w.quality] }] },
      { moderatorId: (await w.suppliers[0].get('/api/v1/auth/me')).body.id, evaluators: standardPanel(w).evaluators },
    ];
    for (const body of breaking) {
      const res = await w.buyer.put(panelPath(), body);
      expect({ status: res.status, details: res.body.details?.length > 0 }).toEqual({ status: 422, details: true });
    }
    expect(await t.dataSource.getRepository(EvaluationPanelRow).count()).toBe(0);
  });

  it('forms the panel, which moves the tender from published to closed to evaluating through the tenders module', async () => {
    expect((await w.buyer.get(`/api/v1/tenders/${w.tender.id}`)).body.status).toBe(TenderStatus.Published);
    panel = await formPanel(w);
    expect(panel).toMatchObject({
      stage: PanelStage.Declaring,
      revision: 1,
      moderator: { userId: w.ids.moderator, name: 'Morgan Moderator' },
    });
    expect(panel.bidders.map((b) => b.label).sort()).toEqual(['Response A', 'Response B', 'Response C']);
    expect(panel.progress).toEqual({ submitted: 0, assigned: 12, moderated: 0, toModerate: 6 });
    expect((await w.buyer.get(`/api/v1/tenders/${w.tender.id}`)).body.status).toBe(TenderStatus.Evaluating);
    const actions = (await t.dataSource.getRepository(AuditEvent).find({ where: { tenderId: w.tender.id }, order: { seq: 'ASC' } })).map(
      (e) => e.action,
    );
    expect(actions.slice(-3)).toEqual(['tender.status-changed', 'tender.status-changed', 'evaluation.panel-formed']);
  });

  it('labels bidders in an order that is neither the submission order nor the names’, and keeps the labels', async () => {
    const again = (await w.buyer.get(`/api/v1/panels/${panel.id}`)).body as EvaluationPanel;
    expect(again.bidders).toEqual(panel.bidders);
    // Labels come from a hash of panel and response ids: stable, and not a function of the order of submission.
    const labels = w.responseIds.map((id) => panel.bidders.find((b) => b.responseId === id)!.label);
    expect(new Set(labels).size).toBe(3);
  });

  it('re-forms with If-Match (stale → 409), and not once a score is submitted', async () => {
    const stale = await w.buyer.put(panelPath(), standardPanel(w), { 'If-Match': '"7"' });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ id: panel.id, revision: 1 });
    const none = await w.buyer.put(panelPath(), standardPanel(w));
    expect(none.status).toBe(409);
    panel = await formPanel(w, standardPanel(w), 1);
    expect(panel.revision).toBe(2);
  });

  it('takes one declaration per bidder, final once made; a conflict needs details and removes the evaluator from that bidder', async () => {
    const [first, second] = w.evaluators;
    const path = `/api/v1/panels/${panel.id}/declarations`;
    const before = (await first.get(`/api/v1/panels/${panel.id}/workspace`)).body;
    expect(before.toDeclare.map((b: { supplierName: string }) => b.supplierName).sort()).toEqual([...(await supplierNames())].sort());
    expect(before.responses).toEqual([]);
    // Reading a response before declaring: declare first (409).
    expect((await first.get(`/api/v1/panels/${panel.id}/responses/${w.responseIds[0]}`)).status).toBe(409);
    const missing = await first.put(path, { declarations: [{ responseId: w.responseIds[0], conflict: false, details: '' }] });
    expect(missing.status).toBe(400);
    const vague = await first.put(path, {
      declarations: w.responseIds.map((responseId, i) => ({ responseId, conflict: i === 1, details: i === 1 ? 'Friend' : '' })),
    });
    expect(vague.status).toBe(400);
    const workspace = await declare(w, first, panel.id, { [w.responseIds[1]]: 'My brother-in-law is a director of this company.' });
    expect(workspace.declared).toBe(true);
    expect(workspace.toDeclare).toEqual([]);
    expect(workspace.responses.map((r) => r.responseId).sort()).toEqual([w.responseIds[0], w.responseIds[2]].sort());
    expect(
      (await first.put(path, { declarations: w.responseIds.map((responseId) => ({ responseId, conflict: false, details: '' })) })).status,
    ).toBe(409);
    // The conflicted bidder does not exist for this evaluator: neither its response nor scoring it.
    expect((await first.get(`/api/v1/panels/${panel.id}/responses/${w.responseIds[1]}`)).status).toBe(404);
    expect((await saveScore(w, first, panel.id, w.responseIds[1], w.quality[0], 3)).status).toBe(404);
    await declare(w, second, panel.id);
    await declare(w, w.moderator, panel.id);
    const read = (await w.buyer.get(`/api/v1/panels/${panel.id}`)).body as EvaluationPanel;
    expect(read.stage).toBe(PanelStage.Scoring);
    expect(read.declarations).toHaveLength(9);
    expect(read.progress.assigned).toBe(10);
  });

  it('records how a declared conflict was handled (10–2000 characters), only for a conflict', async () => {
    const read = (await w.buyer.get(`/api/v1/panels/${panel.id}`)).body as EvaluationPanel;
    const conflict = read.declarations.find((d) => d.conflict)!;
    const none = read.declarations.find((d) => !d.conflict)!;
    const path = (id: string) => `/api/v1/panels/${panel.id}/declarations/${id}/handling`;
    expect((await w.buyer.post(path(conflict.id), { handling: 'Too short' })).status).toBe(400);
    expect((await w.buyer.post(path(none.id), { handling: 'Nothing to handle here at all.' })).status).toBe(409);
    expect((await w.evaluators[0].post(path(conflict.id), { handling: 'Sam Second scores this bid alone.' })).status).toBe(404);
    const handled = await w.buyer.post(path(conflict.id), { handling: 'Sam Second scores this bid alone.' });
    expect(handled.status).toBe(200);
    expect(handled.body).toMatchObject({ id: conflict.id, handling: 'Sam Second scores this bid alone.', handledBy: 'Priya Shah' });
  });

  it('refuses re-forming once a score is submitted, and lists the panel in each member’s tasks', async () => {
    await scoreAndSubmit(w, w.evaluators[1], panel.id, w.quality[0], Object.fromEntries(w.responseIds.map((r) => [r, 2])));
    const refused = await w.buyer.put(panelPath(), standardPanel(w), { 'If-Match': `"${panel.revision}"` });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toMatch(/Scores have been submitted/);
    const tasks = (await w.evaluators[0].get('/api/v1/evaluations')).body;
    expect(tasks).toEqual([
      expect.objectContaining({ panelId: panel.id, isEvaluator: true, isModerator: false, stage: PanelStage.Scoring }),
    ]);
    expect((await w.moderator.get('/api/v1/evaluations')).body).toEqual([
      expect.objectContaining({ panelId: panel.id, isEvaluator: false, isModerator: true }),
    ]);
    expect((await w.suppliers[0].get('/api/v1/evaluations')).status).toBe(404);
  });

  it('writes every step to the audit log, and the hash chain still verifies', async () => {
    const actions = (await t.dataSource.getRepository(AuditEvent).find({ where: { tenderId: w.tender.id } })).map((e) => e.action);
    for (const action of [
      'evaluation.panel-formed',
      'evaluation.conflicts-declared',
      'evaluation.conflict-handled',
      'evaluation.scores-submitted',
    ])
      expect(actions).toContain(action);
    expect(actions.filter((a) => a === 'evaluation.conflicts-declared')).toHaveLength(3);
    expect(await verifyChain(t.dataSource.manager)).toMatchObject({ ok: true });
  });

  async function supplierNames(): Promise<string[]> {
    return Promise.all(w.suppliers.map(async (s) => (await s.get('/api/v1/organisation')).body.name as string));
  }
});
