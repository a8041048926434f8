import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClarificationsModule } from '../clarifications/clarifications.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { TendersModule } from '../tenders/tenders.module';
import { VaultModule } from '../vault/vault.module';
import { ResponseAttachments } from './attachments/response-attachments.service';
import { BidCounts } from './bid-counts';
import { DeadlineReminders } from './deadline-reminders';
import { ResponseDrafts } from './drafts/response-drafts.service';
import { ResponseAttachmentRow, ResponseOpeningRow, ResponseSubmissionRow, SupplierResponseRow } from './entities';
import { OpenedResponses } from './opening/opened-responses';
import { ResponseOpening } from './opening/response-opening.service';
import { OpeningController } from './opening.controller';
import { ResponseOutcomeLookup } from './response-outcomes.port';
import { ResponseTenders } from './response-tenders';
import { ResponseViews } from './response-views';
import { ResponsesController } from './responses.controller';
import { ResponseSeal } from './sealing/response-seal';
import { Submissions } from './submission/submissions.service';

/**
 * Owns suppliers' responses, their submissions, attachments and the opening (supplier_response,
 * response_submission, response_attachment, response_opening). Everything a supplier writes is sealed by the
 * vault under the response's own key; the buying team sees counts until it opens the responses after the
 * deadline. Others read opened responses through `OpenedResponses`.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([SupplierResponseRow, ResponseAttachmentRow, ResponseSubmissionRow, ResponseOpeningRow]),
    TendersModule,
    IdentityModule,
    VaultModule,
    ClarificationsModule,
    NotificationsModule,
  ],
  controllers: [ResponsesController, OpeningController],
  providers: [
    ResponseTenders,
    ResponseSeal,
    ResponseViews,
    // The award module provides the outcomes through this port (it depends on this module, so cannot be imported).
    ResponseOutcomeLookup,
    ResponseDrafts,
    ResponseAttachments,
    Submissions,
    ResponseOpening,
    OpenedResponses,
    DeadlineReminders,
    BidCounts,
  ],
  exports: [OpenedResponses, DeadlineReminders, BidCounts],
})
export class ResponsesModule {}
