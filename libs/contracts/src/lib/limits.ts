import type {
  ChangeTenderStatusRequest,
  Contact,
  ContractTerms,
  CreateTenderRequest,
  CriterionContent,
  FindingJustification,
  LotContent,
  Measure,
  PublishTenderRequest,
  RequirementContent,
  ScaleDescriptor,
  TenderContent,
} from './tenders';

type Limits<T> = { readonly [K in keyof T]?: number };

/**
 * The longest text, in characters after trimming, that a tender may hold in each field: the one
 * definition the API's DTOs, the database columns, the clamping of live edits and the editor's
 * counters all read. Each group is keyed by the property names of the content type it limits, so a
 * renamed property fails to compile here rather than leaving a limit behind.
 */
export const TEXT_LIMITS = {
  tender: {
    title: 200,
    summary: 2000,
    problem: 5000,
    users: 5000,
    workDone: 5000,
    constraints: 5000,
    location: 200,
    singleLotReason: 2000,
    engagementSummary: 2000,
    noEngagementReason: 2000,
  } satisfies Limits<TenderContent>,
  contract: { extensionOptions: 1000 } satisfies Limits<ContractTerms>,
  contact: { name: 200, email: 254, phone: 40 } satisfies Limits<Contact>,
  lot: { title: 200, description: 5000 } satisfies Limits<LotContent>,
  requirement: {
    heading: 200,
    outcome: 2000,
    whyItMatters: 2000,
    roomForProposals: 2000,
    justification: 2000,
  } satisfies Limits<RequirementContent>,
  measure: { description: 1000, baseline: 200, target: 200, unit: 60 } satisfies Limits<Measure>,
  criterion: { name: 200, description: 2000 } satisfies Limits<CriterionContent>,
  scaleDescriptor: { label: 100, description: 1000 } satisfies Limits<ScaleDescriptor>,
  /** A buyer's reason for keeping a checker finding. */
  justification: { rule: 100, text: 2000 } satisfies Limits<FindingJustification>,
  createTender: { title: 200, templateId: 50 } satisfies Limits<CreateTenderRequest>,
  /** The corrigendum note bidders read with version 2 onwards. */
  publish: { changeNote: 5000 } satisfies Limits<PublishTenderRequest>,
  statusChange: { reason: 2000 } satisfies Limits<ChangeTenderStatusRequest>,
} as const;

export type TextLimitGroup = keyof typeof TEXT_LIMITS;
