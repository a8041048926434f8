import {
  CriterionType,
  DEFAULT_RESPONSE_RULES,
  defaultEvaluationRules,
  Jurisdiction,
  PriceMethod,
  Procedure,
  ProcurementCategory,
  type PublishedLot,
  type PublishedTenderRecord,
  RequirementKind,
  RequirementPriority,
  ScoringScale,
  VatBasis,
} from '@openbrief/contracts';
import type { AwardInput, EngagementNoticeInput, OrganisationInput, TenderReleaseContext } from '../src';

export const OCID = 'ocds-xxxxxx-NHST-2026-0001';
export const TENDER_ID = '2b1f4a52-8a47-4a39-9a7d-0d0f3c1f2a10';
const BUYER_ID = '6c2e5f7a-1b3d-4e8f-9a0b-1c2d3e4f5a6b';

export const BUYER: OrganisationInput = {
  id: BUYER_ID,
  name: 'Northshire Health Trust',
  companyNumber: null,
  address: { streetAddress: '1 Hospital Road', locality: 'Northshire', postalCode: 'NS1 1AA', countryName: 'United Kingdom' },
  isVcse: false,
};

export const SUPPLIER: OrganisationInput = {
  id: 'a8b7c6d5-e4f3-4a2b-9c1d-0e9f8a7b6c5d',
  name: 'Quillfeather Analytics Ltd',
  companyNumber: '01234567',
  address: { streetAddress: '7 Kilnworth Yard', locality: 'Bristol', postalCode: 'BS1 6QH', countryName: 'United Kingdom' },
  isVcse: false,
};

function lot(id: string, number: number, title: string, estimatedValue: number | null): PublishedLot {
  const quality = `${id}-q`;
  return {
    id,
    number,
    title,
    description: `What lot ${number} delivers.`,
    estimatedValue,
    evaluationModel: {
      scale: ScoringScale.ZeroToFour,
      descriptors: [],
      minimumQualityPercent: 50,
      priceMethod: PriceMethod.Proportional,
      rules: defaultEvaluationRules(),
      criteria: [
        {
          id: quality,
          parentId: null,
          order: 0,
          name: 'Quality',
          type: CriterionType.Quality,
          weight: 60,
          description: 'How well the proposal achieves the outcomes.',
          requirementIds: [],
          wordLimit: null,
        },
        {
          id: `${id}-a`,
          parentId: quality,
          order: 0,
          name: 'Approach',
          type: CriterionType.Quality,
          weight: 60,
          description: 'How.',
          requirementIds: [],
          wordLimit: 500,
        },
        {
          id: `${id}-t`,
          parentId: quality,
          order: 1,
          name: 'Team',
          type: CriterionType.Quality,
          weight: 40,
          description: 'Who.',
          requirementIds: [],
          wordLimit: 500,
        },
        {
          id: `${id}-s`,
          parentId: null,
          order: 1,
          name: 'Social value',
          type: CriterionType.SocialValue,
          weight: 10,
          description: '',
          requirementIds: [],
          wordLimit: 300,
        },
        {
          id: `${id}-p`,
          parentId: null,
          order: 2,
          name: 'Price',
          type: CriterionType.Price,
          weight: 30,
          description: 'Total price.',
          requirementIds: [],
          wordLimit: null,
        },
      ],
    },
    requirements: [
      {
        id: `${id}-r1`,
        heading: null,
        order: 0,
        kind: RequirementKind.Outcome,
        priority: RequirementPriority.Essential,
        outcome: 'Patients book appointments online.',
        whyItMatters: 'Phone lines are busy.',
        measure: { description: 'Share of bookings made online', baseline: '10%', target: '60%', unit: 'percent' },
        roomForProposals: 'Any approach.',
        justification: null,
      },
    ],
  };
}

