import { PUBLISHED_RECORD_SCHEMA_VERSION, type PublishedLot, type PublishedTenderRecord } from './published-record';
import { countWords, priceLineTotal, priceTotal, wordsOverLimit } from './responses';
import { lotChangesSince } from './tender-changes';
import {
  CriterionType,
  DEFAULT_RESPONSE_RULES,
  Jurisdiction,
  PriceMethod,
  ProcurementCategory,
  Procedure,
  RequirementKind,
  RequirementPriority,
  ScoringScale,
  TieBreakRule,
  VatBasis,
  defaultEvaluationRules,
} from './tenders';

const requirement = (id: string, outcome: string, order = 0) => ({
  id,
  heading: null,
  order,
  kind: RequirementKind.Outcome,
  priority: RequirementPriority.Essential,
  outcome,
  whyItMatters: '',
  measure: { description: '', baseline: null, target: null, unit: null },
  roomForProposals: '',
  justification: null,
});
const criterion = (id: string, name: string, wordLimit: number | null = 500) => ({
  id,
  parentId: null,
  order: 0,
  name,
  type: CriterionType.Quality,
  weight: 100,
  description: 'How you will do it.',
  requirementIds: [],
  wordLimit,
});
const lot = (id: string, over: Partial<PublishedLot> = {}): PublishedLot => ({
  id,
  number: 1,
  title: 'Transport',
  description: '',
  estimatedValue: null,
  evaluationModel: {
    scale: ScoringScale.ZeroToFour,
    descriptors: [],
    minimumQualityPercent: null,
    priceMethod: PriceMethod.Proportional,
    rules: defaultEvaluationRules(),
    criteria: [],
  },
  requirements: [],
  ...over,
});
const record = (version: number, lots: PublishedLot[], deadline = '2027-01-31T12:00:00.000Z'): PublishedTenderRecord => ({
  schemaVersion: PUBLISHED_RECORD_SCHEMA_VERSION,
  ocid: 'ocds-xxxxxx-T-1',
  tenderId: 't',
  reference: 'T-1',
  version,
  publishedAt: '2026-12-01T00:00:00.000Z',
  changeNote: null,
  revision: 1,
  buyer: { id: 'b', name: 'Buyer' },
  content: {
    title: 'T',
    summary: '',
    problem: '',
    users: '',
    workDone: '',
    constraints: '',
    estimatedValue: null,
    budget: { min: null, max: null, currency: 'GBP', vatBasis: VatBasis.ExcludingVat },
    contract: { lengthMonths: null, extensionOptions: '', jurisdiction: Jurisdiction.EnglandAndWales },
    location: '',
    mainCategory: ProcurementCategory.Services,
    regions: [],
    procedure: Procedure.Open,
    singleLotReason: null,
    engagementSummary: '',
    noEngagementReason: null,
    timetable: {
      clarificationDeadline: null,
      submissionDeadline: deadline,
      evaluationStart: null,
      evaluationEnd: null,
      expectedAward: null,
      contractStart: null,
      answersPublishedBy: null,
    },
    responseRules: DEFAULT_RESPONSE_RULES,
    contact: { name: '', email: '', phone: null },
    lots,
    justifications: [],
  },
});

