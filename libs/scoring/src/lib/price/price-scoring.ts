import { PriceMethod, type PriceParameters } from '@openbrief/contracts';
import { PriceScoringError } from './price-scoring.error';
import { discountedCost } from './whole-life-cost';

/** A cost in one year of the contract (year 0: at the start), for whole-life cost. */
export interface YearCost {
  year: number;
  amount: number;
}

/** A bid's price as the price methods see it. */
export interface PricedBid {
  id: string;
  /** The total price. */
  price: number;
  /** whole_life_cost: the costs by year (their discounted sum is the evaluated price); else ignored. */
  costs?: YearCost[];
}

export interface PriceScoringSettings {
  method: PriceMethod;
  /** Points available for price: the price criterion's effective weight. */
  weight: number;
  parameters: PriceParameters;
  /** The budget's maximum (linear_budget_to_floor's default ceiling); null if none. */
  budgetMax: number | null;
}

export interface PriceScore {
  id: string;
  /** The price compared: the total, or the discounted whole-life cost. */
  evaluatedPrice: number;
  /** Between 0 and the weight; null under price per quality point (price has no points of its own there). */
  score: number | null;
}

/** The field a price is compared with: the lowest and the average evaluated price of the qualifying bids. */
export interface PriceReference {
  lowest: number;
  average: number;
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));

/** The price both the editor's chart and the scoring compare: the total, or the discounted whole-life cost. */
export function evaluatedPrice(method: PriceMethod, bid: Omit<PricedBid, 'id'>, discountRatePercent: number): number {
  if (!(Number.isFinite(bid.price) && bid.price > 0)) throw new PriceScoringError(`A price must be more than 0 (got ${bid.price}).`);
  if (method !== PriceMethod.WholeLifeCost || !bid.costs || bid.costs.length === 0) return bid.price;
  const cost = discountedCost(bid.costs, discountRatePercent);
  if (!(cost > 0)) throw new PriceScoringError(`A whole-life cost must be more than 0 (got ${cost}).`);
  return cost;
}

/** linear_budget_to_floor's two ends, checked. */
export function linearRange(parameters: PriceParameters, budgetMax: number | null): { ceiling: number; floor: number } {
  const ceiling = parameters.ceilingPrice ?? budgetMax;
  const floor = parameters.floorPrice ?? 0;
  if (ceiling === null || !Number.isFinite(ceiling)) {
    throw new PriceScoringError('Linear price scoring needs a ceiling price or a budget maximum.');
  }
  if (!(ceiling > floor)) throw new PriceScoringError(`The ceiling price (${ceiling}) must be above the floor price (${floor}).`);
  return { ceiling, floor };
}

/**
 * The share of the price marks (0–1) a price earns against the field; null under price per quality point.
 * Every method is weight × this share, so the sensitivity analysis can vary the weight alone.
 */
export function priceShare(settings: Omit<PriceScoringSettings, 'weight'>, price: number, reference: PriceReference): number | null {
  const { lowest, average } = reference;
  switch (settings.method) {
    case PriceMethod.Proportional:
    case PriceMethod.WholeLifeCost:
      return clamp01(lowest / price);
    case PriceMethod.DifferenceFromLowest:
      return clamp01(1 - (price - lowest) / lowest);
    case PriceMethod.RelativeToAverage:
      return clamp01(0.5 + (average - price) / average);
    case PriceMethod.LinearBudgetToFloor: {
      const { ceiling, floor } = linearRange(settings.parameters, settings.budgetMax);
      return clamp01((ceiling - price) / (ceiling - floor));
    }
    case PriceMethod.Logarithmic: {
      const a = settings.parameters.logRatio;
      if (!(a > 1)) throw new PriceScoringError(`The log formula’s ratio A must be more than 1 (got ${a}).`);
      return clamp01(1 - Math.log(price / lowest) / Math.log(a));
    }
    case PriceMethod.PricePerQualityPoint:
      return null;
  }
  throw new PriceScoringError(`Unknown price method: ${String(settings.method)}.`);
}

/** Lowest and average of the evaluated prices, summed in a fixed order so the result never depends on input order. */
export function priceReference(prices: readonly number[]): PriceReference {
  const sorted = [...prices].sort((a, b) => a - b);
  const sum = sorted.reduce((s, p) => s + p, 0);
  return { lowest: sorted[0], average: sum / sorted.length };
}

/** Scores every bid's price by the tender's published method, against the bids given (the qualifying ones). */
export function priceScores(settings: PriceScoringSettings, bids: readonly PricedBid[]): PriceScore[] {
  if (!(Number.isFinite(settings.weight) && settings.weight >= 0)) {
    throw new PriceScoringError(`The price weight must be 0 or more (got ${settings.weight}).`);
  }
  if (bids.length === 0) return [];
  const evaluated = bids.map((b) => evaluatedPrice(settings.method, b, settings.parameters.discountRatePercent));
  const reference = priceReference(evaluated);
  return bids.map((b, i) => {
    const share = priceShare(settings, evaluated[i], reference);
    return { id: b.id, evaluatedPrice: evaluated[i], score: share === null ? null : settings.weight * share };
  });
}

export interface PriceCurvePoint {
  price: number;
  score: number | null;
}

/**
 * The editor's chart: the score at each price when the field's lowest and average are as given. A price below the
 * given lowest would itself be the lowest, so it is compared with itself there.
 */
export function priceScoreCurve(settings: PriceScoringSettings, reference: PriceReference, prices: readonly number[]): PriceCurvePoint[] {
  if (!(reference.lowest > 0 && reference.average > 0)) {
    throw new PriceScoringError('The lowest and average prices of the chart must be more than 0.');
  }
  return prices.map((price) => {
    evaluatedPrice(settings.method, { price }, settings.parameters.discountRatePercent);
    const share = priceShare(settings, price, { lowest: Math.min(reference.lowest, price), average: reference.average });
    return { price, score: share === null ? null : settings.weight * share };
  });
}
