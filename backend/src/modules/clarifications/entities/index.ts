import { ClarificationQuestion } from './clarification-question.entity';
import { TenderInterest } from './tender-interest.entity';

/** This module's entities, for src/entities.ts (processes without Nest) and this module's forFeature. */
export const CLARIFICATION_ENTITIES = [TenderInterest, ClarificationQuestion];

export { ClarificationQuestion, TenderInterest };
