import { checkedTextKey, checkedTexts, isCheckedTextKey } from './checked-texts';
import type { TenderContent } from './tenders';

const lot = (id: string, requirementId: string, criterionId: string) => ({
  id,
  title: `Lot ${id}`,
  description: `Description of ${id}`,
  requirements: [{ id: requirementId, outcome: 'Outcome', measure: { description: 'Measure' }, roomForProposals: 'Room' }],
  evaluationModel: { criteria: [{ id: criterionId, name: 'Quality', description: 'What to cover' }] },
});

const content = (lots: unknown[]) =>
  ({
    summary: 'S',
    problem: 'P',
    users: 'U',
    workDone: 'W',
    constraints: 'C',
    engagementSummary: 'E',
    noEngagementReason: null,
    lots,
    justifications: [],
  }) as unknown as TenderContent;

describe('checkedTexts', () => {
  it('lists every text a supplier reads besides outcomes, with its key, label in the buyer’s words and path', () => {
    const texts = checkedTexts(content([lot('l1', 'r1', 'c1')]));
    expect(texts.map((t) => [t.key, t.label, t.path])).toEqual([
      ['summary', 'Summary', 'summary'],
      ['problem', 'What problem are you trying to solve?', 'problem'],
      ['users', 'Who are the users, and what do they need?', 'users'],
      ['workDone', 'What has been tried already?', 'workDone'],
      ['constraints', 'Constraints', 'constraints'],
      ['engagementSummary', 'What changed because of market engagement', 'engagementSummary'],
      ['l1/lotDescription', 'The lot: what this lot covers', 'lots[0].description'],
      ['r1/measure', 'Requirement 1.1: measure', 'lots[0].requirements[0].measure.description'],
      ['r1/roomForProposals', 'Requirement 1.1: what suppliers are free to propose', 'lots[0].requirements[0].roomForProposals'],
      ['c1/criterionDescription', 'Criterion “Quality”: description', 'lots[0].evaluationModel.criteria[0].description'],
    ]);
  });

  it('reads the reason for no market engagement when there is one, as suppliers read it too', () => {
    const texts = checkedTexts({ ...content([]), engagementSummary: '', noEngagementReason: 'An urgent need.' });
    expect(texts.map((t) => [t.key, t.label, t.text])).toEqual(
      expect.arrayContaining([
        ['engagementSummary', 'What changed because of market engagement', ''],
        ['noEngagementReason', 'Why there was no market engagement', 'An urgent need.'],
      ]),
    );
    expect(isCheckedTextKey(content([]), 'noEngagementReason')).toBe(false);
  });

  it('names the lot when there are several', () => {
    const texts = checkedTexts(content([lot('l1', 'r1', 'c1'), lot('l2', 'r2', 'c2')]));
    expect(texts.find((t) => t.key === 'l2/lotDescription')?.label).toBe('Lot 2: what this lot covers');
    expect(texts.find((t) => t.key === 'r2/measure')?.label).toBe('Requirement 2.1: measure');
    expect(texts.find((t) => t.key === 'c2/criterionDescription')?.label).toBe('Lot 2, criterion “Quality”: description');
  });

  it('skips what a live document may hold before it is validated, without throwing', () => {
    const broken = content([null, { id: 'l1', requirements: [null, { id: 7 }], evaluationModel: { criteria: [null] } }]);
    expect(() => checkedTexts(broken)).not.toThrow();
    expect(checkedTexts(broken).map((t) => t.key)).toEqual(['summary', 'problem', 'users', 'workDone', 'constraints', 'engagementSummary']);
  });

  it('knows which keys a justification may name', () => {
    const c = content([lot('l1', 'r1', 'c1')]);
    expect(checkedTextKey('measure', 'r1')).toBe('r1/measure');
    expect(isCheckedTextKey(c, 'problem')).toBe(true);
    expect(isCheckedTextKey(c, 'r1/measure')).toBe(true);
    expect(isCheckedTextKey(c, 'r9/measure')).toBe(false);
    expect(isCheckedTextKey(c, 'title')).toBe(false);
  });
});
