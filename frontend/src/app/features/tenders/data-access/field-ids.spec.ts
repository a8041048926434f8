import { describe, expect, it } from 'vitest';
import {
  SECTIONS,
  criterionField,
  descriptorField,
  locateField,
  lotField,
  priceParameterField,
  requirementField,
  rulesField,
  textFieldAt,
  timetableField,
} from './field-ids';
import { lot, requirement, tenderContent } from './testing/tender-content.fixture';

describe('field ids', () => {
  it('gives the outcome its short id, so checker findings can link to it', () => {
    expect(requirementField('r1', 'outcome')).toBe('outcome-r1');
    expect(requirementField('r1', 'why')).toBe('req-r1-why');
    expect(criterionField('c1', 'word-limit')).toBe('criterion-c1-word-limit');
    expect(lotField('L1', 'min-quality')).toBe('lot-L1-min-quality');
    expect(descriptorField('L1', 2, 'label')).toBe('lot-L1-descriptor-2-label');
    expect(timetableField('submissionDeadline')).toBe('timetable-submissionDeadline');
    expect(rulesField('L1', 'tieBreak')).toBe('lot-L1-rules-tieBreak');
    expect(priceParameterField('L1', 'ceilingPrice')).toBe('lot-L1-price-ceilingPrice');
  });

  it('lists every section once, in page order', () => {
    expect(SECTIONS.map((s) => s.id)).toEqual([
      'summary',
      'problem',
      'lots',
      'requirements',
      'evaluation',
      'timetable',
      'responding',
      'budget',
      'contact',
    ]);
  });
});

describe('locateField', () => {
  const content = tenderContent({
    lots: [lot('L1'), lot('L2', { requirements: [requirement('r3'), requirement('r4'), requirement('r5')] })],
  });

  it.each([
    ['title', 'title', 'summary'],
    ['content.workDone', 'work-done', 'problem'],
    ['budget.vatBasis', 'vat-basis', 'budget'],
    ['budget.currency', 'budget-min', 'budget'],
    ['contact.email', 'contact-email', 'contact'],
    ['contact', 'contact-email', 'contact'],
    ['singleLotReason', 'single-lot-reason', 'lots'],
    ['mainCategory', 'main-category', 'budget'],
    ['regions', 'regions', 'budget'],
    ['content.regions', 'regions', 'budget'],
    ['engagementSummary', 'engagement-summary', 'problem'],
    ['noEngagementReason', 'no-engagement-reason', 'problem'],
    ['timetable.submissionDeadline', 'timetable-submissionDeadline', 'timetable'],
    ['timetable.answersPublishedBy', 'timetable-answersPublishedBy', 'timetable'],
    ['responseRules.maxAttachmentMb', 'response-rules-maxAttachmentMb', 'responding'],
    ['content.responseRules', 'response-rules-attachmentsAllowed', 'responding'],
    ['contract.jurisdiction', 'jurisdiction', 'budget'],
    ['requirement:r4', 'outcome-r4', 'requirements'],
  ])('puts %s on #%s in %s', (path, fieldId, section) => {
    expect(locateField(path, content)).toEqual({ fieldId, section });
  });

  it('follows lot and requirement indexes in both API spellings', () => {
    expect(locateField('lots[1].requirements[2].outcome', content)).toEqual({ fieldId: 'outcome-r5', section: 'requirements' });
    expect(locateField('content.lots.1.requirements.2.measure.target', content)).toEqual({
      fieldId: 'req-r5-target',
      section: 'requirements',
    });
    expect(locateField('lots[0].requirements[1].whyItMatters', content)).toEqual({ fieldId: 'req-r2-why', section: 'requirements' });
    expect(locateField('lots[1].title', content)).toEqual({ fieldId: 'lot-L2-title', section: 'lots' });
    expect(locateField('lots[1].estimatedValue', content)).toEqual({ fieldId: 'lot-L2-value', section: 'lots' });
  });

  it('points at each evaluation rule and price parameter, by lot index or by lot id', () => {
    expect(locateField('lots[1].evaluationModel.rules.tieBreak', content)).toEqual({
      fieldId: 'lot-L2-rules-tieBreak',
      section: 'evaluation',
    });
    expect(locateField('content.lots.0.evaluationModel.rules.moderationSpread', content)).toEqual({
      fieldId: 'lot-L1-rules-moderationSpread',
      section: 'evaluation',
    });
    expect(locateField('lots[0].evaluationModel.rules.price.ceilingPrice', content)).toEqual({
      fieldId: 'lot-L1-price-ceilingPrice',
      section: 'evaluation',
    });
    expect(locateField('lots.L2.evaluationModel.rules.price.logRatio', content)).toEqual({
      fieldId: 'lot-L2-price-logRatio',
      section: 'evaluation',
    });
    expect(locateField('lots.L2.evaluationModel.rules.nearTieMargin', content)).toEqual({
      fieldId: 'lot-L2-rules-nearTieMargin',
      section: 'evaluation',
    });
    expect(locateField('lots[0].evaluationModel.priceMethod', content)).toEqual({ fieldId: 'lot-L1-price-method', section: 'evaluation' });
  });

  it('sends a rule it does not know to the first rule, and the price group to the price method', () => {
    expect(locateField('lots[0].evaluationModel.rules', content)).toEqual({ fieldId: 'lot-L1-rules-blindMarking', section: 'evaluation' });
    expect(locateField('lots[0].evaluationModel.rules.somethingNew', content)).toEqual({
      fieldId: 'lot-L1-rules-blindMarking',
      section: 'evaluation',
    });
    expect(locateField('lots[0].evaluationModel.rules.price', content)).toEqual({ fieldId: 'lot-L1-price-method', section: 'evaluation' });
    expect(locateField('lots.unknown-lot.evaluationModel.rules.tieBreak', content)).toBeNull();
  });

  it('sends a missing requirement to the lot’s “add requirement” button', () => {
    expect(locateField('lots[0].requirements', content)).toEqual({ fieldId: 'lot-L1-add-requirement', section: 'requirements' });
    expect(locateField('lots[0].requirements[9].outcome', content)).toEqual({
      fieldId: 'lot-L1-add-requirement',
      section: 'requirements',
    });
  });

  it('points at the right part of a criterion, defaulting to its weight', () => {
    expect(locateField('lots[0].evaluationModel.criteria[1].name', content)).toEqual({
      fieldId: 'criterion-delivery-name',
      section: 'evaluation',
    });
    expect(locateField('lots[0].evaluationModel.criteria[2].wordLimit', content)).toEqual({
      fieldId: 'criterion-support-word-limit',
      section: 'evaluation',
    });
    expect(locateField('lots[0].evaluationModel.criteria', content)).toEqual({
      fieldId: 'criterion-quality-weight',
      section: 'evaluation',
    });
    expect(locateField('lots[0].evaluationModel.minimumQualityPercent', content)).toEqual({
      fieldId: 'lot-L1-min-quality',
      section: 'evaluation',
    });
    expect(locateField('lots[0].evaluationModel.scale', content)).toEqual({ fieldId: 'lot-L1-criteria', section: 'evaluation' });
  });

  it('falls back to the criteria list of a lot that has no criteria', () => {
    const bare = tenderContent({
      lots: [lot('L1', { evaluationModel: { ...lot('L1').evaluationModel, criteria: [] } })],
    });
    expect(locateField('lots[0].evaluationModel.criteria[0].weight', bare)).toEqual({
      fieldId: 'lot-L1-criteria',
      section: 'evaluation',
    });
  });

  it('returns null for no path, an unknown lot or an unknown field', () => {
    expect(locateField(undefined, content)).toBeNull();
    expect(locateField('', content)).toBeNull();
    expect(locateField('lots[5].title', content)).toBeNull();
    expect(locateField('lots[0].title', null)).toBeNull();
    expect(locateField('nonsense', content)).toBeNull();
  });
});

