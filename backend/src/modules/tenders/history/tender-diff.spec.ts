import { Jurisdiction, PriceMethod, ProcurementCategory, type TenderContent, TieBreakRule } from '@openbrief/contracts';
import { templateContent } from '../templates/tender-templates';
import { currentLabel } from './history-labels';
import { changedFields, compareContent } from './tender-diff';

const base = (): TenderContent => {
  const c = templateContent('digital-service', 'School transport')!;
  c.budget = { ...c.budget, currency: 'GBP' };
  return c;
};

describe('what the history says changed', () => {
  it('names fields as the editor does, with dates in UK time and money with its currency', () => {
    const before = base();
    const after = structuredClone(before);
    after.timetable.submissionDeadline = '2027-02-15T12:00:00.000Z';
    after.timetable.clarificationDeadline = '2027-07-01T16:30:00.000Z';
    after.estimatedValue = 1_234_567;
    after.budget = { ...after.budget, min: 1_000_000, max: 1_500_000.5 };
    after.problem = 'Applications are on paper.';
    const diffs = compareContent(before, after);
    const byPath = new Map(diffs.map((d) => [d.path, d]));
    expect(byPath.get('timetable.submissionDeadline')).toMatchObject({ label: 'Deadline for bids', after: 'midday on 15 February 2027' });
    // 1 July is in British Summer Time: 16:30 UTC is 5:30pm in the UK.
    expect(byPath.get('timetable.clarificationDeadline')).toMatchObject({
      label: 'Deadline for clarification questions',
      after: '5:30pm on 1 July 2027',
    });
    expect(byPath.get('estimatedValue')).toMatchObject({ label: 'Estimated value', after: '£1,234,567' });
    expect(byPath.get('budget')?.after).toBe('£1,000,000 to £1,500,000.50, excluding VAT');
    expect(byPath.get('problem')?.label).toBe('What problem are you trying to solve?');
    for (const d of diffs) expect(d.label).not.toMatch(/[a-z][A-Z]|\/|T\d\d:\d\d/);
  });

  it('uses the tender currency for money', () => {
    const before = base();
    const after = structuredClone(before);
    after.budget.currency = 'EUR';
    after.estimatedValue = 250_000;
    expect(compareContent(before, after).find((d) => d.path === 'estimatedValue')?.after).toBe('€250,000');
  });

  it('says a requirement moved, in words', () => {
    const before = base();
    const after = structuredClone(before);
    const reqs = after.lots[0].requirements;
    [reqs[0], reqs[1]] = [reqs[1], reqs[0]];
    const labels = changedFields(before, after);
    expect(labels).toEqual(expect.arrayContaining(['Requirement 1.1: moved', 'Requirement 1.2: moved']));
    for (const label of labels) expect(label).not.toMatch(/position|kind/);
  });

  it('describes a justification saved for a checker finding, quoting the flagged words', () => {
    const before = base();
    before.lots[0].requirements[2].outcome = 'The supplier holds ISO 27001 certification.';
    const after = structuredClone(before);
    const requirementId = after.lots[0].requirements[2].id;
    after.justifications = [{ requirementId, rule: 'standard.certification', text: 'Our information governance policy requires it.' }];
    const diffs = compareContent(before, after);
    expect(diffs).toHaveLength(1);
    expect(diffs[0]).toMatchObject({
      label: 'Justified: “ISO 27001” in Requirement 1.3',
      before: '',
      after: 'Our information governance policy requires it.',
    });
    expect(changedFields(after, before)).toEqual(['Justification withdrawn: “ISO 27001” in Requirement 1.3']);
  });

  it('says which evaluation rule changed, in words', () => {
    const before = base();
    const after = structuredClone(before);
    after.lots[0].evaluationModel.rules.tieBreak = TieBreakRule.LowerPrice;
    after.lots[0].evaluationModel.rules.blindMarking = false;
    after.contract.jurisdiction = Jurisdiction.Scotland;
    const diffs = compareContent(before, after);
    expect(diffs.map((d) => [d.label, d.before, d.after])).toEqual([
      ['Law of the contract', 'England and Wales', 'Scotland'],
      ['Blind marking', 'Yes', 'No'],
      [
        'If two bids tie',
        'The bid with the higher quality score is ranked first',
        'The bid with the lower evaluated price is ranked first',
      ],
    ]);
  });

  it('shows a price method’s parameters with the method that uses them', () => {
    const before = base();
    before.budget.max = 250_000;
    const after = structuredClone(before);
    after.lots[0].evaluationModel.priceMethod = PriceMethod.LinearBudgetToFloor;
    after.lots[0].evaluationModel.rules.price.floorPrice = 80_000;
    after.lots[0].evaluationModel.rules.price.logRatio = 3;
    const diffs = new Map(compareContent(before, after).map((d) => [d.label, d.after]));
    expect(diffs.get('Ceiling price (added)')).toBe('The budget’s maximum');
    expect(diffs.get('Floor price (added)')).toBe('£80,000');
    // The log ratio belongs to another method: changing it here says nothing.
    expect([...diffs.keys()].some((label) => /Ratio/.test(label))).toBe(false);
  });

  it('reads a revision saved before the evaluation rules and the jurisdiction as the defaults', () => {
    const now = base();
    const old = structuredClone(now) as unknown as {
      contract: Record<string, unknown>;
      lots: { evaluationModel: Record<string, unknown> }[];
    };
    delete old.contract['jurisdiction'];
    delete old.lots[0].evaluationModel['rules'];
    expect(compareContent(old as unknown as TenderContent, now)).toEqual([]);
  });

  it('names the category and the regions in words, and the engagement texts by their editor labels', () => {
    const before = base();
    const after = structuredClone(before);
    after.mainCategory = ProcurementCategory.Works;
    // Ticked out of order: read in the ITL order, by name.
    after.regions = ['TLM', 'TLC'];
    after.engagementSummary = 'Suppliers asked for a longer mobilisation period.';
    after.noEngagementReason = 'Only one supplier can connect to the existing system.';
    const byPath = new Map(compareContent(before, after).map((d) => [d.path, d]));
    expect(byPath.get('mainCategory')).toMatchObject({ label: 'What is mainly being bought', before: 'Services', after: 'Works' });
    expect(byPath.get('regions')).toMatchObject({
      label: 'Regions where the work is delivered',
      before: 'Anywhere in the UK',
      after: 'North East (England), Scotland',
    });
    expect(byPath.get('engagementSummary')?.label).toBe('What changed because of market engagement');
    expect(byPath.get('noEngagementReason')).toMatchObject({
      label: 'Why there was no market engagement',
      after: 'Only one supplier can connect to the existing system.',
    });
  });

  it('reads a revision saved before the category, regions and engagement texts as the defaults', () => {
    const now = base();
    const old = structuredClone(now) as unknown as Record<string, unknown>;
    for (const key of ['mainCategory', 'regions', 'engagementSummary', 'noEngagementReason']) delete old[key];
    expect(compareContent(old as unknown as TenderContent, now)).toEqual([]);
  });

  it('translates labels stored by older versions', () => {
    expect(currentLabel('Timetable: submissionDeadline')).toBe('Deadline for bids');
    expect(currentLabel('Requirement 1.2 position')).toBe('Requirement 1.2: moved');
    expect(currentLabel('Requirement 2.1 kind (added)')).toBe('Requirement 2.1: type and priority (added)');
    expect(currentLabel('Summary')).toBe('Summary');
  });
});
