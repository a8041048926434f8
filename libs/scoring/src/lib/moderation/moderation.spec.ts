import { defaultSpreadThreshold, evaluatorOffsets, itemSpreads, type IndividualScore } from './moderation';

const score = (responseId: string, criterionId: string, evaluatorId: string, value: number): IndividualScore => ({
  responseId,
  criterionId,
  evaluatorId,
  score: value,
});

describe('itemSpreads', () => {
  const scores = [
    score('r1', 'c1', 'ann', 1),
    score('r1', 'c1', 'bo', 3),
    score('r1', 'c1', 'cy', 2),
    score('r1', 'c2', 'ann', 2),
    score('r1', 'c2', 'bo', 3),
    score('r2', 'c1', 'ann', 4),
  ];

  it('gives max − min per response × criterion and flags it at the threshold (2 on 0–4)', () => {
    expect(itemSpreads(scores, defaultSpreadThreshold(4))).toEqual([
      { responseId: 'r1', criterionId: 'c1', spread: 2, flagged: true },
      { responseId: 'r1', criterionId: 'c2', spread: 1, flagged: false },
      { responseId: 'r2', criterionId: 'c1', spread: null, flagged: false },
    ]);
  });

  it('uses the configured threshold for other scales', () => {
    const hundred = [score('r', 'c', 'a', 40), score('r', 'c', 'b', 64.5)];
    expect(itemSpreads(hundred, 25)[0]).toEqual({ responseId: 'r', criterionId: 'c', spread: 24.5, flagged: false });
    expect(itemSpreads(hundred, 24.5)[0].flagged).toBe(true);
  });

  it('refuses a second score by the same evaluator for the same item', () => {
    expect(() => itemSpreads([score('r', 'c', 'a', 1), score('r', 'c', 'a', 2)], 2)).toThrow(/two scores/);
  });

  it('returns nothing for no scores', () => {
    expect(itemSpreads([], 2)).toEqual([]);
  });
});

describe('evaluatorOffsets', () => {
  it('averages each evaluator’s distance from the mean of the others on the same items', () => {
    // Bo scores two points above Ann on both items; Cy alone on r3 has nothing to compare with.
    const scores = [
      score('r1', 'c1', 'ann', 1),
      score('r1', 'c1', 'bo', 3),
      score('r2', 'c1', 'ann', 2),
      score('r2', 'c1', 'bo', 4),
      score('r3', 'c1', 'cy', 2),
    ];
    expect(evaluatorOffsets(scores, 2)).toEqual([
      { evaluatorId: 'ann', meanOffset: -2, items: 2, outOfLine: true },
      { evaluatorId: 'bo', meanOffset: 2, items: 2, outOfLine: true },
      { evaluatorId: 'cy', meanOffset: 0, items: 0, outOfLine: false },
    ]);
  });

  it('compares with the mean of the others when three evaluators scored an item', () => {
    // r1: ann 4 vs mean(2, 3) = 2.5 → +1.5; r2: ann 3 vs mean(2, 2) = 2 → +1; mean +1.25 ≥ 2 ÷ 2.
    const scores = [
      score('r1', 'c', 'ann', 4),
      score('r1', 'c', 'bo', 2),
      score('r1', 'c', 'cy', 3),
      score('r2', 'c', 'ann', 3),
      score('r2', 'c', 'bo', 2),
      score('r2', 'c', 'cy', 2),
    ];
    const [ann, bo, cy] = evaluatorOffsets(scores, 2);
    expect(ann).toEqual({ evaluatorId: 'ann', meanOffset: 1.25, items: 2, outOfLine: true });
    // bo: r1 2 − 3.5 = −1.5, r2 2 − 2.5 = −0.5 → −1 (exactly half the threshold: out of line).
    expect(bo).toEqual({ evaluatorId: 'bo', meanOffset: -1, items: 2, outOfLine: true });
    // cy: r1 3 − 3 = 0, r2 2 − 2.5 = −0.5 → −0.25.
    expect(cy).toEqual({ evaluatorId: 'cy', meanOffset: -0.25, items: 2, outOfLine: false });
  });

  it('never calls one item a pattern', () => {
    const [a] = evaluatorOffsets([score('r', 'c', 'a', 0), score('r', 'c', 'b', 4)], 2);
    expect(a).toEqual({ evaluatorId: 'a', meanOffset: -4, items: 1, outOfLine: false });
  });

  it('offsets on each item sum to zero across its evaluators', () => {
    const scores = [score('r', 'c', 'a', 1), score('r', 'c', 'b', 4), score('r', 'c', 'c', 2), score('r', 'c', 'd', 0)];
    const total = evaluatorOffsets(scores, 2).reduce((s, o) => s + o.meanOffset, 0);
    expect(total).toBeCloseTo(0, 12);
  });
});
