import { PriceMethod } from '@openbrief/contracts';
import { describe, expect, it } from 'vitest';
import { withRules } from './content-ops';
import { LIMITS, validateContent } from './content-validation';
import { criterion, lot, requirement, tenderContent } from './testing/tender-content.fixture';

const problemsOf = (c: Parameters<typeof validateContent>[0]) => validateContent(c).map((p) => [p.fieldId, p.section, p.message]);

describe('validateContent', () => {
  it('finds nothing wrong with a complete, valid tender', () => {
    expect(validateContent(tenderContent())).toEqual([]);
  });

  it('holds the response rules to the limits the API uses, pointing at each number', () => {
    const rules = { attachmentsAllowed: true, maxAttachments: 0, maxAttachmentMb: Number.NaN, twoPersonOpening: false };
    expect(problemsOf(tenderContent({ responseRules: rules }))).toEqual([
      ['response-rules-maxAttachments', 'responding', 'The most attachments per response must be a whole number from 1 to 20'],
      ['response-rules-maxAttachmentMb', 'responding', 'The largest attachment size, in MB, must be a whole number from 1 to 50'],
    ]);
  });

  it('wants answers published between questions closing and bids being due', () => {
    const base = tenderContent();
    const late = { ...base.timetable, answersPublishedBy: '2027-03-20T12:00:00.000Z' };
    expect(problemsOf(tenderContent({ timetable: late }))).toEqual([
      [
        'timetable-answersPublishedBy',
        'timetable',
        'Answers to questions must be published before the deadline for bids, so suppliers can use them',
      ],
    ]);
    expect(validateContent(tenderContent({ timetable: { ...late, answersPublishedBy: '2027-03-05T12:00:00.000Z' } }))).toEqual([]);
  });

  it('asks for a title and for at least one lot', () => {
    expect(problemsOf(tenderContent({ title: '   ', lots: [] }))).toEqual([
      ['title', 'summary', 'Enter a title for the tender'],
      ['section-lots', 'lots', 'Add a lot: a tender without lots has one'],
    ]);
  });

  it('counts length after trimming, as the API does', () => {
    const atLimit = 'a'.repeat(LIMITS.title);
    expect(validateContent(tenderContent({ title: `  ${atLimit}  ` }))).toEqual([]);
    expect(problemsOf(tenderContent({ title: `${atLimit}a` }))).toEqual([
      ['title', 'summary', 'The title must be 200 characters or fewer'],
    ]);
    expect(problemsOf(tenderContent({ problem: 'x'.repeat(5001) }))).toEqual([
      ['problem', 'problem', 'The problem must be 5,000 characters or fewer'],
    ]);
  });

  it('holds the engagement texts to the API’s limits, pointing at each', () => {
    expect(validateContent(tenderContent({ engagementSummary: 'x'.repeat(2000), noEngagementReason: 'x'.repeat(2000) }))).toEqual([]);
    expect(problemsOf(tenderContent({ engagementSummary: 'x'.repeat(2001), noEngagementReason: 'x'.repeat(2001) }))).toEqual([
      ['engagement-summary', 'problem', 'What changed because of market engagement must be 2,000 characters or fewer'],
      ['no-engagement-reason', 'problem', 'Why there was no market engagement must be 2,000 characters or fewer'],
    ]);
  });

  it('refuses a region named twice or not in the list, which the checkboxes cannot do but a live document can', () => {
    expect(validateContent(tenderContent({ regions: ['TLC', 'TLN'] }))).toEqual([]);
    expect(validateContent(tenderContent({ regions: [] }))).toEqual([]);
    for (const regions of [['TLC', 'TLC'], ['UKC']] as never[][]) {
      expect(problemsOf(tenderContent({ regions }))).toEqual([['regions', 'budget', 'Choose each region at most once, from the list']]);
    }
  });

  it('names the requirement by lot and position, and points at the exact field', () => {
    const c = tenderContent({
      lots: [
        lot('L1'),
        lot('L2', {
          requirements: [
            requirement('r3'),
            requirement('r4', { measure: { description: '', baseline: null, target: 't'.repeat(201), unit: null } }),
          ],
        }),
      ],
    });
    expect(problemsOf(c)).toEqual([['req-r4-target', 'requirements', 'Requirement 2.2: the target must be 200 characters or fewer']]);
  });

  it('says which lot has no title only when there are several lots', () => {
    const c = tenderContent({ lots: [lot('L1'), lot('L2', { title: '' })] });
    expect(problemsOf(c)).toEqual([['lot-L2-title', 'lots', 'Enter a title for lot 2']]);
  });

  describe('criteria', () => {
    const withCriteria = (...criteria: ReturnType<typeof criterion>[]) =>
      tenderContent({ lots: [lot('L1', { evaluationModel: { ...lot('L1').evaluationModel, criteria } })] });

    it('reports weights that do not add up at the first criterion of the group', () => {
      const c = withCriteria(criterion('a', { weight: 60 }), criterion('b', { weight: 30 }));
      expect(problemsOf(c)).toEqual([['criterion-a-weight', 'evaluation', 'The top-level criteria add up to 90%, not 100%.']]);
    });

    it('prefixes the lot when there are several', () => {
      const broken = lot('L2', {
        evaluationModel: { ...lot('L2').evaluationModel, criteria: [criterion('x', { name: '', weight: 100 })] },
      });
      expect(problemsOf(tenderContent({ lots: [lot('L1'), broken] }))).toEqual([
        ['criterion-x-name', 'evaluation', 'Lot 2: give every criterion a name'],
      ]);
    });

    it.each([
      [Number.NaN, 'Enter the weight for Quality as a number, like 30'],
      [-5, 'The weight for Quality must be between 0 and 100'],
      [100.5, 'The weight for Quality must be between 0 and 100'],
      [33.333, 'The weight for Quality can have at most 2 decimal places'],
    ])('refuses a weight of %s', (weight, message) => {
      const problems = validateContent(withCriteria(criterion('a', { name: 'Quality', weight })));
      expect(problems[0]).toEqual({ fieldId: 'criterion-a-weight', section: 'evaluation', message });
    });

    it('checks word limits are whole numbers from 1 to 10,000', () => {
      expect(validateContent(withCriteria(criterion('a', { wordLimit: 10_000 })))).toEqual([]);
      for (const wordLimit of [0, 10_001, 2.5]) {
        expect(problemsOf(withCriteria(criterion('a', { name: 'Approach', wordLimit })))).toEqual([
          ['criterion-a-word-limit', 'evaluation', 'The word limit for Approach must be a whole number from 1 to 10,000'],
        ]);
      }
    });
  });

  it('checks the minimum quality score and the score labels', () => {
    const base = lot('L1');
    const c = tenderContent({
      lots: [
        lot('L1', {
          evaluationModel: {
            ...base.evaluationModel,
            minimumQualityPercent: 101,
            descriptors: [{ score: 0, label: ' ', description: '' }, ...base.evaluationModel.descriptors.slice(1)],
          },
        }),
      ],
    });
    expect(problemsOf(c)).toEqual([
      ['lot-L1-min-quality', 'evaluation', 'Enter the minimum quality score as a whole number from 0 to 100'],
      ['lot-L1-descriptor-0-label', 'evaluation', 'Give score 0 a label, like “Good”'],
    ]);
  });

  it('checks the timetable’s order and that each date is real', () => {
    const c = tenderContent({
      timetable: {
        ...tenderContent().timetable,
        submissionDeadline: '2027-03-01T12:00:00.000Z',
        contractStart: 'next spring',
      },
    });
    expect(problemsOf(c)).toEqual([
      ['timetable-submissionDeadline', 'timetable', 'Deadline for bids must come after deadline for clarification questions'],
      ['timetable-contractStart', 'timetable', 'Enter a real date and time'],
    ]);
  });

  it.each([
    [Number.NaN, 'Enter the estimated value as a number of pounds, like 250000'],
    [-1, 'The estimated value must be £0 or more'],
    [100_000_000_001, 'The estimated value must be £100 billion or less'],
    [10.005, 'The estimated value can have at most 2 decimal places (pence)'],
  ])('refuses an estimated value of %s', (estimatedValue, message) => {
    expect(problemsOf(tenderContent({ estimatedValue }))).toEqual([['estimated-value', 'budget', message]]);
  });

  it('accepts pence and refuses a budget whose lowest figure is above its highest', () => {
    expect(validateContent(tenderContent({ estimatedValue: 10.05 }))).toEqual([]);
    const c = tenderContent({ budget: { ...tenderContent().budget, min: 200_000, max: 100_000 } });
    expect(problemsOf(c)).toEqual([['budget-min', 'budget', 'The lowest budget figure must not be more than the highest']]);
  });

  it.each([0, 241, 1.5])('refuses a contract length of %s months', (lengthMonths) => {
    const c = tenderContent({ contract: { ...tenderContent().contract, lengthMonths, extensionOptions: '' } });
    expect(problemsOf(c)).toEqual([['contract-length', 'budget', 'Enter the contract length as a whole number of months, from 1 to 240']]);
  });

  it('checks the contact e-mail only when one is given', () => {
    expect(validateContent(tenderContent({ contact: { name: '', email: '', phone: null } }))).toEqual([]);
    expect(problemsOf(tenderContent({ contact: { name: 'Sam', email: 'sam@example', phone: null } }))).toEqual([
      ['contact-email', 'contact', 'Enter an e-mail address in the correct format, like name@example.nhs.uk'],
    ]);
  });

  describe('evaluation rules', () => {
    const withLotRules = (patch: Parameters<typeof withRules>[1], method = PriceMethod.Proportional, c = tenderContent()) => ({
      ...c,
      lots: c.lots.map((l) => ({
        ...l,
        evaluationModel: { ...l.evaluationModel, priceMethod: method, rules: withRules(l.evaluationModel.rules, patch) },
      })),
    });

    it('holds each rule to the API’s limits, pointing at its field with the shared wording', () => {
      const c = withLotRules({ nearTieMargin: 11, minJustificationChars: 2.5, moderationSpread: 0, abnormallyLowPercent: Number.NaN });
      expect(problemsOf(c)).toEqual([
        ['lot-L1-rules-nearTieMargin', 'evaluation', 'Near-tie margin, in points must be a number from 0 to 10'],
        ['lot-L1-rules-minJustificationChars', 'evaluation', 'Shortest justification, in characters must be a whole number from 0 to 2000'],
        [
          'lot-L1-rules-moderationSpread',
          'evaluation',
          'Score spread that needs moderation, in points must be a whole number from 1 to 100',
        ],
        [
          'lot-L1-rules-abnormallyLowPercent',
          'evaluation',
          'Abnormally low price, % below the average or estimate must be a number from 1 to 90',
        ],
      ]);
      expect(validateContent(withLotRules({ moderationSpread: null, nearTieMargin: 0.5 }))).toEqual([]);
    });

    it('checks only the parameters of the chosen price method', () => {
      const odd = { price: { logRatio: 1, discountRatePercent: 25 } };
      expect(validateContent(withLotRules(odd, PriceMethod.Proportional))).toEqual([]);
      expect(problemsOf(withLotRules(odd, PriceMethod.Logarithmic))).toEqual([
        ['lot-L1-price-logRatio', 'evaluation', 'Ratio to the lowest price that scores nothing (A) must be a number from 1.01 to 100'],
      ]);
      expect(problemsOf(withLotRules(odd, PriceMethod.WholeLifeCost))).toEqual([
        ['lot-L1-price-discountRatePercent', 'evaluation', 'Discount rate, % a year must be a number from 0 to 20'],
      ]);
    });

    it('names the lot when there are several', () => {
      const c = withLotRules({ nearTieMargin: -1 }, PriceMethod.Proportional, tenderContent({ lots: [lot('L1'), lot('L2')] }));
      expect(problemsOf(c).map(([id, , message]) => [id, message])).toEqual([
        ['lot-L1-rules-nearTieMargin', 'Lot 1: Near-tie margin, in points must be a number from 0 to 10'],
        ['lot-L2-rules-nearTieMargin', 'Lot 2: Near-tie margin, in points must be a number from 0 to 10'],
      ]);
    });

    it('lets a draft save without what only publication needs: a ceiling, or the contract length', () => {
      const noBudget = tenderContent({ budget: { ...tenderContent().budget, max: null } });
      expect(validateContent(withLotRules({}, PriceMethod.LinearBudgetToFloor, noBudget))).toEqual([]);
      expect(validateContent(withLotRules({ price: { ceilingPrice: 10, floorPrice: 20 } }, PriceMethod.LinearBudgetToFloor))).toEqual([]);
      const noLength = tenderContent({ contract: { ...tenderContent().contract, lengthMonths: null } });
      expect(validateContent(withLotRules({}, PriceMethod.WholeLifeCost, noLength))).toEqual([]);
    });

    it('reads the ceiling and floor as money', () => {
      const c = withLotRules({ price: { ceilingPrice: Number.NaN, floorPrice: -5 } }, PriceMethod.LinearBudgetToFloor);
      expect(problemsOf(c)).toEqual([
        ['lot-L1-price-ceilingPrice', 'evaluation', 'Enter the ceiling price as a number of pounds, like 250000'],
        ['lot-L1-price-floorPrice', 'evaluation', 'The floor price must be £0 or more'],
      ]);
    });
  });
});