describe('lotChangesSince', () => {
  const v1 = record(1, [
    lot('L', {
      requirements: [requirement('r1', 'Journeys are booked online.'), requirement('r2', 'Drivers are trained.')],
      evaluationModel: { ...lot('L').evaluationModel, criteria: [criterion('c1', 'Approach'), criterion('c2', 'Social value')] },
    }),
  ]);

  it('names requirements and criteria added, changed and removed, by stable id', () => {
    const v2 = record(2, [
      lot('L', {
        requirements: [requirement('r1', 'Journeys are booked online or by phone.'), requirement('r3', 'Vehicles are accessible.')],
        evaluationModel: { ...lot('L').evaluationModel, criteria: [criterion('c1', 'Approach', 750), criterion('c2', 'Social value')] },
      }),
    ]);
    expect(lotChangesSince(v1, v2, 'L')).toEqual({
      fromVersion: 1,
      toVersion: 2,
      items: [
        { kind: 'requirement', id: 'r1', label: 'Journeys are booked online or by phone.', change: 'changed' },
        { kind: 'requirement', id: 'r3', label: 'Vehicles are accessible.', change: 'added' },
        { kind: 'requirement', id: 'r2', label: 'Drivers are trained.', change: 'removed' },
        { kind: 'criterion', id: 'c1', label: 'Approach', change: 'changed' },
      ],
    });
  });

  it('ignores a new order alone, and reports the deadline and a removed lot', () => {
    const reordered = record(
      2,
      [
        lot('L', {
          requirements: [requirement('r2', 'Drivers are trained.', 0), requirement('r1', 'Journeys are booked online.', 1)],
          evaluationModel: v1.content.lots[0].evaluationModel,
        }),
      ],
      '2027-02-07T12:00:00.000Z',
    );
    expect(lotChangesSince(v1, reordered, 'L').items).toEqual([
      { kind: 'tender', id: 'submissionDeadline', label: 'The submission deadline', change: 'changed' },
    ]);
    expect(lotChangesSince(v1, record(2, [lot('M')]), 'L').items).toEqual([
      { kind: 'tender', id: 'L', label: 'Lot 1: Transport', change: 'removed' },
    ]);
  });
});

describe('lotChangesSince, for how bids are scored', () => {
  const v1 = record(1, [lot('L')]);
  const withModel = (change: (m: PublishedLot['evaluationModel']) => void) => {
    const v2 = record(2, [lot('L')]);
    change(v2.content.lots[0].evaluationModel);
    return v2;
  };
  const scoring = {
    kind: 'tender',
    id: 'evaluation',
    label: 'How bids are scored (scale, price method or evaluation rules)',
    change: 'changed',
  };

  it('reports a new price method, tie-break rule or price parameter', () => {
    expect(
      lotChangesSince(
        v1,
        withModel((m) => (m.priceMethod = PriceMethod.Logarithmic)),
        'L',
      ).items,
    ).toEqual([scoring]);
    expect(
      lotChangesSince(
        v1,
        withModel((m) => (m.rules.tieBreak = TieBreakRule.LowerPrice)),
        'L',
      ).items,
    ).toEqual([scoring]);
    expect(
      lotChangesSince(
        v1,
        withModel((m) => (m.rules.price.logRatio = 3)),
        'L',
      ).items,
    ).toEqual([scoring]);
  });

  it('leaves out the panel’s own working rules, which do not change what a supplier writes', () => {
    expect(
      lotChangesSince(
        v1,
        withModel((m) => (m.rules.nearTieMargin = 2)),
        'L',
      ).items,
    ).toEqual([]);
    expect(
      lotChangesSince(
        v1,
        withModel((m) => (m.rules.minJustificationChars = 200)),
        'L',
      ).items,
    ).toEqual([]);
  });

  it('reports a new law of the contract', () => {
    const v2 = record(2, [lot('L')]);
    v2.content.contract.jurisdiction = Jurisdiction.Scotland;
    expect(lotChangesSince(v1, v2, 'L').items).toEqual([
      { kind: 'tender', id: 'jurisdiction', label: 'The law of the contract', change: 'changed' },
    ]);
  });
});

describe('response arithmetic', () => {
  it('counts words by whitespace, and the words past a limit', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  one\ttwo\nthree  ')).toBe(3);
    expect(wordsOverLimit('a b c d', 3)).toBe(1);
    expect(wordsOverLimit('a b c d', null)).toBe(0);
  });

  it('computes line totals to the penny, exactly, and their sum', () => {
    expect(priceLineTotal(3, 0.1)).toBe(0.3);
    expect(priceLineTotal(0.5, 0.01)).toBe(0.01);
    expect(priceLineTotal(12, 1999.99)).toBe(23_999.88);
    expect(priceLineTotal(1_000_000, 999_999.99)).toBe(999_999_990_000);
    expect(priceTotal([{ total: 0.1 }, { total: 0.2 }])).toBe(0.3);
  });
});
