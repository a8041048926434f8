import { CriterionType, DEFAULT_PRICE_PARAMETERS, PriceMethod, TieBreakRule } from '@openbrief/contracts';
import { mulberry32, type ScoredBid, type ScoringCriterion, type ScoringModel } from '../src/index';

export interface BenchField {
  model: ScoringModel;
  bids: ScoredBid[];
}

/**
 * A lot as large as the target: `criteria` criteria (one price criterion worth 30%, the rest quality in three
 * groups), `responses` bids, each scored 0–4 by `evaluators` evaluators and moderated by taking the median.
 */
export function benchField(responses = 200, criteria = 40, evaluators = 5, seed = 13): BenchField {
  const random = mulberry32(seed);
  const groups = 3;
  const leaves = criteria - 1 - groups;
  const list: ScoringCriterion[] = [{ id: 'price', parentId: null, name: 'Price', type: CriterionType.Price, weight: 30 }];
  const groupWeights = [30, 25, 15];
  for (let g = 0; g < groups; g++)
    list.push({ id: `g${g}`, parentId: null, name: `Group ${g + 1}`, type: CriterionType.Quality, weight: groupWeights[g] });
  const perGroup = [0, 0, 0];
  for (let i = 0; i < leaves; i++) perGroup[i % groups]++;
  for (let i = 0; i < leaves; i++) {
    const g = i % groups;
    list.push({
      id: `q${String(i).padStart(2, '0')}`,
      parentId: `g${g}`,
      name: `Question ${i + 1}`,
      type: CriterionType.Quality,
      weight: 100 / perGroup[g],
    });
  }
  const leafIds = list.filter((c) => c.id.startsWith('q')).map((c) => c.id);
  const bids: ScoredBid[] = [];
  for (let r = 0; r < responses; r++) {
    const ability = 1.5 + 2 * random();
    const scores: Record<string, number> = {};
    for (const id of leafIds) {
      const marks = Array.from({ length: evaluators }, () => Math.max(0, Math.min(4, Math.round(ability + (random() - 0.5) * 2))));
      marks.sort((a, b) => a - b);
      scores[id] = marks[evaluators >> 1];
    }
    bids.push({ id: `r${String(r).padStart(3, '0')}`, scores, price: Math.round(80_000 + 60_000 * random() + 10_000 * ability) });
  }
  const model: ScoringModel = {
    scaleMax: 4,
    criteria: list,
    minimumQualityPercent: 40,
    price: { method: PriceMethod.Proportional, parameters: DEFAULT_PRICE_PARAMETERS, budgetMax: 200_000 },
    tieBreak: TieBreakRule.HigherQuality,
    nearTieMargin: 1,
  };
  return { model, bids };
}
