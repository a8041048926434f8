import { CriterionType, Procedure, RequirementKind, RequirementPriority } from '@openbrief/contracts';

/** Plain-English names for the tender model's codes, as suppliers should read them. */
export const PROCEDURE_LABELS: Record<Procedure, string> = {
  [Procedure.Open]: 'Open procedure – any supplier can bid',
  [Procedure.CompetitiveFlexible]: 'Competitive flexible procedure',
  [Procedure.FrameworkCallOff]: 'Call-off from a framework',
  [Procedure.BelowThreshold]: 'Below-threshold (simpler) procedure',
};

export const KIND_LABELS: Record<RequirementKind, string> = {
  [RequirementKind.Outcome]: 'Outcome',
  [RequirementKind.Constraint]: 'Constraint',
  [RequirementKind.Mandatory]: 'Must meet (pass or fail)',
};

export const PRIORITY_LABELS: Record<RequirementPriority, string> = {
  [RequirementPriority.Essential]: 'Essential',
  [RequirementPriority.Desirable]: 'Desirable',
};

export const CRITERION_TYPE_LABELS: Record<CriterionType, string> = {
  [CriterionType.Quality]: 'Quality',
  [CriterionType.Price]: 'Price',
  [CriterionType.SocialValue]: 'Social value',
};
