import {
  DEFAULT_EVALUATION_RULES,
  EvaluationRules,
  Jurisdiction,
  RequirementPriority,
  ScoringScale,
  TieBreakRule,
} from '@openbrief/contracts';
import { describe, expect, it } from 'vitest';
import {
  addCriterion,
  addLot,
  blankRequirement,
  defaultDescriptors,
  formatPercent,
  moveItem,
  moveRequirement,
  overallShares,
  removeCriterion,
  removeLot,
  removeRequirement,
  rescaleDescriptors,
  restoreRequirement,
  sameContent,
  shareUnchanged,
  toContent,
  toPreviewDetail,
  updateMeasure,
  updateRequirement,
  withRules,
} from './content-ops';
import { criterion, lot, requirement, tenderContent, tenderDetail } from './testing/tender-content.fixture';

const criteriaIds = (c: ReturnType<typeof tenderContent>, l = 0) => c.lots[l].evaluationModel.criteria.map((cr) => cr.id);

describe('toContent', () => {
  it('drops the API’s order fields and sorts children by them', () => {
    const detail = tenderDetail();
    // The API may list children in any order; `order` and `number` say which comes first.
    detail.lots[0].requirements.reverse();
    detail.lots[0].evaluationModel.criteria.reverse();
    const content = toContent(detail);
    expect(content).toEqual(tenderContent());
    expect(content.lots[0].requirements[0]).not.toHaveProperty('order');
    expect(content.lots[0].requirements[0]).not.toHaveProperty('lotId');
  });

  it('copies nested objects, so editing the content never changes the API response', () => {
    const detail = tenderDetail();
    const content = toContent(detail);
    content.budget.min = 1;
    content.lots[0].requirements[0].measure.target = 'changed';
    content.lots[0].evaluationModel.criteria[1].requirementIds.push('x');
    expect(detail.budget.min).toBe(50_000);
    expect(detail.lots[0].requirements[0].measure.target).toBe('5');
    expect(detail.lots[0].evaluationModel.criteria[1].requirementIds).toEqual(['r1']);
  });

  it('copies the evaluation rules and their price parameters, so editing them never changes the API response', () => {
    const detail = tenderDetail();
    const content = toContent(detail);
    expect(content.lots[0].evaluationModel.rules).toEqual(DEFAULT_EVALUATION_RULES);
    content.lots[0].evaluationModel.rules.price.logRatio = 3;
    content.lots[0].evaluationModel.rules.blindMarking = false;
    expect(detail.lots[0].evaluationModel.rules.price.logRatio).toBe(2);
    expect(detail.lots[0].evaluationModel.rules.blindMarking).toBe(true);
  });

  it('reads a tender saved before the evaluation rules and the jurisdiction existed with their defaults', () => {
    const detail = tenderDetail();
    const old = detail as unknown as {
      contract: Partial<typeof detail.contract>;
      lots: { evaluationModel: Partial<{ rules: EvaluationRules }> }[];
    };
    delete old.contract.jurisdiction;
    delete old.lots[0].evaluationModel.rules;
    const content = toContent(detail);
    expect(content.contract.jurisdiction).toBe(Jurisdiction.EnglandAndWales);
    expect(content.lots[0].evaluationModel.rules).toEqual(DEFAULT_EVALUATION_RULES);
    expect(content.lots[0].evaluationModel.rules.price).not.toBe(DEFAULT_EVALUATION_RULES.price);
  });

  it('round-trips through the preview shape', () => {
    const content = tenderContent({ lots: [lot('L1'), lot('L2')] });
    const preview = toPreviewDetail(tenderDetail(), content);
    expect(preview.lots.map((l) => l.number)).toEqual([1, 2]);
    expect(preview.lots[1].requirements.map((r) => [r.lotId, r.order])).toEqual([
      ['L2', 0],
      ['L2', 1],
    ]);
    expect(toContent(preview)).toEqual(content);
  });
});

