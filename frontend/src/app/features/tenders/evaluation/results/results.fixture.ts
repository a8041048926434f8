import { CriterionType, EvaluationResults, PriceMethod, TieBreakRule } from '@openbrief/contracts';

/** Three responses on a 60/40 quality/price lot: A leads, B is close, C was disqualified. */
export function resultsFixture(overrides: Partial<EvaluationResults> = {}): EvaluationResults {
  return {
    panelId: 'panel-1',
    complete: true,
    priceMethod: PriceMethod.Proportional,
    tieBreakRule: TieBreakRule.HigherQuality,
    criteria: [
      { id: 'tech', parentId: null, name: 'Technical approach', type: CriterionType.Quality, effectiveWeight: 40 },
      { id: 'social', parentId: null, name: 'Social value', type: CriterionType.SocialValue, effectiveWeight: 20 },
      { id: 'price', parentId: null, name: 'Price', type: CriterionType.Price, effectiveWeight: 40 },
    ],
    totals: [
      {
        responseId: 'c',
        supplierName: 'Supplier C',
        rank: null,
        total: 0,
        qualityTotal: 0,
        priceScore: null,
        pricePerQualityPoint: null,
        subtotals: {},
        disqualified: 'Failed the pass/fail requirement on insurance.',
        tieBreak: null,
        nearTie: false,
      },
      {
        responseId: 'b',
        supplierName: 'Supplier B',
        rank: 2,
        total: 78.2,
        qualityTotal: 40,
        priceScore: 38.2,
        pricePerQualityPoint: null,
        subtotals: { tech: 30, social: 10, price: 38.2 },
        disqualified: null,
        tieBreak: null,
        nearTie: true,
      },
      {
        responseId: 'a',
        supplierName: 'Supplier A',
        rank: 1,
        total: 80,
        qualityTotal: 50,
        priceScore: 30,
        pricePerQualityPoint: null,
        subtotals: { tech: 35, social: 15, price: 30 },
        disqualified: null,
        tieBreak: null,
        nearTie: true,
      },
    ],
    prices: [
      { responseId: 'a', label: 'Response A', supplierName: 'Supplier A', evaluatedPrice: 120000, score: 30, abnormallyLow: null },
      {
        responseId: 'b',
        label: 'Response B',
        supplierName: 'Supplier B',
        evaluatedPrice: 94250.5,
        score: 38.2,
        abnormallyLow: { reason: '31% below the average price of the responses.', investigation: null },
      },
    ],
    sensitivity: {
      smallestChange: { criterionId: 'tech', criterionName: 'Technical approach', from: 40, to: 31.2, newLeader: 'b' },
      draws: 10000,
      perturbation: 5,
      winShare: { a: 0.7123, b: 0.2877 },
      pointsLost: { a: { tech: 0, social: 0, price: 0 }, b: { tech: 5, social: 5, price: -8.2 } },
    },
    scoringVersion: '1.0.0',
    ...overrides,
  };
}