/** A published record: two lots, or one lot with the reason for not dividing it. */
export function record(version: number, options: { lots?: 1 | 2; changeNote?: string; deadline?: string } = {}): PublishedTenderRecord {
  const lots =
    options.lots === 1
      ? [lot('lot-1', 1, 'Booking service', 180_000)]
      : [lot('lot-1', 1, 'Booking service', 120_000), lot('lot-2', 2, 'Support', 60_000)];
  return {
    schemaVersion: 1,
    ocid: OCID,
    tenderId: TENDER_ID,
    reference: 'NHST-2026-0001',
    version,
    publishedAt: version === 1 ? '2026-03-02T09:00:00.000Z' : `2026-03-${String(2 + version).padStart(2, '0')}T10:30:00.000Z`,
    changeNote: version === 1 ? null : (options.changeNote ?? `Version ${version}: the deadline moves a week later.`),
    revision: 3 + version,
    buyer: { id: BUYER_ID, name: BUYER.name },
    content: {
      title: 'Online appointment booking',
      summary: 'Patients should be able to book, move and cancel appointments online.',
      problem: 'Phone lines are busy.',
      users: 'Patients and clinic staff.',
      workDone: '',
      constraints: '',
      estimatedValue: 180_000,
      budget: { min: 150_000, max: 200_000, currency: 'GBP', vatBasis: VatBasis.ExcludingVat },
      contract: { lengthMonths: 24, extensionOptions: '', jurisdiction: Jurisdiction.EnglandAndWales },
      location: 'Northshire',
      mainCategory: ProcurementCategory.Services,
      regions: ['TLC', 'TLD'],
      procedure: Procedure.CompetitiveFlexible,
      singleLotReason: options.lots === 1 ? 'One supplier must run the whole booking journey end to end.' : null,
      engagementSummary: '',
      noEngagementReason: 'The market is well known from the previous contract.',
      timetable: {
        clarificationDeadline: '2026-03-20T12:00:00.000Z',
        submissionDeadline: options.deadline ?? '2026-03-30T12:00:00.000Z',
        evaluationStart: '2026-03-31T09:00:00.000Z',
        evaluationEnd: '2026-04-15T17:00:00.000Z',
        expectedAward: '2026-04-20T12:00:00.000Z',
        contractStart: '2026-06-01T00:00:00.000Z',
        answersPublishedBy: '2026-03-22T12:00:00.000Z',
      },
      responseRules: { ...DEFAULT_RESPONSE_RULES },
      contact: { name: 'Pat Buyer', email: 'pat.buyer@northshire.example', phone: '0113 496 0000' },
      lots,
      justifications: [],
    },
  } as PublishedTenderRecord;
}

export function context(r: PublishedTenderRecord): TenderReleaseContext {
  return {
    buyer: BUYER,
    noticeUrl: `https://openbrief.example/opportunities/${TENDER_ID}`,
    packUrl: `https://openbrief.example/api/v1/public/tenders/${TENDER_ID}/versions/${r.version}/pack.pdf`,
    packSha256: 'a'.repeat(64),
    firstPublishedAt: '2026-03-02T09:00:00.000Z',
  };
}

export function award(overrides: Partial<AwardInput> = {}): AwardInput {
  return {
    id: 'f1e2d3c4-b5a6-4978-8695-a4b3c2d1e0f9',
    tenderId: TENDER_ID,
    lotId: 'lot-1',
    lotTitle: 'Booking service',
    supplier: SUPPLIER,
    value: { amount: 100_000, currency: 'GBP', includesVat: false },
    decidedAt: '2026-04-20T10:00:00.000Z',
    noticePublishedAt: '2026-04-21T09:00:00.000Z',
    standstillEndsAt: '2026-05-05T22:59:59.999Z',
    assessmentSummariesSentAt: '2026-04-21T08:30:00.000Z',
    submissionDeadline: '2026-03-30T12:00:00.000Z',
    bidCounts: { lotId: 'lot-1', bids: 3, smeBids: 2, vcseBids: 1 },
    completesTender: false,
    noticeUrl: `https://openbrief.example/opportunities/${TENDER_ID}`,
    contract: { startDate: '2026-06-01T00:00:00.000Z', lengthMonths: 24 },
    ...overrides,
  };
}

export const ENGAGEMENT: EngagementNoticeInput = {
  id: '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a',
  ocid: OCID,
  tenderId: TENDER_ID,
  title: 'Online appointment booking',
  summary: 'We want to learn how suppliers would let patients book online.',
  publishedAt: '2026-01-10T09:00:00.000Z',
  feedbackCloses: '2026-02-10T17:00:00.000Z',
  url: 'https://openbrief.example/engagements/0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a',
  buyer: BUYER,
  event: { title: 'Supplier briefing', startsAt: '2026-01-24T10:00:00.000Z' },
};

export const META = {
  uri: 'https://openbrief.example/api/v1/ocds/releases/' + OCID,
  publisher: { name: 'Openbrief (test)', uri: 'https://openbrief.example' },
};
