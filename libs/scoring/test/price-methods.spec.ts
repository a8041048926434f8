import { DEFAULT_PRICE_PARAMETERS, PriceMethod, type PriceParameters } from '@openbrief/contracts';
import {
  abnormallyLowPrices,
  lineRecurrence,
  PRICE_METHODS,
  priceScoreCurve,
  priceScores,
  PriceScoringError,
  priceWorkedExample,
  wholeLifeCosts,
  type PricedBid,
} from '../src/index';

// The same three bids throughout: £80,000, £100,000 and £125,000, with 40 marks for price.
const BIDS: PricedBid[] = [
  { id: 'A', price: 80_000 },
  { id: 'B', price: 100_000 },
  { id: 'C', price: 125_000 },
];
const score = (method: PriceMethod, parameters: Partial<PriceParameters> = {}, budgetMax: number | null = null, bids = BIDS) =>
  priceScores({ method, weight: 40, parameters: { ...DEFAULT_PRICE_PARAMETERS, ...parameters }, budgetMax }, bids).map((s) => s.score);

describe('price methods: worked examples checked by hand', () => {
  it('proportional: 40 × lowest ÷ price', () => {
    // A: 40 × 80/80 = 40; B: 40 × 80/100 = 32; C: 40 × 80/125 = 25.6
    expect(score(PriceMethod.Proportional)).toEqual([40, 32, 25.6]);
  });

  it('difference from the lowest: 40 × max(0, 1 − (price − lowest) ÷ lowest)', () => {
    // B: 1 − 20/80 = 0.75 → 30; C: 1 − 45/80 = 0.4375 → 17.5; a price twice the lowest or more scores 0
    expect(score(PriceMethod.DifferenceFromLowest)).toEqual([40, 30, 17.5]);
    expect(score(PriceMethod.DifferenceFromLowest, {}, null, [BIDS[0], { id: 'D', price: 170_000 }])).toEqual([40, 0]);
  });

  it('relative to the average: 40 × clamp(0.5 + (average − price) ÷ average, 0, 1)', () => {
    // average = 305,000 ÷ 3 = 101,666.67. A: 0.5 + 65/305 = 0.713115 → 28.5246; B: 0.5 + 5/305 → 20.6557;
    // C: 0.5 − 70/305 = 0.270492 → 10.8197
    const [a, b, c] = score(PriceMethod.RelativeToAverage);
    expect(a).toBeCloseTo(28.5246, 4);
    expect(b).toBeCloseTo(20.6557, 4);
    expect(c).toBeCloseTo(10.8197, 4);
    // 10,000 against an average of 55,000: 0.5 + 45/55 = 1.32, held at full marks; 100,000: 0.5 − 45/55 < 0, held at 0
    expect(
      score(PriceMethod.RelativeToAverage, {}, null, [
        { id: 'X', price: 10_000 },
        { id: 'Y', price: 100_000 },
      ]),
    ).toEqual([40, 0]);
  });

  it('linear from the budget to a floor: 40 × clamp((ceiling − price) ÷ (ceiling − floor), 0, 1)', () => {
    // ceiling 150,000, floor 50,000: A: 70/100 → 28; B: 50/100 → 20; C: 25/100 → 10
    expect(score(PriceMethod.LinearBudgetToFloor, { ceilingPrice: 150_000, floorPrice: 50_000 })).toEqual([28, 20, 10]);
    // the budget's maximum (125,000) as the ceiling and 0 as the floor: A: 45/125 → 14.4; B: 25/125 → 8; C: 0
    expect(score(PriceMethod.LinearBudgetToFloor, {}, 125_000)).toEqual([expect.closeTo(14.4, 10), 8, 0]);
  });

  it('linear from the budget refuses a missing ceiling or one not above the floor', () => {
    expect(() => score(PriceMethod.LinearBudgetToFloor)).toThrow(
      new PriceScoringError('Linear price scoring needs a ceiling price or a budget maximum.'),
    );
    expect(() => score(PriceMethod.LinearBudgetToFloor, { ceilingPrice: 50_000, floorPrice: 50_000 })).toThrow(/must be above the floor/);
  });

  it('logarithmic: 40 × max(0, 1 − ln(price ÷ lowest) ÷ ln A), the same score for the same ratio at any price level', () => {
    // A = 2. B: 1 − ln 1.25 / ln 2 = 0.678072 → 27.1229; C: 1 − ln 1.5625 / ln 2 = 0.356144 → 14.2458
    const [a, b, c] = score(PriceMethod.Logarithmic, { logRatio: 2 });
    expect(a).toBe(40);
    expect(b).toBeCloseTo(27.1229, 4);
    expect(c).toBeCloseTo(14.2458, 4);
    const tenfoldLower = score(
      PriceMethod.Logarithmic,
      { logRatio: 2 },
      null,
      BIDS.map((x) => ({ ...x, price: x.price / 10 })),
    );
    expect(tenfoldLower[1]).toBeCloseTo(b!, 12);
    expect(() => score(PriceMethod.Logarithmic, { logRatio: 1 })).toThrow(PriceScoringError);
  });

  it('price per quality point has no score of its own', () => {
    expect(score(PriceMethod.PricePerQualityPoint)).toEqual([null, null, null]);
  });

  it('whole-life cost: costs discounted at 3.5% a year, then proportional', () => {
    // A: 48,000 + 16,000/1.035 + 16,000/1.035² = 78,395.11; B: 80,000 + 10,000/1.035 + 10,000/1.035² = 98,996.94;
    // C: 112,500 + 6,250/1.035 + 6,250/1.035² = 124,373.09. B: 40 × 78,395.11/98,996.94 = 31.6758; C: 25.2129
    const bids: PricedBid[] = [
      {
        id: 'A',
        price: 80_000,
        costs: [
          { year: 0, amount: 48_000 },
          { year: 1, amount: 16_000 },
          { year: 2, amount: 16_000 },
        ],
      },
      {
        id: 'B',
        price: 100_000,
        costs: [
          { year: 2, amount: 10_000 },
          { year: 0, amount: 80_000 },
          { year: 1, amount: 10_000 },
        ],
      },
      {
        id: 'C',
        price: 125_000,
        costs: [
          { year: 0, amount: 112_500 },
          { year: 1, amount: 6_250 },
          { year: 2, amount: 6_250 },
        ],
      },
    ];
    const scored = priceScores(
      { method: PriceMethod.WholeLifeCost, weight: 40, parameters: DEFAULT_PRICE_PARAMETERS, budgetMax: null },
      bids,
    );
    expect(scored.map((s) => s.evaluatedPrice)).toEqual([
      expect.closeTo(78_395.11, 2),
      expect.closeTo(98_996.94, 2),
      expect.closeTo(124_373.09, 2),
    ]);
    expect(scored.map((s) => s.score)).toEqual([40, expect.closeTo(31.6758, 4), expect.closeTo(25.2129, 4)]);
    // no costs given: the price itself
    expect(score(PriceMethod.WholeLifeCost)).toEqual([40, 32, 25.6]);
  });

  it('refuses prices of 0 or less', () => {
    expect(() => score(PriceMethod.Proportional, {}, null, [{ id: 'Z', price: 0 }])).toThrow(
      new PriceScoringError('A price must be more than 0 (got 0).'),
    );
    expect(() => score(PriceMethod.Proportional, {}, null, [{ id: 'Z', price: -5 }])).toThrow(PriceScoringError);
  });
});

