import { type ItlRegion, Jurisdiction, Procedure, ProcurementCategory, type TenderContent, TieBreakRule } from '@openbrief/contracts';
import { validateTenderContent } from './content-validation';
import { acceptLiveContent } from './live-content';
import { templateContent } from './templates/tender-templates';

const valid = (): TenderContent => {
  const c = templateContent('digital-service', 'School transport')!;
  c.contact = { name: 'Alex', email: 'alex@council.test', phone: null };
  c.estimatedValue = 250_000;
  return c;
};

/** The live content with one change made to a copy. */
const edited = (base: TenderContent, change: (c: TenderContent) => void): TenderContent => {
  const c = structuredClone(base);
  change(c);
  return c;
};

describe('acceptLiveContent', () => {
  const previous = valid();

  it('drops a reserved key (an object with its own "constructor") and keeps the rest of the edit, typing included', () => {
    const live = edited(previous, (c) => {
      (c.contact as unknown as Record<string, unknown>).email = { constructor: { prototype: { polluted: true } } };
      c.problem = 'Typed at the same time.';
    });
    const { content, refused } = acceptLiveContent(live, previous);
    expect(refused.map((r) => r.field).sort()).toEqual(['contact.email', 'contact.email.constructor']);
    expect(content.contact.email).toBe(previous.contact.email);
    expect(content.problem).toBe('Typed at the same time.');
    expect(validateTenderContent(content)).toEqual([]);
  });

  it('the template is valid to start with (else every other test here proves nothing)', () => {
    expect(validateTenderContent(previous)).toEqual([]);
  });

  it.each([
    ['contact.email', (c: TenderContent) => (c.contact.email = 'javascript:alert(document.domain)//')],
    ['estimatedValue', (c: TenderContent) => (c.estimatedValue = -99_999_999_999_999)],
    ['procedure', (c: TenderContent) => (c.procedure = 'not-a-procedure' as Procedure)],
    ['budget.currency', (c: TenderContent) => (c.budget.currency = 'javascript:')],
    ['timetable.submissionDeadline', (c: TenderContent) => (c.timetable.submissionDeadline = 'not a date')],
    ['timetable.answersPublishedBy', (c: TenderContent) => (c.timetable.answersPublishedBy = 'next week')],
    ['responseRules.maxAttachments', (c: TenderContent) => (c.responseRules.maxAttachments = 21)],
    ['responseRules.maxAttachmentMb', (c: TenderContent) => (c.responseRules.maxAttachmentMb = 0.5)],
    ['responseRules.attachmentsAllowed', (c: TenderContent) => (c.responseRules.attachmentsAllowed = 'yes' as unknown as boolean)],
    ['responseRules.twoPersonOpening', (c: TenderContent) => (c.responseRules.twoPersonOpening = 1 as unknown as boolean)],
    ['contract.jurisdiction', (c: TenderContent) => (c.contract.jurisdiction = 'wales' as Jurisdiction)],
    ['mainCategory', (c: TenderContent) => (c.mainCategory = 'software' as ProcurementCategory)],
    ['regions', (c: TenderContent) => (c.regions = ['TLC', 'UKC' as ItlRegion])],
    ['regions', (c: TenderContent) => (c.regions = ['TLC', 'TLC'])],
    ['regions', (c: TenderContent) => (c.regions = 'TLC' as unknown as ItlRegion[])],
    ['engagementSummary', (c: TenderContent) => (c.engagementSummary = 'x'.repeat(2001))],
    ['noEngagementReason', (c: TenderContent) => (c.noEngagementReason = 7 as unknown as string)],
    ['lots[0].evaluationModel.rules.tieBreak', (c: TenderContent) => (c.lots[0].evaluationModel.rules.tieBreak = 'coin' as TieBreakRule)],
    ['lots[0].evaluationModel.rules.nearTieMargin', (c: TenderContent) => (c.lots[0].evaluationModel.rules.nearTieMargin = 11)],
    ['lots[0].evaluationModel.rules.price.logRatio', (c: TenderContent) => (c.lots[0].evaluationModel.rules.price.logRatio = 1)],
    ['lots[0].evaluationModel.rules.moderationSpread', (c: TenderContent) => (c.lots[0].evaluationModel.rules.moderationSpread = 1.5)],
  ])('keeps the previous %s and takes the rest of the edit', (field, spoil) => {
    const live = edited(previous, (c) => {
      spoil(c);
      c.summary = 'Typed at the same time, and valid.';
      c.location = 'Leeds';
    });
    const { content, refused } = acceptLiveContent(live, previous);
    expect(refused.map((r) => r.field)).toEqual([field]);
    expect(refused[0].message).toMatch(/must/);
    expect(validateTenderContent(content)).toEqual([]);
    expect(content.summary).toBe('Typed at the same time, and valid.');
    expect(content.location).toBe('Leeds');
    expect(content).toEqual({ ...previous, summary: 'Typed at the same time, and valid.', location: 'Leeds' });
  });

  it('puts back a criterion weight by the criterion id, and leaves out a new item that is not valid yet', () => {
    const live = edited(previous, (c) => {
      const criteria = c.lots[0].evaluationModel.criteria;
      criteria.reverse();
      criteria[0].weight = '1e999' as unknown as number;
      c.lots[0].requirements.push({ ...c.lots[0].requirements[0], id: 'not-an-id', outcome: 'new' });
    });
    const { content, refused } = acceptLiveContent(live, previous);
    expect(refused.map((r) => r.field).sort()).toEqual([
      'lots[0].evaluationModel.criteria[0].weight',
      'lots[0].requirements[' + previous.lots[0].requirements.length + '].id',
    ]);
    const before = new Map(previous.lots[0].evaluationModel.criteria.map((c) => [c.id, c.weight]));
    for (const c of content.lots[0].evaluationModel.criteria) expect(c.weight).toBe(before.get(c.id));
    expect(content.lots[0].requirements.map((r) => r.id)).toEqual(previous.lots[0].requirements.map((r) => r.id));
    expect(validateTenderContent(content)).toEqual([]);
  });

  it('takes a rule between fields back to the last valid state of the part (weights that no longer add up)', () => {
    const live = edited(previous, (c) => (c.lots[0].evaluationModel.criteria[0].weight += 5));
    const { content, refused } = acceptLiveContent(live, previous);
    expect(refused[0].message).toMatch(/add up to/);
    expect(content.lots[0].evaluationModel.criteria).toEqual(previous.lots[0].evaluationModel.criteria);
  });

  it('survives values of any type anywhere, and never returns content the API would refuse', () => {
    const odd = [undefined, null, Number.NaN, Infinity, -1e308, 10n, 'x', { nested: { deeper: [1] } }, [1, 2], new Uint8Array([1]), true];
    for (const value of odd) {
      const live = edited(previous, (c) => {
        const any = c as unknown as Record<string, unknown>;
        for (const key of [
          'budget',
          'contract',
          'timetable',
          'contact',
          'justifications',
          'procedure',
          'estimatedValue',
          'location',
          'singleLotReason',
          'responseRules',
          'mainCategory',
          'regions',
          'engagementSummary',
          'noEngagementReason',
        ])
          any[key] = value;
        (c.lots[0] as unknown as Record<string, unknown>)['evaluationModel'] = value;
        (c.lots[0].requirements[0] as unknown as Record<string, unknown>)['kind'] = value;
      });
      const { content, refused } = acceptLiveContent(live, previous);
      expect(validateTenderContent(content)).toEqual([]);
      expect(refused.length).toBeGreaterThan(0);
    }
  });

  it('does not hold the tables\u2019 own old problems against a live edit', () => {
    const legacy = edited(previous, (c) => (c.contact.email = 'not-an-address'));
    const live = edited(legacy, (c) => (c.location = 'York'));
    const { content, refused } = acceptLiveContent(live, legacy);
    expect(refused).toEqual([]);
    expect(content.location).toBe('York');
  });

  it('takes valid response rules and an answers date typed live', () => {
    const dated = edited(previous, (c) => {
      c.timetable.clarificationDeadline = '2027-01-10T12:00:00.000Z';
      c.timetable.submissionDeadline = '2027-01-20T12:00:00.000Z';
    });
    const rules = { attachmentsAllowed: false, maxAttachments: 20, maxAttachmentMb: 50, twoPersonOpening: true };
    const live = edited(dated, (c) => {
      c.responseRules = { ...rules };
      c.timetable.answersPublishedBy = '2027-01-15T12:00:00.000Z';
    });
    const { content, refused } = acceptLiveContent(live, dated);
    expect(refused).toEqual([]);
    expect(content.responseRules).toEqual(rules);
    expect(content.timetable.answersPublishedBy).toBe('2027-01-15T12:00:00.000Z');
  });

  it('puts back an answers date outside its two deadlines (a rule between fields)', () => {
    const dated = edited(previous, (c) => {
      c.timetable.clarificationDeadline = '2027-01-10T12:00:00.000Z';
      c.timetable.submissionDeadline = '2027-01-20T12:00:00.000Z';
    });
    const live = edited(dated, (c) => (c.timetable.answersPublishedBy = '2027-01-25T12:00:00.000Z'));
    const { content, refused } = acceptLiveContent(live, dated);
    expect(refused.map((r) => r.field)).toEqual(['timetable.answersPublishedBy']);
    expect(refused[0].message).toMatch(/before the deadline for bids/);
    expect(content.timetable).toEqual(dated.timetable);
  });

  it('takes the tables\u2019 values for fields a document written before them does not have, without a refusal', () => {
    const stored = edited(previous, (c) => (c.responseRules = { ...c.responseRules, twoPersonOpening: true }));
    const live = edited(stored, (c) => {
      delete (c as Partial<TenderContent>).responseRules;
      delete (c.timetable as Partial<TenderContent['timetable']>).answersPublishedBy;
      c.location = 'Hull';
    });
    const { content, refused } = acceptLiveContent(live, stored);
    expect(refused).toEqual([]);
    expect(content).toEqual({ ...stored, location: 'Hull' });
  });

  it('takes the category, regions and engagement texts typed live', () => {
    const live = edited(previous, (c) => {
      c.mainCategory = ProcurementCategory.Goods;
      c.regions = ['TLM', 'TLL'];
      c.engagementSummary = 'We changed the deadline after talking to suppliers.';
      c.noEngagementReason = null;
    });
    const { content, refused } = acceptLiveContent(live, previous);
    expect(refused).toEqual([]);
    expect(content).toEqual(live);
  });

  it('takes the tables\u2019 category, regions and reason when an older document lacks them, without a refusal', () => {
    const stored = edited(previous, (c) => {
      c.mainCategory = ProcurementCategory.Works;
      c.regions = ['TLK'];
      c.noEngagementReason = 'Urgent repairs after a flood.';
    });
    const live = edited(stored, (c) => {
      const any = c as unknown as Record<string, unknown>;
      delete any['mainCategory'];
      delete any['regions'];
      delete any['noEngagementReason'];
      c.location = 'Truro';
    });
    const { content, refused } = acceptLiveContent(live, stored);
    expect(refused).toEqual([]);
    expect(content).toEqual({ ...stored, location: 'Truro' });
    expect(content.regions).not.toBe(stored.regions);
  });

  it('takes the tables\u2019 evaluation rules and jurisdiction when an older document lacks them, and the defaults for its new lot', () => {
    const stored = edited(previous, (c) => {
      c.contract.jurisdiction = Jurisdiction.NorthernIreland;
      c.lots[0].evaluationModel.rules.tieBreak = TieBreakRule.LowerPrice;
    });
    const newLot = { ...structuredClone(stored.lots[0]), id: '6f1c2a4e-0b7d-4c55-9a3e-2d8f1e9b7c10', requirements: [] };
    const only = { ...newLot.evaluationModel.criteria[0], id: '6f1c2a4e-0b7d-4c55-9a3e-2d8f1e9b7c11', parentId: null, weight: 100 };
    newLot.evaluationModel.criteria = [{ ...only, requirementIds: [] }];
    const live = edited(stored, (c) => {
      delete (c.contract as Partial<TenderContent['contract']>).jurisdiction;
      delete (c.lots[0].evaluationModel as Partial<TenderContent['lots'][0]['evaluationModel']>).rules;
      const added = structuredClone(newLot);
      delete (added.evaluationModel as Partial<TenderContent['lots'][0]['evaluationModel']>).rules;
      c.lots.push(added);
    });
    const { content, refused } = acceptLiveContent(live, stored);
    expect(refused).toEqual([]);
    expect(content.contract.jurisdiction).toBe(Jurisdiction.NorthernIreland);
    expect(content.lots[0].evaluationModel.rules.tieBreak).toBe(TieBreakRule.LowerPrice);
    expect(content.lots[1].evaluationModel.rules.tieBreak).toBe(TieBreakRule.HigherQuality);
  });
});
