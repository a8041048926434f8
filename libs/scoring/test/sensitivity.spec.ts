import { CriterionType, DEFAULT_PRICE_PARAMETERS, PriceMethod, TieBreakRule } from '@openbrief/contracts';
import { mulberry32, sensitivity, type ScoredBid, type ScoringModel } from '../src/index';

// Q1 40, Q2 20, price 40 (proportional), scale 0–4.
const MODEL: ScoringModel = {
  scaleMax: 4,
  criteria: [
    { id: 'Q1', parentId: null, name: 'Delivery', type: CriterionType.Quality, weight: 40 },
    { id: 'Q2', parentId: null, name: 'Social value', type: CriterionType.SocialValue, weight: 20 },
    { id: 'P', parentId: null, name: 'Price', type: CriterionType.Price, weight: 40 },
  ],
  minimumQualityPercent: null,
  price: { method: PriceMethod.Proportional, parameters: DEFAULT_PRICE_PARAMETERS, budgetMax: null },
  tieBreak: TieBreakRule.HigherQuality,
  nearTieMargin: 1,
};
// A: 40 + 10 + 40 × 0.8 = 82; B: 20 + 20 + 40 = 80.
const BIDS: ScoredBid[] = [
  { id: 'A', scores: { Q1: 4, Q2: 2 }, price: 100_000 },
  { id: 'B', scores: { Q1: 2, Q2: 4 }, price: 80_000 },
];

describe('sensitivity: a worked example checked by hand', () => {
  it('finds the smallest single weight change that changes the winner', () => {
    // Moving Q1 to x (Q2 and P scaled by (100 − x) ÷ 60): A = x + 0.7(100 − x) = 70 + 0.3x, B = 0.5x + (100 − x);
    // level at x = 37.5 (a change of 2.5). Q2 would need 23.08 (3.08) and price 45.45 (5.45).
    const s = sensitivity(MODEL, BIDS, { draws: 0, perturbation: 5, seed: 1 });
    expect(s.leader).toBe('A');
    expect(s.smallestChange).toEqual({ criterionId: 'Q1', from: 40, to: 37.49, crossing: expect.closeTo(37.5, 9), newLeader: 'B' });
    expect(s.note).toBeNull();
  });

  it('reports the points each bid loses to the leader per top-level criterion', () => {
    // A − B: Q1 40 − 20, Q2 10 − 20, P 32 − 40
    expect(sensitivity(MODEL, BIDS, { draws: 0, perturbation: 5, seed: 1 }).pointsLost).toEqual({
      A: { Q1: 0, Q2: 0, P: 0 },
      B: { Q1: 20, Q2: -10, P: -8 },
    });
  });

  it('counts the winners of perturbed draws, reproducibly for a seed', () => {
    const none = sensitivity(MODEL, BIDS, { draws: 500, perturbation: 0, seed: 7 });
    expect(none.winShare).toEqual({ A: 1, B: 0 });
    const one = sensitivity(MODEL, BIDS, { draws: 2_000, perturbation: 10, seed: 7 });
    const again = sensitivity(MODEL, BIDS, { draws: 2_000, perturbation: 10, seed: 7 });
    expect(again.winShare).toEqual(one.winShare);
    expect(one.winShare.A + one.winShare.B).toBeCloseTo(1, 12);
    // ±10 points easily reaches Q1 below 37.5: B wins a real share, A still most
    expect(one.winShare.B).toBeGreaterThan(0.05);
    expect(one.winShare.A).toBeGreaterThan(0.5);
  });

  it('says why there is no smallest change when first place is shared', () => {
    const s = sensitivity(MODEL, [BIDS[0], { ...BIDS[0], id: 'C', label: 'Response C' }], { draws: 10, perturbation: 5, seed: 1 });
    expect(s.smallestChange).toBeNull();
    expect(s.note).toBe('A and Response C share first place, so the buyer decides between them; no single weight change is reported.');
    expect(s.winShare).toEqual({ A: 0.5, C: 0.5 });
  });

  it('has no leader when nothing qualifies', () => {
    const s = sensitivity({ ...MODEL, minimumQualityPercent: 90 }, BIDS, { draws: 10, perturbation: 5, seed: 1 });
    expect(s).toEqual({
      leader: null,
      smallestChange: null,
      winShare: {},
      pointsLost: {},
      note: 'No bid qualifies, so there is no leader to test.',
    });
  });

  it('refuses nonsense options', () => {
    expect(() => sensitivity(MODEL, BIDS, { draws: -1, perturbation: 5, seed: 1 })).toThrow(/draws/);
    expect(() => sensitivity(MODEL, BIDS, { draws: 1, perturbation: 500, seed: 1 })).toThrow(/perturbation/);
  });
});

describe('mulberry32', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // roughly uniform: the mean of 1,000 draws within 0.05 of 0.5
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.05);
  });
});
