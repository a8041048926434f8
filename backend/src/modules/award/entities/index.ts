import { AssessmentSummaryRow } from './assessment-summary.entity';
import { AwardDecisionRow } from './award-decision.entity';
import { PriceInvestigationRow } from './price-investigation.entity';

/** This module's entities, for src/entities.ts (processes without Nest) and this module's forFeature. */
export const AWARD_ENTITIES = [PriceInvestigationRow, AwardDecisionRow, AssessmentSummaryRow];

export { AssessmentSummaryRow, AwardDecisionRow, PriceInvestigationRow };
export type { SummaryContent } from './assessment-summary.entity';
