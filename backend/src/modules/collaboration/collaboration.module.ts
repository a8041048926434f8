import { Module } from '@nestjs/common';
import { IdentityModule } from '../identity/identity.module';
import { TendersModule } from '../tenders/tenders.module';
import { CollabStore } from './collab-store';
import { CollaborationService } from './collaboration.service';

@Module({
  imports: [IdentityModule, TendersModule],
  providers: [CollabStore, CollaborationService],
  exports: [CollaborationService],
})
export class CollaborationModule {}