describe('textFieldAt', () => {
  it('names the Y.Text behind each free-text field', () => {
    expect(textFieldAt('summary')).toEqual({ scope: 'tender', key: 'summary' });
    expect(textFieldAt('work-done')).toEqual({ scope: 'tender', key: 'workDone' });
    expect(textFieldAt('engagement-summary')).toEqual({ scope: 'tender', key: 'engagementSummary' });
    expect(textFieldAt('outcome-r1')).toEqual({ scope: 'requirement', id: 'r1', key: 'outcome' });
    expect(textFieldAt('req-r1-why')).toEqual({ scope: 'requirement', id: 'r1', key: 'whyItMatters' });
    expect(textFieldAt('req-r1-measure')).toEqual({ scope: 'requirement', id: 'r1', key: 'measure' });
    expect(textFieldAt('req-r1-room')).toEqual({ scope: 'requirement', id: 'r1', key: 'roomForProposals' });
    expect(textFieldAt('lot-L1-description')).toEqual({ scope: 'lot', id: 'L1', key: 'description' });
  });

  it('keeps ids that contain hyphens whole (UUIDs)', () => {
    const id = '3f2c9a1e-0b7d-4e55-9c1a-2d4b6f8e0a11';
    expect(textFieldAt(requirementField(id, 'room'))).toEqual({ scope: 'requirement', id, key: 'roomForProposals' });
    expect(textFieldAt(lotField(id, 'title'))).toEqual({ scope: 'lot', id, key: 'title' });
  });

  it('returns null for fields that are not free text', () => {
    expect(textFieldAt('budget-min')).toBeNull();
    expect(textFieldAt('req-r1-target')).toBeNull();
    expect(textFieldAt('lot-L1-value')).toBeNull();
    expect(textFieldAt('criterion-c1-name')).toBeNull();
    // Plain values of the live document: the reason is replaced whole, like the single-lot reason.
    expect(textFieldAt('no-engagement-reason')).toBeNull();
    expect(textFieldAt('regions')).toBeNull();
    expect(textFieldAt('main-category')).toBeNull();
  });
});
