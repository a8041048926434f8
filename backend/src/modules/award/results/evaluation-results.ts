import type { EvaluationResults, PriceResult, ResponseTotal, SensitivityResult } from '@openbrief/contracts';
import {
  abnormallyLowPrices,
  evaluateBids,
  type EvaluationOutcome,
  SCORING_VERSION,
  type ScoredBid,
  sensitivity,
} from '@openbrief/scoring';
import type { PanelRecord } from '../../evaluation/panel-record';
import { SENSITIVITY_SETTINGS } from '../award-limits';
import type { PriceInvestigationRow } from '../entities';
import { gateDisqualifications, scoredBids, scoringModel, seedFor } from './scoring-inputs';

/** Everything the results, the award and the summaries read, computed once from the panel's records. */
export interface ComputedResults {
  results: EvaluationResults;
  outcome: EvaluationOutcome;
  /** Abnormally low flags (response id → reason), whatever their investigation. */
  flags: Map<string, string>;
}

/** The result of a lot: weighted totals, ranking, prices with their flags, and sensitivity. Pure: same records, same figures. */
export function computeResults(record: PanelRecord, investigations: readonly PriceInvestigationRow[]): ComputedResults {
  const model = scoringModel(record);
  const disqualified = gateDisqualifications(record, investigations);
  const { bids, complete } = scoredBids(record, disqualified);
  const outcome = evaluateBids(model, bids);
  const flags = abnormallyLowFlags(record);
  const names = new Map(record.bidders.map((b) => [b.responseId, b.supplierName]));
  const criteria = record.lot.evaluationModel.criteria;
  return {
    outcome,
    flags,
    results: {
      panelId: record.panelId,
      complete,
      priceMethod: model.price.method,
      tieBreakRule: model.tieBreak,
      criteria: criteria.map((c) => ({
        id: c.id,
        parentId: c.parentId,
        name: c.name,
        type: c.type,
        effectiveWeight: outcome.effectiveWeights[c.id] ?? 0,
      })),
      totals: outcome.ranking.map((r): ResponseTotal => ({
        responseId: r.id,
        supplierName: names.get(r.id) ?? '',
        rank: r.rank,
        total: r.total,
        qualityTotal: r.qualityTotal,
        priceScore: r.priceScore,
        pricePerQualityPoint: r.pricePerQualityPoint,
        subtotals: r.subtotals,
        disqualified: r.disqualified,
        tieBreak: r.tieBreak,
        nearTie: r.nearTie,
      })),
      prices: priceResults(record, outcome, flags, investigations),
      sensitivity: sensitivityOf(record, model, bids, outcome),
      scoringVersion: SCORING_VERSION,
    },
  };
}

/**
 * Flags among the bids still in after the evaluation's gates, on the price each bid totals (what the estimate
 * is comparable with). A rejection here does not move the average, so one flag never raises or clears another.
 */
function abnormallyLowFlags(record: PanelRecord): Map<string, string> {
  const failed = gateDisqualifications(record, []);
  const inPlay = record.bidders.filter((b) => !failed.has(b.responseId)).map((b) => ({ id: b.responseId, price: b.price.total }));
  const flags = abnormallyLowPrices(inPlay, {
    percent: record.lot.evaluationModel.rules.abnormallyLowPercent,
    estimate: record.lot.estimatedValue,
    currency: record.tender.budget.currency,
  });
  return new Map(flags.map((f) => [f.id, f.reason]));
}

function priceResults(
  record: PanelRecord,
  outcome: EvaluationOutcome,
  flags: ReadonlyMap<string, string>,
  investigations: readonly PriceInvestigationRow[],
): PriceResult[] {
  return [...record.bidders]
    .sort((a, b) => a.label.localeCompare(b.label))
    .map((bidder) => {
      const ranked = outcome.ranking.find((r) => r.id === bidder.responseId);
      const reason = flags.get(bidder.responseId);
      const investigation = investigations.find((i) => i.responseId === bidder.responseId);
      return {
        responseId: bidder.responseId,
        label: bidder.label,
        supplierName: bidder.supplierName,
        evaluatedPrice: ranked?.evaluatedPrice ?? bidder.price.total,
        score: ranked?.disqualified ? null : (ranked?.priceScore ?? null),
        abnormallyLow: reason
          ? {
              reason,
              investigation: investigation
                ? {
                    outcome: investigation.outcome,
                    note: investigation.note,
                    recordedBy: investigation.recordedByName,
                    recordedAt: investigation.recordedAt.toISOString(),
                  }
                : null,
            }
          : null,
      };
    });
}

function sensitivityOf(
  record: PanelRecord,
  model: ReturnType<typeof scoringModel>,
  bids: ScoredBid[],
  outcome: EvaluationOutcome,
): SensitivityResult | null {
  // With fewer than two ranked bids there is no winner to change.
  if (outcome.ranking.filter((r) => r.rank !== null).length < 2) return null;
  const s = sensitivity(model, bids, { ...SENSITIVITY_SETTINGS, seed: seedFor(record.panelId) });
  const change = s.smallestChange;
  const criterion = change && record.lot.evaluationModel.criteria.find((c) => c.id === change.criterionId);
  const leader = change && record.bidders.find((b) => b.responseId === change.newLeader);
  return {
    smallestChange: change
      ? {
          criterionId: change.criterionId,
          criterionName: criterion?.name ?? '',
          from: change.from,
          to: change.to,
          newLeader: leader?.supplierName ?? '',
        }
      : null,
    draws: SENSITIVITY_SETTINGS.draws,
    perturbation: SENSITIVITY_SETTINGS.perturbation,
    winShare: s.winShare,
    pointsLost: s.pointsLost,
  };
}
