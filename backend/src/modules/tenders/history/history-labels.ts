import {
  MAIN_CATEGORY_FIELD,
  PriceMethod,
  Procedure,
  RequirementKind,
  REGIONS_FIELD,
  RequirementPriority,
  ScoringScale,
  TENDER_FIELDS,
  TIMETABLE_LABELS,
  type Timetable,
  VatBasis,
} from '@openbrief/contracts';
import { PRICE_METHODS } from '@openbrief/scoring';

/**
 * The words the history uses for each part of a tender. Text fields take their labels from the field
 * registry the editors use (TENDER_FIELDS), so a buyer meets the same words in both places; the parts the
 * registry does not describe (money, dates, lots, criteria) are named here.
 */
export const TOP_LEVEL_LABELS = {
  title: TENDER_FIELDS.title.label,
  summary: TENDER_FIELDS.summary.label,
  problem: TENDER_FIELDS.problem.label,
  users: TENDER_FIELDS.users.label,
  workDone: TENDER_FIELDS.workDone.label,
  constraints: TENDER_FIELDS.constraints.label,
  location: 'Location',
  mainCategory: MAIN_CATEGORY_FIELD.label,
  regions: REGIONS_FIELD.label,
  procedure: 'Procedure',
  estimatedValue: 'Estimated value',
  singleLotReason: 'Why the tender is not divided into lots',
  engagementSummary: TENDER_FIELDS.engagementSummary.label,
  noEngagementReason: TENDER_FIELDS.noEngagementReason.label,
} as const;

/** Parts of a requirement, as "Requirement 1.2: <label>". */
export const REQUIREMENT_LABELS = {
  heading: lower(TENDER_FIELDS.heading.label),
  kind: 'type and priority',
  outcome: lower(TENDER_FIELDS.outcome.label),
  whyItMatters: lower(TENDER_FIELDS.whyItMatters.label),
  measure: 'how success is measured',
  baseline: lower(TENDER_FIELDS.baseline.label),
  target: lower(TENDER_FIELDS.target.label),
  unit: lower(TENDER_FIELDS.unit.label),
  roomForProposals: lower(TENDER_FIELDS.roomForProposals.label),
  justification: lower(TENDER_FIELDS.justification.label),
  position: 'moved',
} as const;

export const PROCEDURE_LABELS: Record<Procedure, string> = {
  [Procedure.Open]: 'Open procedure',
  [Procedure.CompetitiveFlexible]: 'Competitive flexible procedure',
  [Procedure.FrameworkCallOff]: 'Call-off from a framework',
  [Procedure.BelowThreshold]: 'Below-threshold procedure',
};

export const KIND_LABELS: Record<RequirementKind, string> = {
  [RequirementKind.Outcome]: 'Outcome',
  [RequirementKind.Constraint]: 'Constraint',
  [RequirementKind.Mandatory]: 'Must meet (pass or fail)',
};

export const PRIORITY_LABELS: Record<RequirementPriority, string> = {
  [RequirementPriority.Essential]: 'essential',
  [RequirementPriority.Desirable]: 'desirable',
};

export const SCALE_LABELS: Record<ScoringScale, string> = {
  [ScoringScale.ZeroToFour]: 'scores from 0 to 4',
  [ScoringScale.ZeroToTen]: 'scores from 0 to 10',
  [ScoringScale.ZeroToHundred]: 'scores from 0 to 100',
};

/** The price method as the history names it, in the scoring library's words (the editor and the pack use the same). */
export function priceMethodLabel(method: PriceMethod): string {
  return PRICE_METHODS[method]?.phrase ?? method;
}

export const VAT_LABELS: Record<VatBasis, string> = {
  [VatBasis.ExcludingVat]: 'excluding VAT',
  [VatBasis.IncludingVat]: 'including VAT',
};

export function timetableLabel(key: string): string {
  return TIMETABLE_LABELS[key as keyof Timetable] ?? key;
}

/**
 * Revisions saved before the history spoke the buyer's language keep the labels stored with them
 * ("Timetable: submissionDeadline", "Requirement 1.2 position"): they are translated when read.
 */
export function currentLabel(stored: string): string {
  const timetable = /^Timetable: (\w+)((?: \((?:added|removed)\))?)$/.exec(stored);
  if (timetable) return `${timetableLabel(timetable[1])}${timetable[2]}`;
  const part =
    /^(Requirement \d+\.\d+) (position|kind|heading|outcome|why it matters|measure|room for proposals|justification)((?: \((?:added|removed)\))?)$/.exec(
      stored,
    );
  if (part) {
    const legacy: Record<string, string> = {
      position: REQUIREMENT_LABELS.position,
      kind: REQUIREMENT_LABELS.kind,
      heading: REQUIREMENT_LABELS.heading,
      outcome: REQUIREMENT_LABELS.outcome,
      'why it matters': REQUIREMENT_LABELS.whyItMatters,
      measure: REQUIREMENT_LABELS.measure,
      'room for proposals': REQUIREMENT_LABELS.roomForProposals,
      justification: REQUIREMENT_LABELS.justification,
    };
    return `${part[1]}: ${legacy[part[2]]}${part[3]}`;
  }
  const legacyTop: Record<string, string> = {
    'Work already done': TOP_LEVEL_LABELS.workDone,
    'Existing constraints': TOP_LEVEL_LABELS.constraints,
    'The problem': TOP_LEVEL_LABELS.problem,
    'Who the users are': TOP_LEVEL_LABELS.users,
    'Reason for a single lot': TOP_LEVEL_LABELS.singleLotReason,
    'Contract length (months)': 'Contract length',
  };
  return legacyTop[stored] ?? stored;
}

/** "What must be true?" → "what must be true?", for labels that follow "Requirement 1.2: ". */
function lower(label: string): string {
  return label.charAt(0).toLowerCase() + label.slice(1);
}
