import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ResponsesModule } from '../responses/responses.module';
import { TendersModule } from '../tenders/tenders.module';
import { ConflictDeclarationRow, ConsensusScoreRow, EvaluationPanelRow, GateDecisionRow, IndividualScoreRow } from './entities';
import { EvaluationController } from './evaluation.controller';
import { ModerationService } from './moderation.service';
import { PanelMemberController } from './panel-member.controller';
import { PanelRecords } from './panel-records.service';
import { PanelsService } from './panels.service';
import { ScoringService } from './scoring.service';

/**
 * Owns evaluation_panel, conflict_declaration, gate_decision, individual_score and consensus_score: panels, conflict
 * declarations, gates, blind individual scoring and moderation of a lot's opened responses (issue 13). The award
 * module reads them through `PanelRecords`.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([EvaluationPanelRow, ConflictDeclarationRow, GateDecisionRow, IndividualScoreRow, ConsensusScoreRow]),
    IdentityModule,
    NotificationsModule,
    ResponsesModule,
    TendersModule,
  ],
  controllers: [EvaluationController, PanelMemberController],
  providers: [PanelRecords, PanelsService, ScoringService, ModerationService],
  exports: [PanelRecords],
})
export class EvaluationModule {}
