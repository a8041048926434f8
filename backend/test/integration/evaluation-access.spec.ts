import { EVALUATION_ROUTES, type EvaluationPanel, Role } from '@openbrief/contracts';
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
import { signInElsewhere } from '../support/other-organisation';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

/**
 * Who reaches what of an evaluation (the issue's "must be shown"): an evaluator never reaches an unassigned criterion,
 * a conflicted bidder, others' scores before submitting their own, or anything before opening; a supplier reaches no
 * evaluation endpoint; another organisation is told nothing exists. The access matrix covers every route and role.
 */
describe('evaluation: access', () => {
  let t: TestApp;
  let w: EvaluationWorld;
  let panel: EvaluationPanel;
  let first: TestClient;
  let second: TestClient;
  let otherBuyer: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    w = await openedTender(t);
    [first, second] = w.evaluators;
    otherBuyer = await signInElsewhere(t, { email: 'buyer@other-council.test', name: 'Olu Other', role: Role.Buyer });
    // The second evaluator scores only the first criterion and declares a conflict with the first bidder.
    panel = await formPanel(w, {
      moderatorId: w.ids.moderator,
      evaluators: [
        { userId: w.ids.evaluators[0], criterionIds: [...w.quality] },
        { userId: w.ids.evaluators[1], criterionIds: [w.quality[0]] },
      ],
    });
    await declare(w, first, panel.id);
    await declare(w, second, panel.id, { [w.responseIds[0]]: 'I worked for this bidder until last spring.' });
    await declare(w, w.moderator, panel.id);
  }, 120_000);
  afterAll(async () => {
    w?.clock.mockRestore();
    await t?.close();
  });

  /** Every evaluation route of this module, with a method and a body that passes validation. */
  const routes = () => {
    const [r, c] = [w.responseIds[1], w.quality[0]];
    return [
      ['GET', `/api/v1${EVALUATION_ROUTES.tenderEvaluation(w.tender.id)}`],
      ['PUT', `/api/v1${EVALUATION_ROUTES.formPanel(w.tender.id, w.lotId)}`, standardPanel(w)],
      ['GET', `/api/v1${EVALUATION_ROUTES.panel(panel.id)}`],
      ['POST', `/api/v1${EVALUATION_ROUTES.conflictHandling(panel.id, panel.id)}`, { handling: 'Handled by the buying team.' }],
      [
        'POST',
        `/api/v1${EVALUATION_ROUTES.gate(panel.id, r)}`,
        { requirementId: w.mandatoryId, passed: true, reason: 'The evidence is current.' },
      ],
      ['GET', `/api/v1${EVALUATION_ROUTES.workspace(panel.id)}`],
      ['PUT', `/api/v1${EVALUATION_ROUTES.declarations(panel.id)}`, { declarations: [{ responseId: r, conflict: false, details: '' }] }],
      ['GET', `/api/v1${EVALUATION_ROUTES.response(panel.id, r)}`],
      ['PUT', `/api/v1${EVALUATION_ROUTES.score(panel.id, r, c)}`, { score: 2, justification: 'x'.repeat(60) }],
      ['POST', `/api/v1${EVALUATION_ROUTES.submitCriterion(panel.id, c)}`],
      ['GET', `/api/v1${EVALUATION_ROUTES.criterionScores(panel.id, c)}`],
      ['GET', `/api/v1${EVALUATION_ROUTES.moderation(panel.id)}`],
      ['PUT', `/api/v1${EVALUATION_ROUTES.moderate(panel.id, r, c)}`, { score: 2, note: 'Agreed on the evidence.' }],
    ] as [string, string, unknown?][];
  };
  const call = (c: TestClient, [method, path, body]: [string, string, unknown?]) =>
    method === 'GET' ? c.get(path) : method === 'PUT' ? c.put(path, body, { 'If-Match': '"0"' }) : c.post(path, body);

  it('answers a supplier — even a bidder — and another organisation 404 on every evaluation route, and 401 to nobody', async () => {
    const answers: string[] = [];
    for (const route of routes()) {
      for (const [who, c] of [
        ['bidder', w.suppliers[0]],
        ['other organisation', otherBuyer],
        ['nobody', t.client()],
      ] as const) {
        const res = await call(c, route);
        const expected = who === 'nobody' ? 401 : 404;
        if (res.status !== expected) answers.push(`${who} ${route[0]} ${route[1]}: ${res.status}`);
      }
    }
    expect(answers).toEqual([]);
    expect((await w.suppliers[0].get('/api/v1/evaluations')).status).toBe(404);
  });

  it('keeps an evaluator from a criterion they do not score: no answers of it, no scoring it, no reading its scores', async () => {
    const view = (await second.get(`/api/v1/panels/${panel.id}/responses/${w.responseIds[1]}`)).body;
    expect(view.answers.map((a: { criterionId: string }) => a.criterionId)).toEqual([w.quality[0]]);
    expect((await saveScore(w, second, panel.id, w.responseIds[1], w.quality[1], 2)).status).toBe(404);
    expect((await second.post(`/api/v1/panels/${panel.id}/criteria/${w.quality[1]}/submit`)).status).toBe(404);
    expect((await second.get(`/api/v1/panels/${panel.id}/criteria/${w.quality[1]}/scores`)).status).toBe(404);
    const workspace = (await second.get(`/api/v1/panels/${panel.id}/workspace`)).body;
    expect(workspace.criteria.map((c: { id: string }) => c.id)).toEqual([w.quality[0]]);
  });

  it('keeps an evaluator from the bidder they declared a conflict with, even in the criterion’s scores', async () => {
    expect((await second.get(`/api/v1/panels/${panel.id}/responses/${w.responseIds[0]}`)).status).toBe(404);
    expect((await saveScore(w, second, panel.id, w.responseIds[0], w.quality[0], 2)).status).toBe(404);
    const workspace = (await second.get(`/api/v1/panels/${panel.id}/workspace`)).body;
    expect(workspace.responses.map((r: { responseId: string }) => r.responseId)).not.toContain(w.responseIds[0]);
    await scoreAndSubmit(w, first, panel.id, w.quality[0], Object.fromEntries(w.responseIds.map((r) => [r, 3])));
    await scoreAndSubmit(w, second, panel.id, w.quality[0], { [w.responseIds[1]]: 1, [w.responseIds[2]]: 1 });
    const scores = (await second.get(`/api/v1/panels/${panel.id}/criteria/${w.quality[0]}/scores`)).body.scores as { responseId: string }[];
    expect(scores).toHaveLength(4);
    expect(scores.map((s) => s.responseId)).not.toContain(w.responseIds[0]);
    // The first evaluator's own view of the same criterion has every score, including the bidder the second left.
    expect((await first.get(`/api/v1/panels/${panel.id}/criteria/${w.quality[0]}/scores`)).body.scores).toHaveLength(5);
  });

  it('keeps the buyer (on no panel) from the evaluator pages, and the evaluators from the buying team’s pages', async () => {
    expect((await w.buyer.get(`/api/v1/panels/${panel.id}/workspace`)).status).toBe(404);
    expect((await w.buyer.get(`/api/v1/panels/${panel.id}/responses/${w.responseIds[1]}`)).status).toBe(404);
    expect((await first.get(`/api/v1/panels/${panel.id}`)).status).toBe(404);
    expect((await first.get(`/api/v1/tenders/${w.tender.id}/evaluation`)).status).toBe(404);
    expect((await w.moderator.get(`/api/v1/panels/${panel.id}/responses/${w.responseIds[1]}`)).status).toBe(200);
  });

  it('has nothing to show, and nothing to form, before the responses are opened', async () => {
    // A new tender takes responses at the real time: the held clock goes back to it first.
    w.clock.mockRestore();
    const sealed = await openedTender(t, { open: false });
    try {
      expect((await sealed.buyer.get(`/api/v1/tenders/${sealed.tender.id}/evaluation`)).status).toBe(409);
      expect((await sealed.buyer.put(`/api/v1/tenders/${sealed.tender.id}/lots/${sealed.lotId}/panel`, standardPanel(sealed))).status).toBe(
        409,
      );
      expect((await sealed.evaluators[0].get(`/api/v1/tenders/${sealed.tender.id}/evaluation`)).status).toBe(404);
      expect((await sealed.evaluators[0].get('/api/v1/evaluations')).body.map((x: { tenderId: string }) => x.tenderId)).not.toContain(
        sealed.tender.id,
      );
      expect(await t.dataSource.getRepository(EvaluationPanelRow).countBy({ tenderId: sealed.tender.id })).toBe(0);
    } finally {
      sealed.clock.mockRestore();
    }
  });
});
