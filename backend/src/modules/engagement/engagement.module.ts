import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TendersModule } from '../tenders/tenders.module';
import { EngagementNotices } from './engagement-notices';
import { EngagementParticipation } from './engagement-participation.service';
import { EngagementController } from './engagement.controller';
import { EngagementService } from './engagement.service';
import { EngagementFeedbackRow, EngagementRegistrationRow, EngagementRow } from './entities';
import { PublicEngagementsController } from './public-engagements.controller';
import { SupplierEngagementController } from './supplier-engagement.controller';

/**
 * Preliminary market engagement (issue 15): a buyer publishes draft outcomes before the tender, suppliers
 * comment, propose alternatives and register for the event, and the buyer adopts suggestions into the draft.
 * Owns engagement, engagement_feedback and engagement_registration; reads tenders through the tenders module.
 * Exports `EngagementNotices` (read-only: a tender's published notice, for the open data's planning release).
 */
@Module({
  // Listed by name (not ENGAGEMENT_ENTITIES): the architecture test reads this array from the source.
  imports: [TypeOrmModule.forFeature([EngagementRow, EngagementFeedbackRow, EngagementRegistrationRow]), TendersModule],
  controllers: [EngagementController, PublicEngagementsController, SupplierEngagementController],
  providers: [EngagementService, EngagementParticipation, EngagementNotices],
  exports: [EngagementNotices],
})
export class EngagementModule {}
