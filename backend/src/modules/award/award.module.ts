import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentsModule } from '../documents/documents.module';
import { EvaluationModule } from '../evaluation/evaluation.module';
import { IdentityModule } from '../identity/identity.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { RESPONSE_OUTCOMES } from '../responses/response-outcomes.port';
import { ResponsesModule } from '../responses/responses.module';
import { TendersModule } from '../tenders/tenders.module';
import { AwardNotices } from './award-notices';
import { AwardPanels } from './award-panels';
import { AwardController } from './award.controller';
import { AwardDecisions } from './award.service';
import { AssessmentSummaryRow, AwardDecisionRow, PriceInvestigationRow } from './entities';
import { EvaluationReports } from './report/evaluation-report.service';
import { ResponseOutcomesAdapter } from './response-outcomes.adapter';
import { Results } from './results/results.service';
import { AssessmentSummaries } from './summaries/assessment-summaries.service';
import { SupplierSummaryController } from './supplier-summary.controller';
import { TenderAwarding } from './tender-awarding';

/**
 * Price scores, results and sensitivity, the award decision, assessment summaries, standstill and the evaluation
 * report (issue 13). Owns price_investigation, award_decision and assessment_summary; reads the evaluation only
 * through `PanelRecords`, stores PDFs through the documents module and moves the tender through the tenders module.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([PriceInvestigationRow, AwardDecisionRow, AssessmentSummaryRow]),
    EvaluationModule,
    TendersModule,
    ResponsesModule,
    DocumentsModule,
    IdentityModule,
    NotificationsModule,
  ],
  controllers: [AwardController, SupplierSummaryController],
  providers: [
    AwardPanels,
    Results,
    AwardDecisions,
    AssessmentSummaries,
    EvaluationReports,
    TenderAwarding,
    // The supplier's response page shows its outcome: the responses module looks this up through its port.
    { provide: RESPONSE_OUTCOMES, useClass: ResponseOutcomesAdapter },
    AwardNotices,
  ],
  exports: [AwardNotices],
})
export class AwardModule {}
