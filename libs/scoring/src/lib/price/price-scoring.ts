import type { PriceMethod, PriceParameters } from '@openbrief/contracts';

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

/** Scores every bid's price by the tender's published method. Implemented in issue 13 (H1a). */
export function priceScores(settings: PriceScoringSettings, bids: readonly PricedBid[]): PriceScore[] {
  void settings;
  void bids;
  throw new Error('priceScores: not implemented yet');
}
