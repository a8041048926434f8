import { type EvaluationPanel, type EvaluatorResponseView, type ModerationView, PanelStage } from '@openbrief/contracts';
import { verifyChain } from '../../src/modules/audit/audit-chain-verifier';
import { AuditEvent } from '../../src/modules/audit/entities/audit-event.entity';
import { IndividualScoreRow } from '../../src/modules/evaluation/entities';
import {
  declare,
  type EvaluationWorld,
  formPanel,
  moderate,
  openedTender,
  saveScore,
  scoreAndSubmit,
  SUPPLIER_NAMES,
} from '../support/evaluation-fixtures';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

const LIMITED = 'one two three four five six seven eight nine ten eleven twelve';

/** Blind individual scoring, gates, the word limit, blind labels and hidden prices, and moderation. */
describe('evaluation: blind scoring, gates and moderation', () => {
  let t: TestApp;
  let w: EvaluationWorld;
  let panel: EvaluationPanel;
  let first: TestClient;
  let second: TestClient;
  /** Every body an evaluator was sent, to look for the bidders' names in. */
  const evaluatorBodies: unknown[] = [];
  const asEvaluator = async (c: TestClient, path: string) => {
    const res = await c.get(path);
    evaluatorBodies.push(res.body);
    return res;
  };
  const bidders = () => w.responseIds;

  beforeAll(async () => {
    t = await startTestApp();
    // Bidder 3 declares it does not meet the pass/fail requirement; the first criterion has a 10-word limit.
    w = await openedTender(t, {
      wordLimit: 10,
      answer: (i, q) => (q === 0 ? `${LIMITED} (bidder ${i + 1})` : `Our team for bidder ${i + 1}.`),
      meets: (i) => i !== 2,
    });
    [first, second] = w.evaluators;
    panel = await formPanel(w);
    for (const c of [first, second, w.moderator]) await declare(w, c, panel.id);
  }, 120_000);
  afterAll(async () => {
    w?.clock.mockRestore();
    await t?.close();
  });

  it('disqualifies a response whose supplier declared it does not meet a pass/fail requirement: not scored, 404 to evaluators', async () => {
    const read = (await w.buyer.get(`/api/v1/panels/${panel.id}`)).body as EvaluationPanel;
    expect(read.gates).toEqual([
      expect.objectContaining({ responseId: bidders()[2], requirementId: w.mandatoryId, passed: false, decidedBy: null }),
    ]);
    expect(read.gates[0].reason).toMatch(/^The supplier declared it does not meet: The service meets the Web Content/);
    expect(read.progress).toEqual({ submitted: 0, assigned: 8, moderated: 0, toModerate: 4 });
    expect((await first.get(`/api/v1/panels/${panel.id}/responses/${bidders()[2]}`)).status).toBe(404);
    const workspace = (await asEvaluator(first, `/api/v1/panels/${panel.id}/workspace`)).body;
    expect(workspace.responses.map((r: { responseId: string }) => r.responseId).sort()).toEqual(bidders().slice(0, 2).sort());
  });

  it('shows an evaluator only their criteria’s answers, split at the word limit, under a blind label, with no price', async () => {
    const res = await asEvaluator(first, `/api/v1/panels/${panel.id}/responses/${bidders()[0]}`);
    expect(res.status).toBe(200);
    const view = res.body as EvaluatorResponseView;
    expect(view.label).toMatch(/^Response [ABC]$/);
    expect(view.price).toBeNull();
    const limited = view.answers.find((a) => a.criterionId === w.quality[0])!;
    expect(limited).toMatchObject({
      wordLimit: 10,
      considered: 'one two three four five six seven eight nine ten',
      notConsidered: 'eleven twelve (bidder 1)',
    });
    expect(view.declarations).toEqual([expect.objectContaining({ requirementId: w.mandatoryId, meets: true })]);
  });

  it('refuses a score off the scale, or with too short a justification (422), or without If-Match (400), and saves none', async () => {
    const path = `/api/v1/panels/${panel.id}/scores/${bidders()[0]}/${w.quality[0]}`;
    expect((await first.put(path, { score: 5, justification: 'x'.repeat(60) }, { 'If-Match': '"0"' })).status).toBe(422);
    expect((await first.put(path, { score: 3, justification: 'Good.' }, { 'If-Match': '"0"' })).status).toBe(422);
    expect((await first.put(path, { score: 2.5, justification: 'x'.repeat(60) }, { 'If-Match': '"0"' })).status).toBe(400);
    expect((await first.put(path, { score: 3, justification: 'x'.repeat(5001) }, { 'If-Match': '"0"' })).status).toBe(400);
    expect((await first.put(path, { score: 3, justification: 'x'.repeat(60) })).status).toBe(400);
    expect(await t.dataSource.getRepository(IndividualScoreRow).count()).toBe(0);
    // Price is not scored by evaluators; the moderator does not score.
    expect((await saveScore(w, first, panel.id, bidders()[0], w.priceId, 3)).status).toBe(404);
    expect((await saveScore(w, w.moderator, panel.id, bidders()[0], w.quality[0], 3)).status).toBe(404);
  });

  it('keeps drafts with revisions, names what is missing on submit (422), then keeps submitted scores unchanged (409)', async () => {
    const saved = await saveScore(w, first, panel.id, bidders()[0], w.quality[0], 1);
    expect(saved.body).toMatchObject({ score: 1, submittedAt: null, revision: 1 });
    expect((await saveScore(w, first, panel.id, bidders()[0], w.quality[0], 4, 0)).status).toBe(409);
    expect((await saveScore(w, first, panel.id, bidders()[0], w.quality[0], 4, 1)).body).toMatchObject({ score: 4, revision: 2 });
    const incomplete = await first.post(`/api/v1/panels/${panel.id}/criteria/${w.quality[0]}/submit`);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.details).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^Response [ABC]: not scored yet\.$/) }),
    ]);
    // Nobody else sees a draft: the criterion's scores are refused until one's own are in.
    expect((await second.get(`/api/v1/panels/${panel.id}/criteria/${w.quality[0]}/scores`)).status).toBe(409);
    await scoreAndSubmit(w, first, panel.id, w.quality[0], { [bidders()[1]]: 2 });
    expect((await saveScore(w, first, panel.id, bidders()[0], w.quality[0], 0, 2)).status).toBe(409);
    expect((await first.post(`/api/v1/panels/${panel.id}/criteria/${w.quality[0]}/submit`)).status).toBe(409);
  });

  it('is blind: another evaluator’s scores of a criterion stay hidden until one has submitted all of one’s own (409), then show', async () => {
    expect((await second.get(`/api/v1/panels/${panel.id}/criteria/${w.quality[0]}/scores`)).status).toBe(409);
    expect((await asEvaluator(second, `/api/v1/panels/${panel.id}/responses/${bidders()[0]}`)).body.scores).toEqual([]);
    await scoreAndSubmit(w, second, panel.id, w.quality[0], { [bidders()[0]]: 1, [bidders()[1]]: 2 });
    const scores = await asEvaluator(second, `/api/v1/panels/${panel.id}/criteria/${w.quality[0]}/scores`);
    expect(scores.status).toBe(200);
    expect(scores.body.scores.map((s: { score: number }) => s.score).sort()).toEqual([1, 2, 2, 4]);
    // The first criterion's openness says nothing about the second's.
    expect((await first.get(`/api/v1/panels/${panel.id}/criteria/${w.quality[1]}/scores`)).status).toBe(409);
  });

  it('removes a response the buying team fails at a gate from scoring, and restores it', async () => {
    const gate = (passed: boolean) =>
      w.buyer.post(`/api/v1/panels/${panel.id}/gates/${bidders()[1]}`, {
        requirementId: w.mandatoryId,
        passed,
        reason: passed ? 'The audit report was found in the appendix.' : 'The audit report attached is from 2019 and out of date.',
      });
    expect(
      (
        await w.buyer.post(`/api/v1/panels/${panel.id}/gates/${bidders()[1]}`, {
          requirementId: w.quality[0],
          passed: false,
          reason: 'Not a pass/fail requirement.',
        })
      ).status,
    ).toBe(422);
    const failed = await gate(false);
    expect(failed.status).toBe(200);
    expect(failed.body).toEqual([expect.objectContaining({ passed: false, decidedBy: 'Priya Shah' })]);
    expect((await first.get(`/api/v1/panels/${panel.id}/responses/${bidders()[1]}`)).status).toBe(404);
    expect(((await w.buyer.get(`/api/v1/panels/${panel.id}`)).body as EvaluationPanel).progress.toModerate).toBe(2);
    expect((await gate(true)).body).toEqual([expect.objectContaining({ passed: true })]);
    expect((await first.get(`/api/v1/panels/${panel.id}/responses/${bidders()[1]}`)).status).toBe(200);
  });

  it('flags a spread of 2 or more on 0–4 for the moderator, and refuses consensus before every evaluator has submitted', async () => {
    const early = await w.moderator.put(`/api/v1/panels/${panel.id}/moderation/${bidders()[0]}/${w.quality[1]}`, {
      score: 2,
      note: 'Agreed after discussion of the team.',
    });
    expect(early.status).toBe(409);
    await scoreAndSubmit(w, first, panel.id, w.quality[1], { [bidders()[0]]: 3, [bidders()[1]]: 3 });
    await scoreAndSubmit(w, second, panel.id, w.quality[1], { [bidders()[0]]: 3, [bidders()[1]]: 2 });
    const view = (await w.moderator.get(`/api/v1/panels/${panel.id}/moderation`)).body as ModerationView;
    expect(view.spreadThreshold).toBe(2);
    const item = view.items.find((i) => i.responseId === bidders()[0] && i.criterionId === w.quality[0])!;
    expect(item).toMatchObject({ spread: 3, flagged: true, consensus: null });
    expect(view.items.find((i) => i.responseId === bidders()[1] && i.criterionId === w.quality[1])).toMatchObject({
      spread: 1,
      flagged: false,
    });
    expect(view.items).toHaveLength(4);
    expect(view.agreement.map((a) => a.criterionId)).toEqual(w.quality);
    expect(view.agreement.every((a) => a.reading.length > 10)).toBe(true);
    expect(view.offsets.map((o) => o.evaluatorId).sort()).toEqual([...w.ids.evaluators].sort());
    expect((await first.get(`/api/v1/panels/${panel.id}/moderation`)).status).toBe(404);
    expect(
      (
        await w.buyer.put(`/api/v1/panels/${panel.id}/moderation/${bidders()[0]}/${w.quality[0]}`, {
          score: 2,
          note: 'The buyer is not the moderator.',
        })
      ).status,
    ).toBe(403);
  });

  it('records consensus (revisable), keeps individual scores unchanged, and shows prices once every item is moderated', async () => {
    const before = await t.dataSource.getRepository(IndividualScoreRow).find({ order: { id: 'ASC' } });
    expect(
      (
        await w.moderator.put(`/api/v1/panels/${panel.id}/moderation/${bidders()[0]}/${w.quality[0]}`, {
          score: 9,
          note: 'Off the scale entirely.',
        })
      ).status,
    ).toBe(422);
    expect(
      (await w.moderator.put(`/api/v1/panels/${panel.id}/moderation/${bidders()[0]}/${w.quality[0]}`, { score: 2, note: 'Short' })).status,
    ).toBe(400);
    const revised = await moderate(w, panel.id, bidders()[0], w.quality[0], 2);
    expect(revised.consensus).toMatchObject({ score: 2, moderatedBy: 'Morgan Moderator' });
    expect((await moderate(w, panel.id, bidders()[0], w.quality[0], 3, 'On reflection the plan merits a 3.')).consensus?.score).toBe(3);
    await moderate(w, panel.id, bidders()[1], w.quality[0], 2);
    await moderate(w, panel.id, bidders()[0], w.quality[1], 3);
    expect((await first.get(`/api/v1/panels/${panel.id}/responses/${bidders()[0]}`)).body.price).toBeNull();
    await moderate(w, panel.id, bidders()[1], w.quality[1], 2);
    expect(await t.dataSource.getRepository(IndividualScoreRow).find({ order: { id: 'ASC' } })).toEqual(before);
    const read = (await w.buyer.get(`/api/v1/panels/${panel.id}`)).body as EvaluationPanel;
    expect(read.stage).toBe(PanelStage.Moderated);
    expect(read.progress).toEqual({ submitted: 8, assigned: 8, moderated: 4, toModerate: 4 });
    const shown = (await asEvaluator(first, `/api/v1/panels/${panel.id}/responses/${bidders()[0]}`)).body as EvaluatorResponseView;
    expect(shown.price).toEqual({ total: 100_000, currency: 'GBP' });
    const consensus = await t.dataSource.getRepository(AuditEvent).find({ where: { action: 'evaluation.consensus-recorded' } });
    expect(consensus.map((e) => JSON.parse(e.details).previous)).toEqual(expect.arrayContaining([2, null]));
  });

  it('never names a bidder in what evaluators are sent once they have declared', async () => {
    evaluatorBodies.push((await first.get(`/api/v1/panels/${panel.id}/workspace`)).body);
    evaluatorBodies.push((await second.get('/api/v1/evaluations')).body);
    const text = JSON.stringify(evaluatorBodies);
    expect(evaluatorBodies.length).toBeGreaterThan(6);
    for (const name of SUPPLIER_NAMES) expect(text).not.toContain(name);
    expect(text).toContain('Response ');
  });

  it('audits submissions, gates and consensus, and the chain verifies', async () => {
    const actions = (await t.dataSource.getRepository(AuditEvent).find({ where: { tenderId: w.tender.id } })).map((e) => e.action);
    expect(actions.filter((a) => a === 'evaluation.scores-submitted')).toHaveLength(4);
    expect(actions.filter((a) => a === 'evaluation.gate-recorded')).toHaveLength(2);
    expect(actions.filter((a) => a === 'evaluation.consensus-recorded')).toHaveLength(5);
    expect(await verifyChain(t.dataSource.manager)).toMatchObject({ ok: true });
  });
});
