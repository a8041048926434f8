import { type Criterion, CriterionType, PriceMethod, ScoringScale } from '@openbrief/contracts';
import { type ScoredBid, type ScoringModel, wholeLifeCosts } from '@openbrief/scoring';
import type { PanelRecord } from '../../evaluation/panel-record';
import type { PriceInvestigationRow } from '../entities';

export const SCALE_MAX: Record<ScoringScale, number> = {
  [ScoringScale.ZeroToFour]: 4,
  [ScoringScale.ZeroToTen]: 10,
  [ScoringScale.ZeroToHundred]: 100,
};

/** Criteria with no children that carry a score from the panel (price is scored by its formula instead). */
export function scoredLeaves(criteria: readonly Criterion[]): Criterion[] {
  return criteria.filter((c) => c.type !== CriterionType.Price && !criteria.some((child) => child.parentId === c.id));
}

export function scoringModel(record: PanelRecord): ScoringModel {
  const model = record.lot.evaluationModel;
  return {
    scaleMax: SCALE_MAX[model.scale],
    criteria: model.criteria.map((c) => ({ id: c.id, parentId: c.parentId, name: c.name, type: c.type, weight: c.weight })),
    minimumQualityPercent: model.minimumQualityPercent,
    price: { method: model.priceMethod, parameters: model.rules.price, budgetMax: record.tender.budget.max },
    tieBreak: model.rules.tieBreak,
    nearTieMargin: model.rules.nearTieMargin,
    currency: record.tender.budget.currency,
  };
}

/** Why each response is out before ranking: a failed gate recorded by the evaluation, or a price rejected after investigation. */
export function gateDisqualifications(record: PanelRecord, investigations: readonly PriceInvestigationRow[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const gate of record.gates) if (!gate.passed && !out.has(gate.responseId)) out.set(gate.responseId, gate.reason);
  for (const i of investigations) {
    if (i.outcome === 'rejected' && !out.has(i.responseId)) out.set(i.responseId, abnormallyLowRejection(i.note));
  }
  return out;
}

export const abnormallyLowRejection = (note: string) => `The price was rejected as abnormally low after investigation: ${note}`;

/**
 * Each bid as the scoring library takes it. A consensus score counts; while moderation is incomplete, an item
 * without one takes the mean of its submitted individual scores (0 with none), so the figures are provisional.
 */
export function scoredBids(record: PanelRecord, disqualified: ReadonlyMap<string, string>): { bids: ScoredBid[]; complete: boolean } {
  const leaves = scoredLeaves(record.lot.evaluationModel.criteria);
  const wholeLife = record.lot.evaluationModel.priceMethod === PriceMethod.WholeLifeCost;
  let complete = true;
  const bids = record.bidders.map((bidder): ScoredBid => {
    const out = disqualified.get(bidder.responseId) ?? null;
    const scores: Record<string, number> = {};
    for (const leaf of leaves) {
      const consensus = record.moderated.find((m) => m.responseId === bidder.responseId && m.criterionId === leaf.id);
      if (consensus) {
        scores[leaf.id] = consensus.score;
        continue;
      }
      if (!out) complete = false;
      const individual = record.scores.filter((s) => s.responseId === bidder.responseId && s.criterionId === leaf.id && s.score !== null);
      scores[leaf.id] = individual.length ? individual.reduce((sum, s) => sum + (s.score ?? 0), 0) / individual.length : 0;
    }
    return {
      id: bidder.responseId,
      // The buying team reads the results with the suppliers' names (blind marking is for evaluators only).
      label: bidder.supplierName,
      scores,
      price: bidder.price.total,
      // Recurring lines are spread over the contract's length (without one, nothing recurs).
      costs: wholeLife ? wholeLifeCosts(bidder.price.lines, record.tender.contractLengthMonths) : undefined,
      disqualified: out,
    };
  });
  return { bids, complete };
}

/** A fixed seed from the panel's id (FNV-1a, 32 bits): the same panel always draws the same perturbations. */
export function seedFor(panelId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < panelId.length; i++) {
    hash ^= panelId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
