import { evaluationRuleProblems, responseRuleProblems, timetableProblems, weightProblems } from './tender-rules';
import { DEFAULT_RESPONSE_RULES, type EvaluationRules, PriceMethod, defaultEvaluationRules } from './tenders';

const c = (id: string, parentId: string | null, weight: number, name = id) => ({ id, parentId, weight, name });

describe('weightProblems', () => {
  it('accepts a tree whose every level adds up to 100', () => {
    expect(weightProblems([c('q', null, 60), c('p', null, 30), c('s', null, 10), c('q1', 'q', 50), c('q2', 'q', 50)])).toEqual([]);
  });

  it('accepts decimal weights that add up to 100 once rounded to hundredths', () => {
    expect(weightProblems([c('a', null, 33.33), c('b', null, 33.33), c('c', null, 33.34)])).toEqual([]);
  });

  it('names each level that does not add up, with its total', () => {
    const problems = weightProblems([c('q', null, 60, 'Quality'), c('p', null, 30), c('q1', 'q', 50), c('q2', 'q', 40)]);
    expect(problems.map((p) => p.message)).toEqual([
      'The top-level criteria add up to 90%, not 100%.',
      'The criteria under "Quality" add up to 90%, not 100%.',
    ]);
  });

  it('has nothing to say about an empty model', () => {
    expect(weightProblems([])).toEqual([]);
  });
});

describe('timetableProblems', () => {
  const blank = {
    clarificationDeadline: null,
    submissionDeadline: null,
    evaluationStart: null,
    evaluationEnd: null,
    expectedAward: null,
    contractStart: null,
    answersPublishedBy: null,
  };

  it('accepts dates in order and ignores the ones not set', () => {
    expect(timetableProblems({ ...blank, clarificationDeadline: '2027-01-01T12:00:00Z', expectedAward: '2027-03-01T12:00:00Z' })).toEqual(
      [],
    );
  });

  it('refuses a bid deadline at or before the clarification deadline', () => {
    const p = timetableProblems({ ...blank, clarificationDeadline: '2027-01-10T12:00:00Z', submissionDeadline: '2027-01-10T12:00:00Z' });
    expect(p).toEqual([
      { field: 'submissionDeadline', message: 'Deadline for bids must come after deadline for clarification questions.' },
    ]);
  });

  it('compares with the latest earlier date that is set', () => {
    const p = timetableProblems({ ...blank, submissionDeadline: '2027-02-01T12:00:00Z', contractStart: '2027-01-01T00:00:00Z' });
    expect(p.map((x) => x.field)).toEqual(['contractStart']);
  });

  it('wants answers published after questions close and before bids are due, strictly', () => {
    const dates = { ...blank, clarificationDeadline: '2027-01-10T12:00:00Z', submissionDeadline: '2027-01-20T12:00:00Z' };
    expect(timetableProblems({ ...dates, answersPublishedBy: '2027-01-12T12:00:00Z' })).toEqual([]);
    expect(timetableProblems({ ...dates, answersPublishedBy: '2027-01-10T12:00:00Z' })).toEqual([
      { field: 'answersPublishedBy', message: 'Answers to questions must be published after the deadline for clarification questions.' },
    ]);
    expect(timetableProblems({ ...dates, answersPublishedBy: '2027-01-20T12:00:00Z' })).toEqual([
      {
        field: 'answersPublishedBy',
        message: 'Answers to questions must be published before the deadline for bids, so suppliers can use them.',
      },
    ]);
    // Without the dates around it there is nothing to compare with.
    expect(timetableProblems({ ...blank, answersPublishedBy: '2027-01-12T12:00:00Z' })).toEqual([]);
  });
});

describe('responseRuleProblems', () => {
  it('accepts the defaults and the limits themselves', () => {
    expect(responseRuleProblems(DEFAULT_RESPONSE_RULES)).toEqual([]);
    expect(responseRuleProblems({ ...DEFAULT_RESPONSE_RULES, maxAttachments: 1, maxAttachmentMb: 50 })).toEqual([]);
    expect(responseRuleProblems({ ...DEFAULT_RESPONSE_RULES, maxAttachments: 20, maxAttachmentMb: 1 })).toEqual([]);
  });

  it('names each number outside its range, or not whole', () => {
    expect(responseRuleProblems({ ...DEFAULT_RESPONSE_RULES, maxAttachments: 0, maxAttachmentMb: 2.5 })).toEqual([
      { field: 'maxAttachments', message: 'The most attachments per response must be a whole number from 1 to 20.' },
      { field: 'maxAttachmentMb', message: 'The largest attachment size, in MB, must be a whole number from 1 to 50.' },
    ]);
    expect(responseRuleProblems({ ...DEFAULT_RESPONSE_RULES, maxAttachments: 21, maxAttachmentMb: 51 }).map((p) => p.field)).toEqual([
      'maxAttachments',
      'maxAttachmentMb',
    ]);
  });
});

