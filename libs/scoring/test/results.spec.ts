import { CriterionType, DEFAULT_PRICE_PARAMETERS, PriceMethod, TieBreakRule } from '@openbrief/contracts';
import { evaluateBids, ScoringInputError, type ScoredBid, type ScoringCriterion, type ScoringModel } from '../src/index';

const c = (id: string, type: CriterionType, weight: number, parentId: string | null = null): ScoringCriterion => ({
  id,
  parentId,
  name: id,
  type,
  weight,
});
const TREE = [
  c('Q', CriterionType.Quality, 60),
  c('Q1', CriterionType.Quality, 50, 'Q'),
  c('Q2', CriterionType.Quality, 50, 'Q'),
  c('S', CriterionType.SocialValue, 10),
  c('P', CriterionType.Price, 30),
];
const model = (over: Partial<ScoringModel> = {}): ScoringModel => ({
  scaleMax: 4,
  criteria: TREE,
  minimumQualityPercent: 50,
  price: { method: PriceMethod.Proportional, parameters: DEFAULT_PRICE_PARAMETERS, budgetMax: null },
  tieBreak: TieBreakRule.HigherQuality,
  nearTieMargin: 1,
  ...over,
});
const BIDS: ScoredBid[] = [
  { id: 'A', scores: { Q1: 4, Q2: 3, S: 2 }, price: 100_000 },
  { id: 'B', scores: { Q1: 3, Q2: 3, S: 4 }, price: 80_000 },
  { id: 'C', scores: { Q1: 1, Q2: 1, S: 0 }, price: 60_000 },
];

describe('evaluateBids: a worked example checked by hand', () => {
  const out = evaluateBids(model(), BIDS);

  it('multiplies weights down the tree', () => {
    expect(out.effectiveWeights).toEqual({ Q: 60, Q1: 30, Q2: 30, S: 10, P: 30 });
  });

  it('sums points through the tree, applies the threshold and scores price among the qualifying bids only', () => {
    // A: Q1 4/4 × 30 = 30, Q2 3/4 × 30 = 22.5, S 2/4 × 10 = 5 → quality 57.5; B: 22.5 + 22.5 + 10 = 55.
    // C: 7.5 + 7.5 + 0 = 15 of 70 = 21.4%, under the 50% minimum: out, and its £60,000 does not set the lowest.
    // Price, lowest £80,000: A 30 × 0.8 = 24, B 30. Totals: B 85, A 81.5.
    expect(out.ranking.map((r) => [r.id, r.rank, r.total, r.qualityTotal, r.priceScore])).toEqual([
      ['B', 1, 85, 55, 30],
      ['A', 2, 81.5, 57.5, 24],
      ['C', null, 15, 15, null],
    ]);
    expect(out.ranking[1].subtotals).toEqual({ Q: 52.5, Q1: 30, Q2: 22.5, S: 5, P: 24 });
    expect(out.ranking[2].disqualified).toBe('Scored 21.4% of the quality marks; the tender’s minimum is 50%.');
    expect(out.ranking.map((r) => r.nearTie)).toEqual([false, false, false]);
  });

  it('keeps a gate’s reason and does not rank that bid', () => {
    const o = evaluateBids(model(), [{ ...BIDS[1], disqualified: 'Failed pass/fail requirement R3.' }, BIDS[0]]);
    expect(o.ranking.map((r) => [r.id, r.rank, r.disqualified])).toEqual([
      ['A', 1, null],
      ['B', null, 'Failed pass/fail requirement R3.'],
    ]);
    // A is now the only qualifying price, so the lowest
    expect(o.ranking[0].priceScore).toBe(30);
  });

  it('refuses a score off the scale, a broken tree and two price criteria', () => {
    expect(() => evaluateBids(model(), [{ id: 'X', scores: { Q1: 5 }, price: 1 }])).toThrow(ScoringInputError);
    expect(() => evaluateBids(model({ criteria: [c('A', CriterionType.Quality, 100, 'Z')] }), [])).toThrow(/unknown parent/);
    expect(() =>
      evaluateBids(model({ criteria: [c('A', CriterionType.Quality, 100, 'B'), c('B', CriterionType.Quality, 100, 'A')] }), []),
    ).toThrow(/cycle/);
    expect(() => evaluateBids(model({ criteria: [c('P1', CriterionType.Price, 50), c('P2', CriterionType.Price, 50)] }), [])).toThrow(
      /at most one price/,
    );
  });
});

