import { CriterionType, PriceMethod, ScoringScale, type EvaluationModel } from '@openbrief/contracts';
import { criteriaRows, explainPrice, explainQuality, explainThreshold } from './evaluation';

const c = (id: string, parentId: string | null, order: number, weight: number, type = CriterionType.Quality) => ({
  id,
  parentId,
  order,
  name: id,
  type,
  weight,
  description: '',
  requirementIds: [],
  wordLimit: null,
});

const model: EvaluationModel = {
  scale: ScoringScale.ZeroToFour,
  descriptors: [],
  minimumQualityPercent: 60,
  priceMethod: PriceMethod.Proportional,
  criteria: [
    c('social', null, 3, 10, CriterionType.SocialValue),
    c('quality', null, 1, 60),
    c('q2', 'quality', 2, 25),
    c('q1', 'quality', 1, 75),
    c('q1a', 'q1', 1, 50),
    c('q1b', 'q1', 2, 50),
    c('price', null, 2, 30, CriterionType.Price),
  ],
};

describe('criteria tree', () => {
  it('orders criteria, gives them references and multiplies weights down the tree', () => {
    const rows = criteriaRows(model).map((r) => [r.ref, r.criterion.id, Number(r.overall.toFixed(2)), r.isLeaf]);
    expect(rows).toEqual([
      ['A', 'quality', 60, false],
      ['A1', 'q1', 45, false],
      ['A1.1', 'q1a', 22.5, true],
      ['A1.2', 'q1b', 22.5, true],
      ['A2', 'q2', 15, true],
      ['B', 'price', 30, true],
      ['C', 'social', 10, true],
    ]);
  });

  it('survives a cycle in malformed data', () => {
    const looped = { ...model, criteria: [c('x', 'y', 1, 50), c('y', 'x', 1, 50), ...model.criteria] };
    expect(criteriaRows(looped).map((r) => r.criterion.id)).not.toContain('x');
  });
});

describe('explanations', () => {
  it('works the proportional price formula through', () => {
    const e = explainPrice(PriceMethod.Proportional, 30, 100_000, 'GBP');
    expect(e.formula).toBe('Price score = (lowest price ÷ your price) × 30');
    expect(e.example).toContain('(90,000 ÷ 100,000) × 30 = 27.00 marks');
  });

  it('works the difference-from-lowest formula through', () => {
    const e = explainPrice(PriceMethod.DifferenceFromLowest, 30, null, 'GBP');
    expect(e.example).toContain('30 × (1 − (100,000 − 90,000) ÷ 90,000) = 30 × 0.8889 = 26.67 marks');
  });

  it('states the quality threshold in marks', () => {
    expect(explainThreshold(model)).toContain('(36 of 60 marks)');
    expect(explainThreshold({ ...model, minimumQualityPercent: null })).toContain('no minimum quality threshold');
    expect(explainQuality(model, criteriaRows(model))).toContain('a score of 3 on A1.1 (worth 22.5%) gives 3 ÷ 4 × 22.5 = 16.88 marks');
  });
});