describe('wholeLifeCosts', () => {
  it('spreads monthly and yearly charges over the term, part years pro rata, and puts one-off costs in year 0', () => {
    const line = (unit: string, total: number) => ({ description: unit, quantity: 1, unit, unitPrice: total, total });
    // 30 months. Year 0: 5,000 + 12 × 1,000 + 2,400 = 19,400; year 1: 12,000 + 2,400 = 14,400; year 2 (6 months): 6,000 + 1,200
    expect(wholeLifeCosts([line('set-up', 5_000), line('per month', 1_000), line('per annum', 2_400)], 30)).toEqual([
      { year: 0, amount: 19_400 },
      { year: 1, amount: 14_400 },
      { year: 2, amount: 7_200 },
    ]);
    expect(() => wholeLifeCosts([line('monthly', 1)], null)).toThrow(/length in months/);
    expect(wholeLifeCosts([line('visit', 300)], null)).toEqual([{ year: 0, amount: 300 }]);
  });

  it.each([
    ['month', 'monthly'],
    ['Months', 'monthly'],
    ['per month', 'monthly'],
    ['licence / month', 'monthly'],
    ['user per calendar month', 'monthly'],
    ['pcm', 'monthly'],
    ['year', 'yearly'],
    ['annual', 'yearly'],
    ['per annum', 'yearly'],
    ['p.a.', 'yearly'],
    ['site per year', 'yearly'],
    ['12-month licence', 'once'],
    ['visit', 'once'],
    ['each', 'once'],
  ])('reads the unit %p as %p', (unit, expected) => {
    expect(lineRecurrence(unit)).toBe(expected);
  });
});

