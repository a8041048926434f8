import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type CurrentUser, type EvaluationReport, type GateResult, PanelStage } from '@openbrief/contracts';
import { renderEvaluationReport } from '@openbrief/documents';
import type { Repository } from 'typeorm';
import { Clock } from '../../../common/clock/clock';
import { AwardPanels } from '../award-panels';
import { decisionView } from '../award-views';
import { AwardDecisionRow, PriceInvestigationRow } from '../entities';
import { abnormallyLowRejection } from '../results/scoring-inputs';

/** The evaluation report for the file: everything recorded about the lot's evaluation, as a PDF. */
@Injectable()
export class EvaluationReports {
  constructor(
    @InjectRepository(AwardDecisionRow) private readonly decisions: Repository<AwardDecisionRow>,
    private readonly panels: AwardPanels,
    private readonly clock: Clock,
  ) {}

  async pdf(user: CurrentUser, panelId: string): Promise<{ fileName: string; pdf: Buffer }> {
    const m = this.decisions.manager;
    const record = await this.panels.load(m, user, panelId, 'evaluation.read');
    const { results } = await this.panels.compute(m, record);
    const decision = await m.findOneBy(AwardDecisionRow, { panelId });
    const investigations = await m.findBy(PriceInvestigationRow, { panelId });
    // Price investigations are gates of their own in the file: accepted ones passed, rejected ones disqualified.
    const priceGates = investigations.map((i): GateResult => ({
      responseId: i.responseId,
      requirementId: null,
      gate: 'abnormally-low',
      passed: i.outcome === 'accepted',
      reason:
        i.outcome === 'rejected' ? abnormallyLowRejection(i.note) : `The price was investigated as abnormally low and accepted: ${i.note}`,
      decidedBy: i.recordedByName,
      decidedAt: i.recordedAt.toISOString(),
    }));
    const model = record.lot.evaluationModel;
    const report: EvaluationReport = {
      tender: { id: record.tender.id, reference: record.tender.reference, title: record.tender.title, buyerName: record.tender.buyerName },
      lot: { id: record.lot.id, number: record.lot.number, title: record.lot.title },
      generatedAt: this.clock.now().toISOString(),
      scale: model.scale,
      descriptors: model.descriptors,
      panel: {
        ...record.panel,
        stage: decision ? PanelStage.Awarded : record.panel.stage,
        gates: [...record.panel.gates, ...priceGates],
      },
      moderation: record.moderation,
      results,
      award: decision && decisionView(decision),
    };
    const pdf = await renderEvaluationReport(report);
    return { fileName: `evaluation-report-${record.tender.reference}-lot-${record.lot.number}.pdf`, pdf };
  }
}
