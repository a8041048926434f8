import {
  PUBLISHED_RECORD_SCHEMA_VERSION,
  OCID_PREFIX_PATTERN,
  ocidFor,
  publishedTenderDetail,
  toPublishedRecord,
} from './published-record';
import { PublishedRecordError, readPublishedRecord } from './published-record-reader';
import {
  CriterionType,
  DEFAULT_EVALUATION_RULES,
  DEFAULT_RESPONSE_RULES,
  Jurisdiction,
  PriceMethod,
  ProcurementCategory,
  Procedure,
  RequirementKind,
  RequirementPriority,
  ScoringScale,
  type TenderDetail,
  TenderStatus,
  TieBreakRule,
  VatBasis,
} from './tenders';

const published: TenderDetail = {
  id: 't-1',
  reference: 'NHST-2026-0001',
  title: 'Fewer missed appointments',
  status: TenderStatus.Published,
  buyer: { id: 'o-1', name: 'Northshire NHS Trust' },
  summary: 'Halve missed outpatient appointments.',
  problem: 'One appointment in twelve is missed.',
  users: 'Outpatients and carers.',
  workDone: 'Text reminders.',
  constraints: '',
  budget: { min: 100_000, max: 250_000, currency: 'GBP', vatBasis: VatBasis.ExcludingVat },
  contract: { lengthMonths: 24, extensionOptions: '12 months', jurisdiction: Jurisdiction.Scotland },
  estimatedValue: 250_000,
  location: 'Northshire',
  mainCategory: ProcurementCategory.Goods,
  regions: ['TLC', 'TLM'],
  procedure: Procedure.Open,
  singleLotReason: null,
  engagementSummary: 'Suppliers asked for a longer mobilisation period, so it is now three months.',
  noEngagementReason: null,
  timetable: {
    clarificationDeadline: '2027-01-10T12:00:00.000Z',
    submissionDeadline: '2027-01-20T12:00:00.000Z',
    evaluationStart: null,
    evaluationEnd: null,
    expectedAward: null,
    contractStart: null,
    answersPublishedBy: '2027-01-14T12:00:00.000Z',
  },
  responseRules: { attachmentsAllowed: true, maxAttachments: 3, maxAttachmentMb: 20, twoPersonOpening: true },
  contact: { name: 'Priya Shah', email: 'procurement@northshire.test', phone: null },
  lots: [
    {
      id: 'l-1',
      number: 1,
      title: 'Whole service',
      description: '',
      estimatedValue: null,
      evaluationModel: {
        scale: ScoringScale.ZeroToFour,
        descriptors: [{ score: 4, label: 'Excellent', description: 'Fully meets the need.' }],
        minimumQualityPercent: 50,
        priceMethod: PriceMethod.LinearBudgetToFloor,
        rules: {
          blindMarking: false,
          priceHiddenUntilModerated: true,
          tieBreak: TieBreakRule.LowerPrice,
          nearTieMargin: 0.5,
          minJustificationChars: 120,
          moderationSpread: 3,
          abnormallyLowPercent: 25,
          price: { ceilingPrice: 240_000, floorPrice: 90_000, logRatio: 3, discountRatePercent: 3.5 },
        },
        criteria: [
          {
            id: 'c-1',
            parentId: null,
            order: 1,
            name: 'Quality',
            type: CriterionType.Quality,
            weight: 70,
            description: '',
            requirementIds: ['r-1'],
            wordLimit: 750,
          },
          {
            id: 'c-2',
            parentId: null,
            order: 2,
            name: 'Price',
            type: CriterionType.Price,
            weight: 30,
            description: '',
            requirementIds: [],
            wordLimit: null,
          },
        ],
      },
      requirements: [
        {
          id: 'r-1',
          lotId: 'l-1',
          heading: 'Attendance',
          order: 1,
          kind: RequirementKind.Outcome,
          priority: RequirementPriority.Essential,
          outcome: 'Fewer patients miss appointments.',
          whyItMatters: 'Care is delayed.',
          measure: { description: 'Missed appointment rate', baseline: '8.2%', target: '4%', unit: '%' },
          roomForProposals: 'Any approach.',
          justification: null,
        },
      ],
    },
  ],
  justifications: [{ requirementId: 'r-1', rule: 'method.prescribed', text: 'Kept on purpose.' }],
  revision: 7,
  publishedVersion: 1,
  publishedAt: '2026-12-01T09:00:00.000Z',
  createdAt: '2026-11-01T09:00:00.000Z',
  updatedAt: '2026-12-01T09:00:00.000Z',
};

const facts = { ocid: 'ocds-abc123-NHST-2026-0001', version: 1, publishedAt: '2026-12-01T09:00:00.000Z', changeNote: null, revision: 7 };

