import {
  CriterionContent,
  CriterionType,
  DEFAULT_EVALUATION_RULES,
  Jurisdiction,
  LotContent,
  PriceMethod,
  ProcurementCategory,
  Procedure,
  RequirementContent,
  RequirementKind,
  RequirementPriority,
  ScoringScale,
  TenderContent,
  TenderDetail,
  TenderStatus,
  VatBasis,
} from '@openbrief/contracts';

/**
 * Small, valid tender content for unit tests: one lot with two requirements and a two-level
 * criteria tree whose weights add up. Ids are readable so that failures say what moved.
 */

export function requirement(id: string, patch: Partial<RequirementContent> = {}): RequirementContent {
  return {
    id,
    heading: null,
    kind: RequirementKind.Outcome,
    priority: RequirementPriority.Essential,
    outcome: `Outcome of ${id}`,
    whyItMatters: 'Residents wait too long.',
    measure: { description: 'Median wait in days', baseline: '20', target: '5', unit: 'days' },
    roomForProposals: 'Any approach that meets the target.',
    justification: null,
    ...patch,
  };
}

export function criterion(id: string, patch: Partial<CriterionContent> = {}): CriterionContent {
  return {
    id,
    parentId: null,
    name: `Criterion ${id}`,
    type: CriterionType.Quality,
    weight: 100,
    description: '',
    requirementIds: [],
    wordLimit: null,
    ...patch,
  };
}

export function lot(id: string, patch: Partial<LotContent> = {}): LotContent {
  return {
    id,
    title: `Lot ${id}`,
    description: 'What this lot covers.',
    estimatedValue: 100_000,
    evaluationModel: {
      scale: ScoringScale.ZeroToFour,
      descriptors: [
        { score: 0, label: 'Unacceptable', description: 'No answer.' },
        { score: 2, label: 'Acceptable', description: 'Meets it.' },
        { score: 4, label: 'Excellent', description: 'Adds value.' },
      ],
      minimumQualityPercent: 50,
      priceMethod: PriceMethod.Proportional,
      rules: { ...DEFAULT_EVALUATION_RULES, price: { ...DEFAULT_EVALUATION_RULES.price } },
      criteria: [
        criterion('quality', { weight: 70 }),
        criterion('delivery', { parentId: 'quality', weight: 60, requirementIds: ['r1'] }),
        criterion('support', { parentId: 'quality', weight: 40, requirementIds: ['r1', 'r2'] }),
        criterion('price', { type: CriterionType.Price, weight: 30 }),
      ],
    },
    requirements: [requirement('r1'), requirement('r2')],
    ...patch,
  };
}

export function tenderContent(patch: Partial<TenderContent> = {}): TenderContent {
  return {
    title: 'Faster housing repairs',
    summary: 'Cut the wait for housing repairs.',
    problem: 'Repairs take weeks.',
    users: 'Council tenants.',
    workDone: 'A pilot in one ward.',
    constraints: 'Must work with the existing repairs system.',
    budget: { min: 50_000, max: 150_000, currency: 'GBP', vatBasis: VatBasis.ExcludingVat },
    contract: { lengthMonths: 24, extensionOptions: 'One year.', jurisdiction: Jurisdiction.EnglandAndWales },
    estimatedValue: 120_000,
    location: 'Leeds',
    mainCategory: ProcurementCategory.Services,
    regions: ['TLE'],
    procedure: Procedure.Open,
    singleLotReason: null,
    engagementSummary: '',
    noEngagementReason: null,
    timetable: {
      clarificationDeadline: '2027-03-01T12:00:00.000Z',
      submissionDeadline: '2027-03-15T12:00:00.000Z',
      evaluationStart: null,
      evaluationEnd: null,
      expectedAward: null,
      contractStart: null,
      answersPublishedBy: null,
    },
    responseRules: { attachmentsAllowed: true, maxAttachments: 5, maxAttachmentMb: 10, twoPersonOpening: false },
    contact: { name: 'Sam Buyer', email: 'sam@example.gov.uk', phone: null },
    lots: [lot('L1')],
    justifications: [],
    ...patch,
  };
}

/** The content as the API returns it: with order, lot numbers and the tender's metadata. */
export function tenderDetail(content: TenderContent = tenderContent()): TenderDetail {
  return {
    ...content,
    id: 'tender-1',
    reference: 'OB-0001',
    status: TenderStatus.Draft,
    buyer: { id: 'buyer-1', name: 'Leeds City Council' },
    revision: 3,
    publishedVersion: 0,
    publishedAt: null,
    createdAt: '2027-01-01T09:00:00.000Z',
    updatedAt: '2027-01-02T09:00:00.000Z',
    lots: content.lots.map((l, n) => ({
      ...l,
      number: n + 1,
      evaluationModel: {
        ...l.evaluationModel,
        criteria: l.evaluationModel.criteria.map((cr, order) => ({ ...cr, order })),
      },
      requirements: l.requirements.map((r, order) => ({ ...r, lotId: l.id, order })),
    })),
  };
}