describe('evaluationRuleProblems', () => {
  const terms = { budgetMax: 200_000, lengthMonths: 24, currency: 'GBP' };
  const model = (priceMethod: PriceMethod, change: (r: EvaluationRules) => void = () => undefined) => {
    const rules = defaultEvaluationRules();
    change(rules);
    return { priceMethod, rules };
  };

  it('accepts the default rules under every price method, with a budget and a contract length', () => {
    for (const method of Object.values(PriceMethod)) expect(evaluationRuleProblems(0, model(method), terms)).toEqual([]);
  });

  it('needs a ceiling above the floor for linear between the budget and a floor, pointing at the field', () => {
    const linear = PriceMethod.LinearBudgetToFloor;
    expect(evaluationRuleProblems(1, model(linear), { ...terms, budgetMax: null })).toEqual([
      {
        field: 'lots[1].evaluationModel.rules.price.ceilingPrice',
        message: 'Linear between the budget and a floor price needs a ceiling: set a ceiling price, or the budget’s maximum.',
      },
    ]);
    expect(
      evaluationRuleProblems(
        0,
        model(linear, (r) => (r.price.floorPrice = 200_000)),
        terms,
      ),
    ).toEqual([
      {
        field: 'lots[0].evaluationModel.rules.price.floorPrice',
        message: 'The budget’s maximum (£200,000) must be above the floor price (£200,000).',
      },
    ]);
    const own = model(linear, (r) => Object.assign(r.price, { ceilingPrice: 90_000.5, floorPrice: 100_000 }));
    expect(evaluationRuleProblems(0, own, { ...terms, budgetMax: null })).toEqual([
      {
        field: 'lots[0].evaluationModel.rules.price.ceilingPrice',
        message: 'The ceiling price (£90,000.50) must be above the floor price (£100,000).',
      },
    ]);
    expect(
      evaluationRuleProblems(
        0,
        model(linear, (r) => (r.price.ceilingPrice = 150_000)),
        { ...terms, budgetMax: null },
      ),
    ).toEqual([]);
  });

  it('needs the contract length for whole-life cost', () => {
    expect(evaluationRuleProblems(0, model(PriceMethod.WholeLifeCost), { ...terms, lengthMonths: null })).toEqual([
      { field: 'contract.lengthMonths', message: 'Whole-life cost counts recurring costs over the contract: set the contract length.' },
    ]);
  });

  it('holds the log ratio above 1 under the logarithmic method only', () => {
    const flat = (r: EvaluationRules) => (r.price.logRatio = 1);
    expect(evaluationRuleProblems(0, model(PriceMethod.Logarithmic, flat), terms)).toEqual([
      {
        field: 'lots[0].evaluationModel.rules.price.logRatio',
        message: 'Ratio to the lowest price that scores nothing (A) must be a number from 1.01 to 100.',
      },
    ]);
    expect(evaluationRuleProblems(0, model(PriceMethod.Proportional, flat), terms)).toEqual([]);
  });

  it('holds the panel’s numbers to their limits, and accepts the limits themselves', () => {
    const at = (r: Partial<EvaluationRules>) =>
      evaluationRuleProblems(
        0,
        model(PriceMethod.Proportional, (x) => Object.assign(x, r)),
        terms,
      );
    expect(at({ nearTieMargin: 0, minJustificationChars: 2000, moderationSpread: 100, abnormallyLowPercent: 90 })).toEqual([]);
    expect(
      at({ nearTieMargin: 10.5, minJustificationChars: 10.5, moderationSpread: 0, abnormallyLowPercent: Number.NaN }).map((p) => p.field),
    ).toEqual([
      'lots[0].evaluationModel.rules.nearTieMargin',
      'lots[0].evaluationModel.rules.minJustificationChars',
      'lots[0].evaluationModel.rules.moderationSpread',
      'lots[0].evaluationModel.rules.abnormallyLowPercent',
    ]);
    expect(at({ moderationSpread: null })).toEqual([]);
  });
});
