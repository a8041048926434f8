import { CriterionType, PriceMethod, ScoringScale, defaultEvaluationRules, type EvaluationModel } from '@openbrief/contracts';
import { criteriaRows, explainQuality, explainThreshold, priceMarks } from './evaluation';

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
  rules: defaultEvaluationRules(),
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
  it('counts the marks for price at the price criterion’s overall weight, wherever it sits in the tree', () => {
    expect(priceMarks(criteriaRows(model))).toBe(30);
    const nested = {
      ...model,
      criteria: [
        ...model.criteria.filter((x) => x.id !== 'price' && x.id !== 'social'),
        c('commercial', null, 2, 40),
        c('price', 'commercial', 1, 75, CriterionType.Price),
        c('social', 'commercial', 2, 25, CriterionType.SocialValue),
      ],
    };
    expect(priceMarks(criteriaRows(nested))).toBe(30);
  });

  it('states the quality threshold in marks', () => {
    expect(explainThreshold(model)).toContain('(36 of 60 marks)');
    expect(explainThreshold({ ...model, minimumQualityPercent: null })).toContain('no minimum quality threshold');
    expect(explainQuality(model, criteriaRows(model))).toContain('a score of 3 on A1.1 (worth 22.5%) gives 3 ÷ 4 × 22.5 = 16.88 marks');
  });
});
