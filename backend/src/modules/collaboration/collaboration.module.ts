import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { LIVE_DRAFTS } from '../tenders/live-drafts.port';
import { TendersModule } from '../tenders/tenders.module';
import { CollabStore } from './collab-store';
import { CollaborationService } from './collaboration.service';
import { AuthenticationExtension } from './extensions/authentication.extension';
import { DurableLogExtension } from './extensions/durable-log.extension';
import { ProjectionExtension } from './extensions/projection.extension';
import { LiveDraftsAdapter } from './live-drafts.adapter';
import { OpenDocuments } from './open-documents';
import { RestEditsSubscriber } from './rest-edits.subscriber';

/**
 * Live co-editing. Depends on tenders (never the other way round): it implements the tenders module's
 * LiveDrafts port and hears its TenderSaved events.
 */
@Module({
  imports: [IdentityModule, TendersModule],
  providers: [
    CollabStore,
    OpenDocuments,
    AuthenticationExtension,
    ProjectionExtension,
    DurableLogExtension,
    CollaborationService,
    RestEditsSubscriber,
    LiveDraftsAdapter,
    { provide: LIVE_DRAFTS, useExisting: LiveDraftsAdapter },
  ],
  exports: [CollaborationService],
})
export class CollaborationModule {}