describe('abnormallyLowPrices', () => {
  it('flags a price well below the average or the estimate, in plain words with the figures', () => {
    // average = (8,000 + 14,000 + 16,700) ÷ 3 = 12,900; 8,000 is 37.98% below it
    const bids = [
      { id: 'A', price: 8_000 },
      { id: 'B', price: 14_000 },
      { id: 'C', price: 16_700 },
    ];
    expect(abnormallyLowPrices(bids, { percent: 20, estimate: null })).toEqual([
      { id: 'A', reason: '£8,000 is 38% below the average price of £12,900.' },
    ]);
    // an estimate of 20,000: B is 30% below it, A 60%
    expect(abnormallyLowPrices(bids, { percent: 20, estimate: 20_000 })).toEqual([
      { id: 'A', reason: '£8,000 is 38% below the average price of £12,900 and 60% below the estimated value of £20,000.' },
      { id: 'B', reason: '£14,000 is 30% below the estimated value of £20,000.' },
    ]);
  });

  it('shows a decimal where a whole percentage would read as the limit itself', () => {
    // 7,960 is 20.4% below the estimate of 10,000
    expect(abnormallyLowPrices([{ id: 'A', price: 7_960 }], { percent: 20, estimate: 10_000 })).toEqual([
      { id: 'A', reason: '£7,960 is 20.4% below the estimated value of £10,000.' },
    ]);
  });
});

describe('PRICE_METHODS', () => {
  it('has words for every method and keeps the wording apps already show', () => {
    for (const m of Object.values(PriceMethod)) {
      expect(PRICE_METHODS[m].label.length).toBeGreaterThan(5);
      expect(PRICE_METHODS[m].formula.length).toBeGreaterThan(20);
    }
    expect(PRICE_METHODS[PriceMethod.Proportional].explanation).toBe(
      'The lowest price gets full marks; other prices get marks in proportion (lowest price ÷ your price).',
    );
    expect(PRICE_METHODS[PriceMethod.DifferenceFromLowest].phrase).toBe('price marked by its difference from the lowest');
  });
});

describe('priceWorkedExample and priceScoreCurve', () => {
  it('works three bids through the method itself', () => {
    const e = priceWorkedExample(PriceMethod.Proportional, DEFAULT_PRICE_PARAMETERS, 40, null);
    expect(e.rows.map((r) => [r.label, r.price, r.score])).toEqual([
      ['Bid A', 80_000, 40],
      ['Bid B', 100_000, 32],
      ['Bid C', 125_000, 25.6],
    ]);
    // scaled to a budget of 250,000: base 200,000
    expect(priceWorkedExample(PriceMethod.Proportional, DEFAULT_PRICE_PARAMETERS, 40, 250_000).rows.map((r) => r.price)).toEqual([
      160_000, 200_000, 250_000,
    ]);
  });

  it('gives whole-life costs and prices per quality point where the method uses them', () => {
    const w = priceWorkedExample(PriceMethod.WholeLifeCost, DEFAULT_PRICE_PARAMETERS, 40, null);
    expect(w.rows[0].costs).toEqual([
      { year: 0, amount: 48_000 },
      { year: 1, amount: 16_000 },
      { year: 2, amount: 16_000 },
    ]);
    expect(w.rows[0].evaluatedPrice).toBeCloseTo(78_395.11, 2);
    const p = priceWorkedExample(PriceMethod.PricePerQualityPoint, DEFAULT_PRICE_PARAMETERS, 0, null);
    // quality 60, 80, 90: 80,000/60 = 1,333.33; 100,000/80 = 1,250; 125,000/90 = 1,388.89
    expect(p.rows.map((r) => r.pricePerQualityPoint)).toEqual([expect.closeTo(1_333.33, 2), 1_250, expect.closeTo(1_388.89, 2)]);
  });

  it('assumes a ceiling for the linear method when there is no budget, and says so', () => {
    const e = priceWorkedExample(PriceMethod.LinearBudgetToFloor, DEFAULT_PRICE_PARAMETERS, 40, null);
    expect(e.assumption).toBe('No budget is set, so this example assumes a ceiling price of £150,000.');
    // (150 − 80)/150 × 40 = 18.67
    expect(e.rows[0].score).toBeCloseTo(18.6667, 4);
  });

  it('draws the score across a range of prices against a given field', () => {
    const settings = { method: PriceMethod.Proportional, weight: 40, parameters: DEFAULT_PRICE_PARAMETERS, budgetMax: null };
    // a price below the given lowest becomes the lowest: full marks
    expect(priceScoreCurve(settings, { lowest: 80_000, average: 100_000 }, [60_000, 80_000, 160_000])).toEqual([
      { price: 60_000, score: 40 },
      { price: 80_000, score: 40 },
      { price: 160_000, score: 20 },
    ]);
  });
});
