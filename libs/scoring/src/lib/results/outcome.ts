import { rankBids } from './ranking';
import type { EvaluationOutcome, RankedBid, ScoringModel } from './results';
import type { ScoredField } from './scored-field';

/** The outcome of a scored field: placings, subtotals through the tree, disqualified bids last. */
export function fieldOutcome(model: ScoringModel, field: ScoredField): EvaluationOutcome {
  const { tree } = field;
  const placings = rankBids(field.qualifying, {
    byPricePerQualityPoint: field.byPricePerQualityPoint,
    tieBreak: model.tieBreak,
    nearTieMargin: model.nearTieMargin,
    currency: model.currency ?? 'GBP',
  });
  const ranked = [
    ...placings,
    ...field.bids.filter((b) => b.disqualified !== null).map((b) => ({ id: b.id, rank: null, tieBreak: null, nearTie: false })),
  ];
  const byId = new Map(field.bids.map((b) => [b.id, b]));
  const ranking = ranked.map((p): RankedBid => {
    const b = byId.get(p.id)!;
    const subtotals: Record<string, number> = {};
    tree.leaves.forEach((leaf, i) => {
      subtotals[leaf.id] = leaf === tree.priceLeaf ? (b.priceScore ?? 0) : b.shares[i] * tree.effectiveWeights[leaf.id];
    });
    for (const c of tree.postOrder) {
      const kids = tree.children.get(c.id);
      if (kids) subtotals[c.id] = kids.reduce((s, k) => s + subtotals[k.id], 0);
    }
    return {
      id: b.id,
      rank: p.rank,
      total: b.total,
      qualityTotal: b.qualityTotal,
      priceScore: b.priceScore,
      pricePerQualityPoint: b.pricePerQualityPoint,
      evaluatedPrice: b.evaluatedPrice,
      subtotals,
      disqualified: b.disqualified,
      tieBreak: p.tieBreak,
      nearTie: p.nearTie,
    };
  });
  return { effectiveWeights: { ...tree.effectiveWeights }, ranking };
}
