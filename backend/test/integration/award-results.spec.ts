import type { AwardState, EvaluationResults, PriceResult } from '@openbrief/contracts';
import { SCORING_VERSION } from '@openbrief/scoring';
import { AuditEvent } from '../../src/modules/audit/entities/audit-event.entity';
import { verifyChain } from '../../src/modules/audit/audit-chain-verifier';
import {
  declare,
  type EvaluationWorld,
  formPanel,
  moderate,
  openedTender,
  scoreAndSubmit,
  SUPPLIER_NAMES,
} from '../support/evaluation-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/**
 * Prices, results and the investigation of abnormally low prices, on the fixture's lot: Quality 70 (Approach 60%,
 * Team 40%: effective 42 and 28), Price 30 (proportional), scale 0–4, minimum quality 50%, prices £100,000, £120,000
 * and £140,000. Abnormally low at 10% here, so £100,000 (16.7% below the average of £120,000) is flagged.
 */
describe('award: prices, results and abnormally low prices', () => {
  let t: TestApp;
  let w: EvaluationWorld;
  let panelId: string;
  const path = (tail: string) => `/api/v1/panels/${panelId}/${tail}`;
  const results = async () => {
    const res = await w.buyer.get(path('results'));
    expect(res.status).toBe(200);
    return res.body as EvaluationResults;
  };
  const total = (r: EvaluationResults, i: number) => r.totals.find((x) => x.responseId === w.responseIds[i])!;

  beforeAll(async () => {
    t = await startTestApp();
    w = await openedTender(t, { rules: { abnormallyLowPercent: 10 } });
    const panel = await formPanel(w);
    panelId = panel.id;
    for (const c of [...w.evaluators, w.moderator]) await declare(w, c, panelId);
    // Approach: both evaluators give 3, 2, 1; Team: 4, 3, 1 and 2, 3, 1.
    const [a, b, c] = w.responseIds;
    await scoreAndSubmit(w, w.evaluators[0], panelId, w.quality[0], { [a]: 3, [b]: 2, [c]: 1 });
    await scoreAndSubmit(w, w.evaluators[1], panelId, w.quality[0], { [a]: 3, [b]: 2, [c]: 1 });
    await scoreAndSubmit(w, w.evaluators[0], panelId, w.quality[1], { [a]: 4, [b]: 3, [c]: 1 });
    await scoreAndSubmit(w, w.evaluators[1], panelId, w.quality[1], { [a]: 2, [b]: 3, [c]: 1 });
  });
  afterAll(async () => {
    w?.clock.mockRestore();
    await t?.close();
  });

  it('states provisional figures while moderation is incomplete, from the individual scores', async () => {
    await moderate(w, panelId, w.responseIds[0], w.quality[0], 3);
    const r = await results();
    expect(r.complete).toBe(false);
    // Bidder 1's Team has no consensus yet: the mean of 4 and 2 stands in (3 ÷ 4 × 28 = 21).
    expect(total(r, 0).subtotals[w.quality[1]]).toBeCloseTo(21, 2);
    const award = await w.buyer.post(path('award'), { responseId: w.responseIds[0], reasons: 'The highest scoring response overall.' });
    expect(award.status).toBe(409);
    expect(award.body.message).toMatch(/provisional/);
  });

  it('totals and ranks the moderated scores as worked by hand, and says which scoring version did it', async () => {
    const [a, b, c] = w.responseIds;
    await moderate(w, panelId, b, w.quality[0], 2);
    await moderate(w, panelId, c, w.quality[0], 1);
    await moderate(w, panelId, a, w.quality[1], 3);
    await moderate(w, panelId, b, w.quality[1], 3);
    await moderate(w, panelId, c, w.quality[1], 1);
    const r = await results();
    expect(r.complete).toBe(true);
    expect(r.scoringVersion).toBe(SCORING_VERSION);
    expect(r.priceMethod).toBe('proportional');
    expect(r.criteria.find((x) => x.id === w.quality[0])!.effectiveWeight).toBeCloseTo(42, 6);
    expect(r.criteria.find((x) => x.id === w.quality[1])!.effectiveWeight).toBeCloseTo(28, 6);
    // A: 3/4 × 42 + 3/4 × 28 = 52.5 quality; B: 2/4 × 42 + 3/4 × 28 = 42 (60%); C: 1/4 × 42 + 1/4 × 28 = 17.5 (25% < 50%: out).
    // Price among A and B only: A 30 × 100,000 ÷ 100,000 = 30; B 30 × 100,000 ÷ 120,000 = 25.
    expect(total(r, 0)).toMatchObject({ rank: 1, qualityTotal: 52.5, priceScore: 30, total: 82.5, disqualified: null, nearTie: false });
    expect(total(r, 1)).toMatchObject({ rank: 2, qualityTotal: 42, priceScore: 25, total: 67, disqualified: null });
    expect(total(r, 2)).toMatchObject({ rank: null, qualityTotal: 17.5 });
    expect(total(r, 2).disqualified).toMatch(/25% of the quality marks.*50%/);
    expect(total(r, 0).supplierName).toBe(SUPPLIER_NAMES[0]);
    expect(r.totals.map((x) => x.responseId)).toEqual([a, b, c]);
  });

  it('gives the same figures every time, sensitivity included (10,000 draws with a seed from the panel)', async () => {
    const first = await results();
    const second = await results();
    expect(JSON.stringify(second)).toEqual(JSON.stringify(first));
    const s = first.sensitivity!;
    expect(s).toMatchObject({ draws: 10_000, perturbation: 5 });
    expect(Object.values(s.winShare).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 9);
    expect(s.pointsLost[w.responseIds[1]]).toBeDefined();
  });

  it('flags the abnormally low price for investigation, and shows it among the prices', async () => {
    const res = await w.buyer.get(path('prices'));
    expect(res.status).toBe(200);
    const prices = res.body as PriceResult[];
    const low = prices.find((p) => p.responseId === w.responseIds[0])!;
    expect(low.evaluatedPrice).toBe(100_000);
    expect(low.score).toBe(30);
    expect(low.abnormallyLow).toEqual({
      reason: expect.stringMatching(/^£100,000 is 1[67](\.\d)?% below the average price of £120,000\.$/),
      investigation: null,
    });
    expect(prices.find((p) => p.responseId === w.responseIds[1])!.abnormallyLow).toBeNull();
    // Only a flagged price is investigated.
    const refused = await w.buyer.post(path(`prices/${w.responseIds[1]}/investigation`), {
      outcome: 'accepted',
      note: 'Checked the rates.',
    });
    expect(refused.status).toBe(409);
  });

  it('validates the investigation at the edge and keeps it from evaluators', async () => {
    const url = path(`prices/${w.responseIds[0]}/investigation`);
    expect((await w.buyer.post(url, { outcome: 'accepted', note: 'too short' })).status).toBe(400);
    expect((await w.buyer.post(url, { outcome: 'maybe', note: 'A long enough note here.' })).status).toBe(400);
    expect((await w.buyer.post(url, { outcome: 'accepted', note: 'A long enough note.', extra: 1 })).status).toBe(400);
    expect((await w.evaluators[0].post(url, { outcome: 'accepted', note: 'A long enough note here.' })).status).toBe(404);
    expect((await w.suppliers[0].get(path('results'))).status).toBe(404);
  });

  it('keeps an accepted price in the ranking, and disqualifies a rejected one with its reason', async () => {
    const url = path(`prices/${w.responseIds[0]}/investigation`);
    const accepted = await w.buyer.post(url, {
      outcome: 'accepted',
      note: 'The supplier showed its day rates and reuse of an existing platform.',
    });
    expect(accepted.status).toBe(200);
    expect((accepted.body as PriceResult).abnormallyLow!.investigation).toMatchObject({
      outcome: 'accepted',
      recordedBy: expect.any(String),
    });
    expect(total(await results(), 0).rank).toBe(1);

    const rejected = await w.buyer.post(url, {
      outcome: 'rejected',
      note: 'The rates do not cover the national living wage for the team named.',
    });
    expect(rejected.status).toBe(200);
    const r = await results();
    expect(total(r, 0)).toMatchObject({ rank: null });
    expect(total(r, 0).disqualified).toMatch(/rejected as abnormally low.*national living wage/);
    // B now leads and, alone among the qualifying bids, scores full marks on price.
    expect(total(r, 1)).toMatchObject({ rank: 1, priceScore: 30, total: 72 });
    expect(r.sensitivity).toBeNull();

    const award = await w.buyer.post(path('award'), { responseId: w.responseIds[0], reasons: 'The lowest price and the best quality.' });
    expect(award.status).toBe(409);
    expect(award.body.message).toMatch(/disqualified/);

    const audited = await t.dataSource
      .getRepository(AuditEvent)
      .find({ where: { action: 'award.price-investigated', tenderId: w.tender.id }, order: { seq: 'ASC' } });
    expect(audited.map((e) => JSON.parse(e.details).outcome)).toEqual(['accepted', 'rejected']);
    expect(await verifyChain(t.dataSource.manager)).toMatchObject({ ok: true });
  });

  it('awards once when two colleagues award at the same moment, and then closes the investigations', async () => {
    const body = { responseId: w.responseIds[1], reasons: 'The only qualifying response, with a sound approach and team.' };
    const [x, y] = await Promise.all([w.buyer.post(path('award'), body), w.moderator.post(path('award'), body)]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const state = (await w.buyer.get(path('award'))).body as AwardState;
    expect(state.summaries).toHaveLength(3);
    expect(state.summaries.find((s) => s.responseId === w.responseIds[0])!.whyNotSuccessful).toMatch(/rejected as abnormally low/);
    const late = await w.buyer.post(path(`prices/${w.responseIds[0]}/investigation`), {
      outcome: 'accepted',
      note: 'We looked at the rates again after the award.',
    });
    expect(late.status).toBe(409);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'award.decided', tenderId: w.tender.id })).toBe(1);
  });
});