describe('sameContent and shareUnchanged', () => {
  it('compares by value', () => {
    expect(sameContent(tenderContent(), tenderContent())).toBe(true);
    expect(sameContent(tenderContent(), tenderContent({ title: 'Other' }))).toBe(false);
    expect(sameContent(null, null)).toBe(true);
    expect(sameContent(null, tenderContent())).toBe(false);
  });

  it('returns the previous object when nothing changed', () => {
    const previous = tenderContent();
    expect(shareUnchanged(previous, tenderContent())).toBe(previous);
    const fresh = tenderContent();
    expect(shareUnchanged(null, fresh)).toBe(fresh);
  });

  it('keeps the identity of every part a colleague’s change did not touch', () => {
    const previous = tenderContent({ lots: [lot('L1'), lot('L2')] });
    const next = updateRequirement(structuredClone(previous), 'L2', 'r2', { outcome: 'Repairs done in 5 days' });
    const shared = shareUnchanged(previous, next);
    expect(shared).not.toBe(previous);
    expect(shared.lots[1].requirements[1].outcome).toBe('Repairs done in 5 days');
    expect(shared.lots[0]).toBe(previous.lots[0]);
    expect(shared.lots[1]).not.toBe(previous.lots[1]);
    expect(shared.lots[1].requirements[0]).toBe(previous.lots[1].requirements[0]);
    expect(shared.lots[1].evaluationModel).toBe(previous.lots[1].evaluationModel);
    expect(shared.budget).toBe(previous.budget);
    expect(shared.timetable).toBe(previous.timetable);
  });
});

describe('lots', () => {
  it('adds a lot scored like the first, with fresh criterion ids and the tree kept', () => {
    const { content, lot: added } = addLot(tenderContent());
    expect(content.lots).toHaveLength(2);
    expect(added.title).toBe('Lot 2');
    expect(added.requirements).toEqual([]);
    const [quality, delivery, support, price] = added.evaluationModel.criteria;
    expect(criteriaIds(content, 1)).not.toContain('quality');
    expect([delivery.parentId, support.parentId]).toEqual([quality.id, quality.id]);
    expect(price.parentId).toBeNull();
    expect(added.evaluationModel.criteria.map((cr) => cr.weight)).toEqual([70, 60, 40, 30]);
    expect(added.evaluationModel.criteria.every((cr) => cr.requirementIds.length === 0)).toBe(true);
    expect(added.evaluationModel.descriptors).toEqual(content.lots[0].evaluationModel.descriptors);
    expect(added.evaluationModel.descriptors).not.toBe(content.lots[0].evaluationModel.descriptors);
  });

  it('gives a new lot the first lot’s evaluation rules, as its own copy', () => {
    const first = lot('L1');
    first.evaluationModel.rules = withRules(first.evaluationModel.rules, { tieBreak: TieBreakRule.LowerPrice, price: { logRatio: 3 } });
    const { content, lot: added } = addLot(tenderContent({ lots: [first] }));
    expect(added.evaluationModel.rules).toEqual(first.evaluationModel.rules);
    expect(added.evaluationModel.rules).not.toBe(content.lots[0].evaluationModel.rules);
    expect(added.evaluationModel.rules.price).not.toBe(content.lots[0].evaluationModel.rules.price);
  });

  it('gives the first lot of an empty tender the default 0–4 bands', () => {
    const { lot: added } = addLot(tenderContent({ lots: [] }));
    expect(added.title).toBe('Lot 1');
    expect(added.evaluationModel.scale).toBe(ScoringScale.ZeroToFour);
    expect(added.evaluationModel.descriptors.map((d) => d.score)).toEqual([0, 1, 2, 3, 4]);
    expect(added.evaluationModel.criteria).toEqual([]);
    expect(added.evaluationModel.rules).toEqual(DEFAULT_EVALUATION_RULES);
  });

  it('removes a lot with the justifications of its requirements, but never the last lot', () => {
    const c = tenderContent({
      lots: [lot('L1'), lot('L2', { requirements: [requirement('r3')] })],
      justifications: [
        { requirementId: 'r1', rule: 'brand-name', text: 'Must match the existing fleet.' },
        { requirementId: 'r3', rule: 'brand-name', text: 'Same reason.' },
      ],
    });
    const after = removeLot(c, 'L2');
    expect(after.lots.map((l) => l.id)).toEqual(['L1']);
    expect(after.justifications.map((j) => j.requirementId)).toEqual(['r1']);
    expect(removeLot(after, 'L1')).toBe(after);
    expect(removeLot(c, 'nope')).toBe(c);
  });
});

