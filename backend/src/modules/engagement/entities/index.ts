import { EngagementFeedbackRow } from './engagement-feedback.entity';
import { EngagementRegistrationRow } from './engagement-registration.entity';
import { EngagementRow } from './engagement.entity';

/** This module's entities, for src/entities.ts (processes without Nest) and this module's forFeature. */
export const ENGAGEMENT_ENTITIES: Function[] = [EngagementRow, EngagementFeedbackRow, EngagementRegistrationRow];

export { EngagementFeedbackRow, EngagementRegistrationRow, EngagementRow };