describe('ties and near-ties', () => {
  // Quality 70 on a 0–100 scale, price 30 on a straight line from £150,000 to 0 (30 − price ÷ 5,000).
  const flat = (tieBreak: TieBreakRule, nearTieMargin = 1): ScoringModel =>
    model({
      scaleMax: 100,
      criteria: [c('Q', CriterionType.Quality, 70), c('P', CriterionType.Price, 30)],
      minimumQualityPercent: null,
      price: {
        method: PriceMethod.LinearBudgetToFloor,
        parameters: { ...DEFAULT_PRICE_PARAMETERS, ceilingPrice: 150_000 },
        budgetMax: null,
      },
      tieBreak,
      nearTieMargin,
    });
  // X: 63 + 15.5 = 78.5; Y: 59.5 + 19 = 78.5; Z: 56 + 18 = 74
  const X = { id: 'x', label: 'Response A', scores: { Q: 90 }, price: 72_500 };
  const Y = { id: 'y', label: 'Response B', scores: { Q: 85 }, price: 55_000 };
  const Z = { id: 'z', label: 'Response C', scores: { Q: 80 }, price: 60_000 };

  it('breaks a tie on the total by higher quality and says so', () => {
    const r = evaluateBids(flat(TieBreakRule.HigherQuality), [Y, Z, X]).ranking;
    expect(r.map((b) => [b.id, b.rank])).toEqual([
      ['x', 1],
      ['y', 2],
      ['z', 3],
    ]);
    expect(r[0].tieBreak).toBe('Tied on 78.50 with Response B: ranked higher on quality (63.00 against 59.50), as the tender states.');
    expect(r[1].tieBreak).toBe('Tied on 78.50 with Response A: ranked lower on quality (59.50 against 63.00), as the tender states.');
    expect(r[2].tieBreak).toBeNull();
  });

  it('breaks it by the lower price when the tender says so', () => {
    const r = evaluateBids(flat(TieBreakRule.LowerPrice), [X, Y]).ranking;
    expect(r.map((b) => b.id)).toEqual(['y', 'x']);
    expect(r[0].tieBreak).toBe(
      'Tied on 78.50 with Response A: ranked higher for its lower price (£55,000 against £72,500), as the tender states.',
    );
  });

  it('gives one rank to a tie the rule cannot break, and asks the buyer to decide', () => {
    const r = evaluateBids(flat(TieBreakRule.HigherQuality), [X, { ...X, id: 'w', label: 'Response D' }, Z]).ranking;
    expect(r.map((b) => [b.id, b.rank])).toEqual([
      ['w', 1],
      ['x', 1],
      ['z', 3],
    ]);
    expect(r[1].tieBreak).toBe(
      'Tied on 78.50 with Response D, and level on quality too (63.00 each): the tender’s tie-break rule does not separate them, so the buyer must decide and record why.',
    );
  });

  it('names every bid of a three-way tie', () => {
    // V: 66.5 + 12 = 78.5
    const V = { id: 'v', label: 'Response E', scores: { Q: 95 }, price: 90_000 };
    const r = evaluateBids(flat(TieBreakRule.HigherQuality), [X, Y, V]).ranking;
    expect(r.map((b) => [b.id, b.rank])).toEqual([
      ['v', 1],
      ['x', 2],
      ['y', 3],
    ]);
    expect(r[1].tieBreak).toBe(
      'Tied on 78.50 with Response E and Response B: placed by quality, as the tender states (Response E 66.50, Response A 63.00, Response B 59.50).',
    );
  });

  it('flags totals within the margin of the next bid as a near-tie', () => {
    // Z 74 against X 78.5: 4.5 apart. With a margin of 5 all three are near; with 1 only the tied pair.
    expect(evaluateBids(flat(TieBreakRule.HigherQuality, 1), [X, Y, Z]).ranking.map((b) => b.nearTie)).toEqual([true, true, false]);
    expect(evaluateBids(flat(TieBreakRule.HigherQuality, 5), [X, Y, Z]).ranking.map((b) => b.nearTie)).toEqual([true, true, true]);
  });
});

describe('price per quality point', () => {
  it('ranks by price ÷ quality total, lowest first; the total is the quality total', () => {
    const m = model({
      criteria: [c('Q1', CriterionType.Quality, 50), c('Q2', CriterionType.Quality, 50)],
      minimumQualityPercent: null,
      price: { method: PriceMethod.PricePerQualityPoint, parameters: DEFAULT_PRICE_PARAMETERS, budgetMax: null },
    });
    // A: quality 87.5 at £100,000 → £1,142.86 a point; B: 50 at £50,000 → £1,000; C: 0 → last
    const r = evaluateBids(m, [
      { id: 'A', scores: { Q1: 4, Q2: 3 }, price: 100_000 },
      { id: 'B', scores: { Q1: 2, Q2: 2 }, price: 50_000 },
      { id: 'C', scores: {}, price: 10_000 },
    ]).ranking;
    expect(r.map((b) => [b.id, b.rank, b.total, b.priceScore])).toEqual([
      ['B', 1, 50, null],
      ['A', 2, 87.5, null],
      ['C', 3, 0, null],
    ]);
    expect(r[1].pricePerQualityPoint).toBeCloseTo(1_142.857, 3);
    expect(r[2].pricePerQualityPoint).toBeNull();
  });
});
