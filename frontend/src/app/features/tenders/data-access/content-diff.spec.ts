import { describe, expect, it } from 'vitest';
import { unsavedChanges } from './content-diff';
import { Jurisdiction, ProcurementCategory, TieBreakRule } from '@openbrief/contracts';
import { removeRequirement, updateCriterion, updateModel, updateRequirement, withRules } from './content-ops';
import { lot, requirement, tenderContent } from './testing/tender-content.fixture';

const summary = (changes: ReturnType<typeof unsavedChanges>) =>
  changes.map(({ key, label, mine, theirs }) => ({ key, label, mine, theirs }));

describe('unsavedChanges', () => {
  it('finds nothing when the buyer’s copy matches the saved one', () => {
    expect(unsavedChanges(tenderContent(), tenderContent(), tenderContent())).toEqual([]);
  });

  it('without a base, offers every field that differs from the saved version', () => {
    const mine = tenderContent({ title: 'Quicker repairs', budget: { ...tenderContent().budget, max: 200_000 } });
    const theirs = tenderContent({ title: 'Faster repairs' });
    expect(summary(unsavedChanges(null, mine, theirs))).toEqual([
      { key: 'title', label: 'Title', mine: 'Quicker repairs', theirs: 'Faster repairs' },
      { key: 'budget.max', label: 'Budget: highest', mine: '200000', theirs: '150000' },
    ]);
  });

  it('with a base, ignores what only the colleague changed and what both changed the same way', () => {
    const base = tenderContent();
    const mine = tenderContent({ summary: 'Mine', location: 'York', problem: 'Same edit' });
    const theirs = tenderContent({ title: 'Theirs', location: 'Hull', problem: 'Same edit' });
    expect(summary(unsavedChanges(base, mine, theirs))).toEqual([
      { key: 'summary', label: 'Summary', mine: 'Mine', theirs: 'Cut the wait for housing repairs.' },
      { key: 'location', label: 'Location', mine: 'York', theirs: 'Hull' },
    ]);
  });

  it('names the category and regions in words, ignores regions ticked in another order, and puts them back with apply', () => {
    const base = tenderContent({ regions: ['TLC', 'TLE'] });
    const mine = tenderContent({ mainCategory: ProcurementCategory.Works, regions: ['TLM', 'TLC'], engagementSummary: 'We listened.' });
    const theirs = tenderContent({ regions: ['TLE', 'TLC'] });
    const changes = unsavedChanges(base, mine, theirs);
    expect(summary(changes)).toEqual([
      { key: 'engagementSummary', label: 'What changed because of market engagement', mine: 'We listened.', theirs: '' },
      { key: 'mainCategory', label: 'What is mainly being bought', mine: 'Works', theirs: 'Services' },
      {
        key: 'regions',
        label: 'Regions where the work is delivered',
        mine: 'North East (England), Scotland',
        theirs: 'North East (England), Yorkshire and The Humber',
      },
    ]);
    const merged = changes.reduce((c, change) => change.apply!(c), theirs);
    expect([merged.mainCategory, merged.regions, merged.engagementSummary]).toEqual([
      ProcurementCategory.Works,
      ['TLC', 'TLM'],
      'We listened.',
    ]);
    expect(unsavedChanges(null, tenderContent({ regions: [] }), tenderContent({ regions: [] }))).toEqual([]);
  });

  it('treats an empty field and a missing value as the same', () => {
    const mine = tenderContent({ singleLotReason: '' });
    const theirs = tenderContent({ singleLotReason: null });
    expect(unsavedChanges(null, mine, theirs)).toEqual([]);
  });

  it('shows timetable dates in UK time', () => {
    const base = tenderContent();
    const mine = tenderContent({ timetable: { ...base.timetable, submissionDeadline: '2027-03-16T12:00:00.000Z' } });
    expect(summary(unsavedChanges(base, mine, base))).toEqual([
      {
        key: 'timetable.submissionDeadline',
        label: 'Deadline for bids',
        mine: 'midday on 16 March 2027',
        theirs: 'midday on 15 March 2027',
      },
    ]);
  });

  it('puts the buyer’s value back into the saved version with apply', () => {
    const base = tenderContent();
    const mine = updateRequirement(base, 'L1', 'r2', { outcome: 'Repairs within 5 days' });
    const theirs = tenderContent({ title: 'Renamed by a colleague' });
    const [change] = unsavedChanges(base, mine, theirs);
    expect(change).toMatchObject({ key: 'req.r2.outcome', label: 'Requirement 1.2: outcome', mine: 'Repairs within 5 days' });
    const merged = change.apply!(theirs);
    expect(merged.title).toBe('Renamed by a colleague');
    expect(merged.lots[0].requirements[1].outcome).toBe('Repairs within 5 days');
  });

  it('labels criteria by name and measure fields by part', () => {
    const base = tenderContent();
    const mine = updateCriterion(
      updateRequirement(base, 'L1', 'r1', { measure: { ...base.lots[0].requirements[0].measure, unit: 'hours' } }),
      'L1',
      'delivery',
      { weight: 55 },
    );
    expect(summary(unsavedChanges(base, mine, base))).toEqual([
      { key: 'req.r1.measure.unit', label: 'Requirement 1.1: unit', mine: 'hours', theirs: 'days' },
      { key: 'crit.delivery.weight', label: 'Lot criterion “Criterion delivery”: weight', mine: '55', theirs: '60' },
    ]);
  });

  it('offers evaluation rules, price parameters and the jurisdiction in words, and puts them back with apply', () => {
    const theirs = tenderContent();
    const rules = withRules(theirs.lots[0].evaluationModel.rules, {
      blindMarking: false,
      tieBreak: TieBreakRule.LowerPrice,
      price: { ceilingPrice: 90_000 },
    });
    const mine = updateModel(tenderContent({ contract: { ...theirs.contract, jurisdiction: Jurisdiction.Scotland } }), 'L1', { rules });
    const changes = unsavedChanges(theirs, mine, theirs);
    expect(summary(changes)).toEqual([
      { key: 'contract.jurisdiction', label: 'Law of the contract', mine: 'Scotland', theirs: 'England and Wales' },
      { key: 'rules.L1.blindMarking', label: 'Lot: Blind marking', mine: 'No', theirs: 'Yes' },
      {
        key: 'rules.L1.tieBreak',
        label: 'Lot: If two bids tie',
        mine: 'The bid with the lower evaluated price is ranked first',
        theirs: 'The bid with the higher quality score is ranked first',
      },
      { key: 'rules.L1.price.ceilingPrice', label: 'Lot: Ceiling price', mine: '90000', theirs: '' },
    ]);
    const applied = changes.reduce((c, change) => change.apply!(c), theirs);
    expect(applied.lots[0].evaluationModel.rules).toEqual(rules);
    expect(applied.contract.jurisdiction).toBe(Jurisdiction.Scotland);
  });

  it('cannot apply an edit to a requirement the colleague deleted', () => {
    const base = tenderContent();
    const mine = updateRequirement(base, 'L1', 'r2', { outcome: 'Edited' });
    const theirs = removeRequirement(base, 'L1', 'r2')!.content;
    const changes = unsavedChanges(base, mine, theirs);
    expect(changes.map((c) => [c.key, c.theirs, c.apply])).toEqual([['req.r2.outcome', '', null]]);
  });

  it('offers a requirement only the buyer has as a whole, once, and adds it only once', () => {
    const base = tenderContent();
    const added = requirement('r9', { outcome: 'Tenants can book online' });
    const mine = tenderContent({ lots: [lot('L1', { requirements: [...lot('L1').requirements, added] })] });
    const changes = unsavedChanges(base, mine, base);
    expect(summary(changes)).toEqual([{ key: 'new.r9', label: 'New requirement 1.3', mine: 'Tenants can book online', theirs: '' }]);
    const once = changes[0].apply!(base);
    expect(once.lots[0].requirements.map((r) => r.id)).toEqual(['r1', 'r2', 'r9']);
    expect(changes[0].apply!(once)).toBe(once);
  });

  it('cannot add a new requirement to a lot the colleague removed', () => {
    const added = requirement('r9');
    const mine = tenderContent({ lots: [lot('L1'), lot('L2', { requirements: [added] })] });
    const theirs = tenderContent({ lots: [lot('L1')] });
    const change = unsavedChanges(tenderContent({ lots: [lot('L1'), lot('L2', { requirements: [] })] }), mine, theirs).find(
      (c) => c.key === 'new.r9',
    );
    expect(change).toMatchObject({ label: 'New requirement 2.1', apply: null });
  });
});
