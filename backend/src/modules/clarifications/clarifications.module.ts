import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { PACK_CLARIFICATIONS } from '../tenders/pack-clarifications.port';
import { TendersModule } from '../tenders/tenders.module';
import { PackClarificationsAdapter } from './pack-clarifications.adapter';
import { ClarificationNotices } from './clarification-notices';
import { ClarificationsController } from './clarifications.controller';
import { ClarificationQuestion, TenderInterest } from './entities';
import { InterestRegister } from './interest-register';
import { InterestService } from './interest.service';
import { PublicClarificationsController } from './public-clarifications.controller';
import { PublishedClarificationsService } from './published-clarifications.service';
import { QuestionsService } from './questions.service';
import { TenderTimetables } from './tender-timetable';

/**
 * Owns registered interest and clarification questions (tender_interest, clarification_question). Reads tenders
 * through the tenders module, people through identity; tells people through notifications. Exports
 * `InterestRegister` (the responses module counts interest and registers it when a response is started).
 */
@Module({
  // Listed by name (not CLARIFICATION_ENTITIES): the architecture test reads this array from the source.
  imports: [TypeOrmModule.forFeature([TenderInterest, ClarificationQuestion]), TendersModule, IdentityModule, NotificationsModule],
  controllers: [ClarificationsController, PublicClarificationsController],
  providers: [
    TenderTimetables,
    InterestRegister,
    InterestService,
    QuestionsService,
    PublishedClarificationsService,
    ClarificationNotices,
    // Annex A of the tender pack: the tenders module looks this up through its port (it cannot import this module).
    { provide: PACK_CLARIFICATIONS, useClass: PackClarificationsAdapter },
  ],
  exports: [InterestRegister],
})
export class ClarificationsModule {}
