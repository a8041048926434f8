import type { CriterionType, TieBreakRule } from '@openbrief/contracts';
import type { PriceScoringSettings, YearCost } from '../price/price-scoring';
import { fieldOutcome } from './outcome';
import { scoreField } from './scored-field';

export { ScoringInputError } from './criteria-tree';
export { sensitivity, type Sensitivity, type SensitivityOptions } from './sensitivity';

/** A criterion of the tree: weight is a percentage of its parent (siblings add to 100). */
export interface ScoringCriterion {
  id: string;
  parentId: string | null;
  name: string;
  type: CriterionType;
  weight: number;
}

export interface ScoringModel {
  /** The scale's maximum (4, 10 or 100). */
  scaleMax: number;
  criteria: readonly ScoringCriterion[];
  /** Bids below this percentage of the quality (and social value) marks available are disqualified; null: none. */
  minimumQualityPercent: number | null;
  /** Price settings; `weight` is ignored here (the price criterion's effective weight is used). */
  price: Omit<PriceScoringSettings, 'weight'>;
  tieBreak: TieBreakRule;
  /** Totals this many points apart or closer are flagged as a near-tie. */
  nearTieMargin: number;
  /** ISO 4217 code for prices in the tie-break texts (default GBP). */
  currency?: string;
}

export interface ScoredBid {
  id: string;
  /** How texts name the bid ("Response B", or the supplier's name); default: the id. */
  label?: string;
  /** Moderated score of each scored (non-price) leaf criterion, keyed by criterion id; a missing score counts as 0. */
  scores: Readonly<Record<string, number>>;
  price: number;
  costs?: YearCost[];
  /** Already disqualified at a gate (pass/fail, abnormally low rejected): the reason; not ranked. */
  disqualified?: string | null;
}

export interface RankedBid {
  id: string;
  rank: number | null;
  total: number;
  qualityTotal: number;
  priceScore: number | null;
  pricePerQualityPoint: number | null;
  evaluatedPrice: number;
  /** Points per criterion id (leaves and parents). */
  subtotals: Record<string, number>;
  disqualified: string | null;
  tieBreak: string | null;
  nearTie: boolean;
}

export interface EvaluationOutcome {
  /** Effective weight (percent of the whole) per criterion id. */
  effectiveWeights: Record<string, number>;
  /** Best first; disqualified bids last, unranked. */
  ranking: RankedBid[];
}

/** Weighted totals, threshold, ranking, ties and near-ties. The same inputs in any order give the same outcome. */
export function evaluateBids(model: ScoringModel, bids: readonly ScoredBid[]): EvaluationOutcome {
  return fieldOutcome(model, scoreField(model, bids));
}