describe('requirements', () => {
  it('makes a blank outcome requirement with a new id each time', () => {
    const a = blankRequirement();
    const b = blankRequirement({ heading: 'Access' });
    expect(a.id).not.toBe(b.id);
    expect(a.kind).toBe('outcome');
    expect(b.heading).toBe('Access');
    expect(a.measure).toEqual({ description: '', baseline: null, target: null, unit: null });
  });

  it('updates one requirement and its measure without touching the others', () => {
    const c = tenderContent();
    const after = updateMeasure(updateRequirement(c, 'L1', 'r2', { priority: RequirementPriority.Desirable }), 'L1', 'r2', { target: '3' });
    expect(after.lots[0].requirements[1].priority).toBe('desirable');
    expect(after.lots[0].requirements[1].measure).toEqual({ ...c.lots[0].requirements[1].measure, target: '3' });
    expect(after.lots[0].requirements[0]).toBe(c.lots[0].requirements[0]);
    expect(c.lots[0].requirements[1].measure.target).toBe('5');
  });

  it('removes a requirement with its criterion links and justifications, and puts it back exactly', () => {
    const c = tenderContent({
      lots: [lot('L1', { requirements: [requirement('r1'), requirement('r2'), requirement('r3')] })],
      justifications: [{ requirementId: 'r1', rule: 'brand-name', text: 'Fleet.' }],
    });
    const result = removeRequirement(c, 'L1', 'r1');
    expect(result).not.toBeNull();
    const { content, removed } = result!;
    expect(content.lots[0].requirements.map((r) => r.id)).toEqual(['r2', 'r3']);
    expect(content.lots[0].evaluationModel.criteria.map((cr) => cr.requirementIds)).toEqual([[], [], ['r2'], []]);
    expect(content.justifications).toEqual([]);
    expect(removed).toMatchObject({ lotId: 'L1', index: 0, criterionIds: ['delivery', 'support'] });

    const restored = restoreRequirement(content, removed);
    expect(restored.lots[0].requirements.map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect(restored.justifications).toEqual(c.justifications);
    // Links come back (order inside a criterion's list does not matter to the API).
    expect(restored.lots[0].evaluationModel.criteria.map((cr) => [...cr.requirementIds].sort())).toEqual([[], ['r1'], ['r1', 'r2'], []]);
  });

  it('puts a restored requirement at the end when the list has shrunk, and not at all when its lot has gone', () => {
    const c = tenderContent();
    const { removed } = removeRequirement(c, 'L1', 'r2')!;
    const shrunk = removeRequirement(removeRequirement(c, 'L1', 'r2')!.content, 'L1', 'r1')!.content;
    expect(restoreRequirement(shrunk, removed).lots[0].requirements.map((r) => r.id)).toEqual(['r2']);
    const noLot = tenderContent({ lots: [lot('L9')] });
    expect(restoreRequirement(noLot, removed)).toBe(noLot);
  });

  it('refuses to remove a requirement that is not there', () => {
    expect(removeRequirement(tenderContent(), 'L1', 'nope')).toBeNull();
    expect(removeRequirement(tenderContent(), 'nope', 'r1')).toBeNull();
  });

  it('moves a requirement within its lot', () => {
    const c = tenderContent({ lots: [lot('L1', { requirements: [requirement('a'), requirement('b'), requirement('c')] })] });
    expect(moveRequirement(c, 'L1', 0, 2).lots[0].requirements.map((r) => r.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('criteria', () => {
  it('adds a sub-criterion after the last of its parent’s family, of the parent’s type', () => {
    const c = tenderContent();
    const { content, criterion: added } = addCriterion(c, 'L1', 'quality');
    expect(criteriaIds(content)).toEqual(['quality', 'delivery', 'support', added.id, 'price']);
    expect(added).toMatchObject({ parentId: 'quality', type: 'quality', weight: 0, name: '' });
  });

  it('adds a sub-criterion straight after a parent with no children yet', () => {
    const { content, criterion: added } = addCriterion(tenderContent(), 'L1', 'price');
    expect(criteriaIds(content)).toEqual(['quality', 'delivery', 'support', 'price', added.id]);
    expect(added.type).toBe('price');
  });

  it('adds a top-level criterion at the end', () => {
    const { content, criterion: added } = addCriterion(tenderContent(), 'L1', null);
    expect(criteriaIds(content).at(-1)).toBe(added.id);
    expect(added.type).toBe('quality');
  });

  it('removes a criterion and everything under it, at any depth', () => {
    const deep = tenderContent({
      lots: [
        lot('L1', {
          evaluationModel: {
            ...lot('L1').evaluationModel,
            criteria: [
              criterion('a', { weight: 100 }),
              criterion('b', { parentId: 'a' }),
              criterion('c', { parentId: 'b' }),
              criterion('d', { parentId: 'c' }),
              criterion('e'),
            ],
          },
        }),
      ],
    });
    expect(criteriaIds(removeCriterion(deep, 'L1', 'b'))).toEqual(['a', 'e']);
    expect(criteriaIds(removeCriterion(deep, 'L1', 'a'))).toEqual(['e']);
  });

  it('works out each criterion’s share of the whole score', () => {
    const shares = overallShares(tenderContent().lots[0].evaluationModel.criteria);
    expect(Object.fromEntries(shares)).toEqual({ quality: 70, delivery: 42, support: 28, price: 30 });
  });

  it('counts a weight that is not a number as nothing', () => {
    const shares = overallShares([criterion('a', { weight: Number.NaN }), criterion('b', { parentId: 'a', weight: 50 })]);
    expect(Object.fromEntries(shares)).toEqual({ a: 0, b: 0 });
  });

  it.each([
    [30, '30%'],
    [33.333, '33.33%'],
    [12.5, '12.5%'],
    [12.499, '12.5%'],
    [0.004, '0%'],
  ])('formats %s as %s', (value, shown) => {
    expect(formatPercent(value)).toBe(shown);
  });
});

describe('scales', () => {
  it('spreads the five default bands over each scale', () => {
    expect(defaultDescriptors(ScoringScale.ZeroToFour).map((d) => d.score)).toEqual([0, 1, 2, 3, 4]);
    expect(defaultDescriptors(ScoringScale.ZeroToTen).map((d) => d.score)).toEqual([0, 3, 5, 8, 10]);
    expect(defaultDescriptors(ScoringScale.ZeroToHundred).map((d) => [d.score, d.label])).toEqual([
      [0, 'Unacceptable'],
      [25, 'Poor'],
      [50, 'Acceptable'],
      [75, 'Good'],
      [100, 'Excellent'],
    ]);
  });

  it('keeps the buyer’s wording when the scale changes', () => {
    const own = [
      { score: 0, label: 'Nothing', description: 'No answer.' },
      { score: 2, label: 'Fine', description: 'Meets it.' },
      { score: 4, label: 'Great', description: 'Beyond it.' },
    ];
    expect(rescaleDescriptors(own, ScoringScale.ZeroToFour, ScoringScale.ZeroToHundred)).toEqual([
      { score: 0, label: 'Nothing', description: 'No answer.' },
      { score: 50, label: 'Fine', description: 'Meets it.' },
      { score: 100, label: 'Great', description: 'Beyond it.' },
    ]);
    expect(rescaleDescriptors([], ScoringScale.ZeroToFour, ScoringScale.ZeroToTen)).toEqual(defaultDescriptors(ScoringScale.ZeroToTen));
  });
});

describe('withRules', () => {
  it('changes one rule or one price parameter and keeps the rest, without touching the original', () => {
    const rules = lot('L1').evaluationModel.rules;
    const changed = withRules(rules, { nearTieMargin: 2, price: { ceilingPrice: 90_000 } });
    expect(changed).toEqual({ ...rules, nearTieMargin: 2, price: { ...rules.price, ceilingPrice: 90_000 } });
    expect(rules.nearTieMargin).toBe(1);
    expect(rules.price.ceilingPrice).toBeNull();
    expect(withRules(rules, { blindMarking: false }).price).toEqual(rules.price);
  });
});

describe('moveItem', () => {
  it('moves an item and leaves the original list alone', () => {
    const list = ['a', 'b', 'c', 'd'];
    expect(moveItem(list, 3, 1)).toEqual(['a', 'd', 'b', 'c']);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });

  it('ignores moves out of range', () => {
    expect(moveItem(['a', 'b'], -1, 0)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 0, 2)).toEqual(['a', 'b']);
  });
});
