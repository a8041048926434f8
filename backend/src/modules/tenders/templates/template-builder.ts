import {
  type CriterionContent,
  CriterionType,
  DEFAULT_RESPONSE_RULES,
  Jurisdiction,
  type ItlRegion,
  PriceMethod,
  Procedure,
  ProcurementCategory,
  type RequirementContent,
  RequirementKind,
  RequirementPriority,
  ScoringScale,
  type TenderContent,
  VatBasis,
  defaultEvaluationRules,
} from '@openbrief/contracts';
import { randomUUID } from 'node:crypto';
import { defaultDescriptors } from './scales';

export interface OutcomeSeed {
  heading: string;
  outcome: string;
  why: string;
  measure: string;
  baseline?: string;
  target?: string;
  unit?: string;
  room: string;
  kind?: RequirementKind;
  priority?: RequirementPriority;
}

export interface ContentSeed {
  title: string;
  summary: string;
  problem: string;
  users: string;
  workDone?: string;
  constraints?: string;
  estimatedValue?: number | null;
  /** What is mainly bought; services unless said. */
  mainCategory?: ProcurementCategory;
  /** ITL 1 delivery regions; none (anywhere in the UK) unless said. */
  regions?: ItlRegion[];
  lotTitle?: string;
  outcomes: OutcomeSeed[];
  qualityQuestions: { name: string; description: string; wordLimit: number; outcomeIndexes: number[] }[];
}

/** Builds complete tender content: one lot, its outcomes, and a Quality 60 / Price 30 / Social value 10 model. */
export function buildContent(seed: ContentSeed): TenderContent {
  const requirements: RequirementContent[] = seed.outcomes.map((o) => ({
    id: randomUUID(),
    heading: o.heading,
    kind: o.kind ?? RequirementKind.Outcome,
    priority: o.priority ?? RequirementPriority.Essential,
    outcome: o.outcome,
    whyItMatters: o.why,
    measure: { description: o.measure, baseline: o.baseline ?? null, target: o.target ?? null, unit: o.unit ?? null },
    roomForProposals: o.room,
    justification: null,
  }));
  const quality = randomUUID();
  const perQuestion = seed.qualityQuestions.length ? Math.floor(100 / seed.qualityQuestions.length) : 0;
  const criteria: CriterionContent[] = [
    {
      id: quality,
      parentId: null,
      name: 'Quality',
      type: CriterionType.Quality,
      weight: 60,
      description: 'How well the proposal achieves the outcomes.',
      requirementIds: [],
      wordLimit: null,
    },
    ...seed.qualityQuestions.map((q, i) => ({
      id: randomUUID(),
      parentId: quality,
      name: q.name,
      type: CriterionType.Quality,
      weight: i === 0 ? 100 - perQuestion * (seed.qualityQuestions.length - 1) : perQuestion,
      description: q.description,
      requirementIds: q.outcomeIndexes.map((x) => requirements[x].id),
      wordLimit: q.wordLimit,
    })),
    {
      id: randomUUID(),
      parentId: null,
      name: 'Price',
      type: CriterionType.Price,
      weight: 30,
      description: 'Total price for the initial contract period.',
      requirementIds: [],
      wordLimit: null,
    },
    {
      id: randomUUID(),
      parentId: null,
      name: 'Social value',
      type: CriterionType.SocialValue,
      weight: 10,
      description: 'Your commitments to the local community, for example jobs, training or reduced emissions (PPN 002).',
      requirementIds: [],
      wordLimit: 500,
    },
  ];
  return {
    title: seed.title,
    summary: seed.summary,
    problem: seed.problem,
    users: seed.users,
    workDone: seed.workDone ?? '',
    constraints: seed.constraints ?? '',
    budget: { min: null, max: null, currency: 'GBP', vatBasis: VatBasis.ExcludingVat },
    contract: {
      lengthMonths: 24,
      extensionOptions: 'Up to 12 months more, in one or two extensions.',
      jurisdiction: Jurisdiction.EnglandAndWales,
    },
    estimatedValue: seed.estimatedValue ?? null,
    location: '',
    mainCategory: seed.mainCategory ?? ProcurementCategory.Services,
    regions: [...(seed.regions ?? [])],
    procedure: Procedure.Open,
    singleLotReason: null,
    engagementSummary: '',
    noEngagementReason: null,
    timetable: {
      clarificationDeadline: null,
      submissionDeadline: null,
      evaluationStart: null,
      evaluationEnd: null,
      expectedAward: null,
      contractStart: null,
      answersPublishedBy: null,
    },
    responseRules: { ...DEFAULT_RESPONSE_RULES },
    contact: { name: '', email: '', phone: null },
    lots: [
      {
        id: randomUUID(),
        title: seed.lotTitle ?? seed.title,
        description: '',
        estimatedValue: seed.estimatedValue ?? null,
        evaluationModel: {
          scale: ScoringScale.ZeroToFour,
          descriptors: defaultDescriptors(ScoringScale.ZeroToFour),
          minimumQualityPercent: 50,
          priceMethod: PriceMethod.Proportional,
          // Blind marking, price hidden until moderation, ties to the better quality: the fair defaults.
          rules: defaultEvaluationRules(),
          criteria,
        },
        requirements,
      },
    ],
    justifications: [],
  };
}

/** A blank tender: one lot, no requirements yet, the usual Quality / Price / Social value split. */
export function blankContent(title: string): TenderContent {
  return buildContent({ title, summary: '', problem: '', users: '', outcomes: [], qualityQuestions: [] });
}