describe('published records', () => {
  it('make the API view back exactly, with the live status and creation time', () => {
    const record = toPublishedRecord(published, facts);
    expect(record.schemaVersion).toBe(PUBLISHED_RECORD_SCHEMA_VERSION);
    expect(publishedTenderDetail(record, { status: TenderStatus.Published, createdAt: published.createdAt })).toEqual(published);
    expect(publishedTenderDetail(record, { status: TenderStatus.Closed, createdAt: published.createdAt }).status).toBe(TenderStatus.Closed);
  });

  it('copy fields by name: an API-only field never reaches the record', () => {
    const record = toPublishedRecord({ ...published, check: { openness: 90 } } as TenderDetail, facts);
    expect(JSON.stringify(record)).not.toContain('openness');
    expect(Object.keys(record.content)).not.toContain('revision');
  });

  it('read back a stored record unchanged', () => {
    const stored = JSON.parse(JSON.stringify(toPublishedRecord(published, facts)));
    expect(readPublishedRecord(stored)).toEqual(stored);
  });

  it('read a record published before the response rules and the answers date with the defaults, leaving it unchanged', () => {
    const stored = JSON.parse(JSON.stringify(toPublishedRecord(published, facts)));
    delete stored.content.responseRules;
    delete stored.content.timetable.answersPublishedBy;
    const before = JSON.stringify(stored);
    const read = readPublishedRecord(stored);
    expect(read.content.responseRules).toEqual(DEFAULT_RESPONSE_RULES);
    expect(read.content.timetable.answersPublishedBy).toBeNull();
    expect(read.content.timetable.submissionDeadline).toBe(published.timetable.submissionDeadline);
    expect(JSON.stringify(stored)).toBe(before);
    const detail = publishedTenderDetail(read, { status: TenderStatus.Published, createdAt: published.createdAt });
    expect(detail.responseRules).toEqual(DEFAULT_RESPONSE_RULES);
    expect(detail.timetable.answersPublishedBy).toBeNull();
  });

  it('read a record published before the evaluation rules and the jurisdiction with the defaults, leaving it unchanged', () => {
    const stored = JSON.parse(JSON.stringify(toPublishedRecord(published, facts)));
    delete stored.content.lots[0].evaluationModel.rules;
    delete stored.content.contract.jurisdiction;
    const before = JSON.stringify(stored);
    const read = readPublishedRecord(stored);
    expect(read.content.lots[0].evaluationModel.rules).toEqual(DEFAULT_EVALUATION_RULES);
    expect(read.content.contract).toEqual({ lengthMonths: 24, extensionOptions: '12 months', jurisdiction: Jurisdiction.EnglandAndWales });
    expect(JSON.stringify(stored)).toBe(before);
    const detail = publishedTenderDetail(read, { status: TenderStatus.Published, createdAt: published.createdAt });
    expect(detail.lots[0].evaluationModel.rules).toEqual(DEFAULT_EVALUATION_RULES);
    expect(detail.lots[0].evaluationModel.rules).not.toBe(DEFAULT_EVALUATION_RULES);
    expect(detail.contract.jurisdiction).toBe(Jurisdiction.EnglandAndWales);
  });

  it('refuse damaged evaluation rules and jurisdiction, saying where', () => {
    const stored = JSON.parse(JSON.stringify(toPublishedRecord(published, facts)));
    stored.content.lots[0].evaluationModel.rules.tieBreak = 'coin_toss';
    expect(() => readPublishedRecord(stored)).toThrow(
      /record\.content\.lots\[0\]\.evaluationModel\.rules\.tieBreak should be one of higher_quality, lower_price/,
    );
    stored.content.lots[0].evaluationModel.rules.tieBreak = 'lower_price';
    stored.content.lots[0].evaluationModel.rules.price.logRatio = '2';
    expect(() => readPublishedRecord(stored)).toThrow(/evaluationModel\.rules\.price\.logRatio should be a number/);
    stored.content.lots[0].evaluationModel.rules.price.logRatio = 2;
    stored.content.contract.jurisdiction = 'wales';
    expect(() => readPublishedRecord(stored)).toThrow(
      /record\.content\.contract\.jurisdiction should be one of england_and_wales, scotland/,
    );
  });

  it('read a record published before the category, regions and engagement texts with the defaults, leaving it unchanged', () => {
    const stored = JSON.parse(JSON.stringify(toPublishedRecord(published, facts)));
    delete stored.content.mainCategory;
    delete stored.content.regions;
    delete stored.content.engagementSummary;
    delete stored.content.noEngagementReason;
    const before = JSON.stringify(stored);
    const read = readPublishedRecord(stored);
    expect(read.content.mainCategory).toBe(ProcurementCategory.Services);
    expect(read.content.regions).toEqual([]);
    expect(read.content.engagementSummary).toBe('');
    expect(read.content.noEngagementReason).toBeNull();
    expect(JSON.stringify(stored)).toBe(before);
    const detail = publishedTenderDetail(read, { status: TenderStatus.Published, createdAt: published.createdAt });
    expect(detail).toEqual({
      ...published,
      mainCategory: ProcurementCategory.Services,
      regions: [],
      engagementSummary: '',
      noEngagementReason: null,
    });
  });

  it('keep the category, regions and engagement texts of a record that has them', () => {
    const record = toPublishedRecord({ ...published, noEngagementReason: 'An urgent need after a flood.' }, facts);
    const read = readPublishedRecord(JSON.parse(JSON.stringify(record)));
    expect(read.content).toMatchObject({
      mainCategory: ProcurementCategory.Goods,
      regions: ['TLC', 'TLM'],
      engagementSummary: published.engagementSummary,
      noEngagementReason: 'An urgent need after a flood.',
    });
    // The record holds its own copy of the regions, not the API view's list.
    expect(record.content.regions).not.toBe(published.regions);
  });

  it('refuse a damaged category, region or engagement text, saying where', () => {
    const stored = JSON.parse(JSON.stringify(toPublishedRecord(published, facts)));
    stored.content.mainCategory = 'software';
    expect(() => readPublishedRecord(stored)).toThrow(/record\.content\.mainCategory should be one of goods, services, works/);
    stored.content.mainCategory = 'works';
    stored.content.regions = ['TLC', 'UKC'];
    expect(() => readPublishedRecord(stored)).toThrow(/record\.content\.regions\[1\] should be one of TLC, TLD/);
    stored.content.regions = 'TLC';
    expect(() => readPublishedRecord(stored)).toThrow(/record\.content\.regions should be a list/);
    stored.content.regions = [];
    stored.content.noEngagementReason = 7;
    expect(() => readPublishedRecord(stored)).toThrow(/record\.content\.noEngagementReason should be text/);
    stored.content.noEngagementReason = null;
    stored.content.engagementSummary = null;
    expect(() => readPublishedRecord(stored)).toThrow(/record\.content\.engagementSummary should be text/);
  });

  it('refuse damaged response rules, saying where', () => {
    const stored = JSON.parse(JSON.stringify(toPublishedRecord(published, facts)));
    stored.content.responseRules.maxAttachments = '5';
    expect(() => readPublishedRecord(stored)).toThrow(/record\.content\.responseRules\.maxAttachments should be a whole number/);
    stored.content.responseRules = null;
    expect(() => readPublishedRecord(stored)).toThrow(/record\.content\.responseRules should be an object/);
  });

  it('refuse a record of an unknown schema version with a plain message', () => {
    const stored = { ...toPublishedRecord(published, facts), schemaVersion: 99 };
    expect(() => readPublishedRecord(stored, 'Version 1 of tender NHST-2026-0001')).toThrow(PublishedRecordError);
    expect(() => readPublishedRecord(stored, 'Version 1 of tender NHST-2026-0001')).toThrow(
      'Version 1 of tender NHST-2026-0001 cannot be read: it is stored as published record schema version 99, which this version of Openbrief does not know (it reads version 1); it may have been written by a newer version of Openbrief.',
    );
  });

  it('refuse an old snapshot, a non-object and a damaged record, saying where', () => {
    expect(() => readPublishedRecord(published)).toThrow(/has no schemaVersion/);
    expect(() => readPublishedRecord('text')).toThrow(/not a published record/);
    const damaged = JSON.parse(JSON.stringify(toPublishedRecord(published, facts)));
    damaged.content.lots[0].requirements[0].kind = 'wish';
    expect(() => readPublishedRecord(damaged)).toThrow(
      /record\.content\.lots\[0\]\.requirements\[0\]\.kind should be one of outcome, constraint, mandatory/,
    );
    delete damaged.content.lots[0].evaluationModel.criteria;
    expect(() => readPublishedRecord(damaged)).toThrow(/record\.content\.lots\[0\]\.evaluationModel\.criteria should be a list/);
  });

  it('build ocids from a registered-style prefix and the reference', () => {
    expect(ocidFor('ocds-abc123', 'NHST-2026-0001')).toBe('ocds-abc123-NHST-2026-0001');
    expect(['ocds-abc123', 'ocds-xxxxxx'].every((p) => OCID_PREFIX_PATTERN.test(p))).toBe(true);
    expect(['ocds-ABC123', 'ocds-abc12', 'ocds-abc1234', 'abc123', 'ocds-abc123-'].some((p) => OCID_PREFIX_PATTERN.test(p))).toBe(false);
  });
});
