import { PriceMethod } from '@openbrief/contracts';
import { formatPercentDown } from '../price/format';
import { evaluatedPrice, priceReference, priceShare } from '../price/price-scoring';
import { criteriaTree, ScoringInputError, type CriteriaTree } from './criteria-tree';
import type { ScoredBid, ScoringModel } from './results';

/** One bid with everything the ranking and the sensitivity analysis read. */
export interface FieldBid {
  id: string;
  label: string;
  /** Per leaf (tree.leaves order): the share of that leaf's weight earned, 0–1 (price: the price share). */
  shares: number[];
  qualityTotal: number;
  evaluatedPrice: number;
  priceScore: number | null;
  total: number;
  pricePerQualityPoint: number | null;
  disqualified: string | null;
}

export interface ScoredField {
  tree: CriteriaTree;
  /** Every bid, in id order. */
  bids: FieldBid[];
  /** The bids that are ranked, in id order. */
  qualifying: FieldBid[];
  /** Ranked by price ÷ quality total instead of the total. */
  byPricePerQualityPoint: boolean;
  /** Sum of the quality (and social value) leaves' effective weights. */
  qualityAvailable: number;
}

function check(model: ScoringModel): void {
  if (!(Number.isFinite(model.scaleMax) && model.scaleMax > 0))
    throw new ScoringInputError(`The scale maximum must be more than 0 (got ${model.scaleMax}).`);
  const min = model.minimumQualityPercent;
  if (min !== null && !(Number.isFinite(min) && min >= 0 && min <= 100)) {
    throw new ScoringInputError(`The minimum quality must be between 0% and 100% (got ${min}).`);
  }
  if (!(Number.isFinite(model.nearTieMargin) && model.nearTieMargin >= 0)) {
    throw new ScoringInputError(`The near-tie margin must be 0 or more (got ${model.nearTieMargin}).`);
  }
}

/** Scores every bid on every leaf, applies the quality threshold and scores prices among the qualifying bids. */
export function scoreField(model: ScoringModel, input: readonly ScoredBid[]): ScoredField {
  check(model);
  const tree = criteriaTree(model.criteria);
  const { effectiveWeights: eff, leaves, qualityLeaves, priceLeaf } = tree;
  const sorted = [...input].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].id === sorted[i - 1].id) throw new ScoringInputError(`Bid ${sorted[i].id} appears twice.`);
  }
  const qualityAvailable = qualityLeaves.reduce((s, c) => s + eff[c.id], 0);
  const ppqp = model.price.method === PriceMethod.PricePerQualityPoint;
  const bids: FieldBid[] = sorted.map((bid) => {
    const shares = leaves.map((leaf) => {
      if (leaf === priceLeaf) return 0;
      // A score not yet moderated counts as 0: the results say they are provisional until every score is in.
      const score = bid.scores[leaf.id] ?? 0;
      if (!(Number.isFinite(score) && score >= 0 && score <= model.scaleMax)) {
        throw new ScoringInputError(`Bid ${bid.id} has a score of ${score} on criterion ${leaf.id}, outside 0 to ${model.scaleMax}.`);
      }
      return score / model.scaleMax;
    });
    let qualityTotal = 0;
    leaves.forEach((leaf, i) => {
      if (leaf !== priceLeaf) qualityTotal += shares[i] * eff[leaf.id];
    });
    const price = evaluatedPrice(model.price.method, bid, model.price.parameters.discountRatePercent);
    let disqualified = bid.disqualified ?? null;
    const min = model.minimumQualityPercent;
    if (disqualified === null && min !== null && qualityAvailable > 0) {
      const percent = (qualityTotal / qualityAvailable) * 100;
      if (percent < min - 1e-9) {
        disqualified = `Scored ${formatPercentDown(percent)} of the quality marks; the tender’s minimum is ${min}%.`;
      }
    }
    return {
      id: bid.id,
      label: bid.label ?? bid.id,
      shares,
      qualityTotal,
      evaluatedPrice: price,
      priceScore: null,
      total: qualityTotal,
      pricePerQualityPoint: null,
      disqualified,
    };
  });
  const qualifying = bids.filter((b) => b.disqualified === null);
  // Prices are scored among the qualifying bids only: a disqualified bid sets neither the lowest nor the average.
  if (qualifying.length > 0) {
    const reference = priceReference(qualifying.map((b) => b.evaluatedPrice));
    const priceIndex = priceLeaf ? leaves.indexOf(priceLeaf) : -1;
    for (const b of qualifying) {
      const share = priceShare(model.price, b.evaluatedPrice, reference);
      if (ppqp) b.pricePerQualityPoint = b.qualityTotal > 0 ? b.evaluatedPrice / b.qualityTotal : null;
      if (share === null || !priceLeaf) continue;
      b.shares[priceIndex] = share;
      b.priceScore = share * eff[priceLeaf.id];
      b.total = b.qualityTotal + b.priceScore;
    }
  }
  return { tree, bids, qualifying, byPricePerQualityPoint: ppqp, qualityAvailable };
}
