import { PriceMethod, type PriceParameters } from '@openbrief/contracts';
import { formatMoney } from './format';
import { priceScores, type PricedBid, type YearCost } from './price-scoring';

export interface WorkedExampleRow {
  /** "Bid A"… */
  label: string;
  price: number;
  /** whole_life_cost: the costs by contract year behind the evaluated price. */
  costs: YearCost[] | null;
  evaluatedPrice: number;
  /** Points out of the weight; null under price per quality point. */
  score: number | null;
  /** price_per_quality_point only: the illustrative quality marks and the price per mark. */
  qualityTotal: number | null;
  pricePerQualityPoint: number | null;
}

export interface PriceWorkedExample {
  method: PriceMethod;
  weight: number;
  rows: WorkedExampleRow[];
  /** Anything the example assumes that the tender does not say (e.g. a ceiling when there is no budget); else null. */
  assumption: string | null;
}

const niceRound = (x: number) => {
  const step = Math.pow(10, Math.max(0, Math.floor(Math.log10(x)) - 1));
  return Math.max(step, Math.round(x / step) * step);
};

/**
 * Three illustrative bids (a base price × 0.8, 1 and 1.25: £80,000, £100,000, £125,000 by default, or scaled to the
 * budget) scored by the method itself, so the pack and the docs never carry their own copy of a formula.
 */
export function priceWorkedExample(
  method: PriceMethod,
  parameters: PriceParameters,
  weight: number,
  budgetMax: number | null,
): PriceWorkedExample {
  const base = budgetMax !== null && budgetMax > 0 ? niceRound(budgetMax * 0.8) : 100_000;
  const prices = [0.8, 1, 1.25].map((f) => f * base);
  let assumption: string | null = null;
  let params = parameters;
  if (method === PriceMethod.LinearBudgetToFloor && parameters.ceilingPrice === null && (budgetMax === null || budgetMax <= 0)) {
    params = { ...parameters, ceilingPrice: 1.5 * base };
    assumption = `No budget is set, so this example assumes a ceiling price of ${formatMoney(1.5 * base)}.`;
  }
  // Whole-life cost: the cheapest bid up front costs the most to run, so discounting visibly changes the figures.
  const yearly = [0.2, 0.1, 0.05];
  const bids: PricedBid[] = prices.map((price, i) => {
    if (method !== PriceMethod.WholeLifeCost) return { id: String(i), price };
    const running = yearly[i] * price;
    const costs = [0, 1, 2].map((year) => ({ year, amount: (year === 0 ? price - 3 * running : 0) + running }));
    return { id: String(i), price, costs };
  });
  const scored = priceScores({ method, weight, parameters: params, budgetMax }, bids);
  const qualityMax = weight < 100 ? 100 - weight : 100;
  const quality = [0.6, 0.8, 0.9].map((f) => f * qualityMax);
  const ppqp = method === PriceMethod.PricePerQualityPoint;
  return {
    method,
    weight,
    assumption,
    rows: scored.map((s, i) => ({
      label: `Bid ${String.fromCharCode(65 + i)}`,
      price: prices[i],
      costs: bids[i].costs ?? null,
      evaluatedPrice: s.evaluatedPrice,
      score: s.score,
      qualityTotal: ppqp ? quality[i] : null,
      pricePerQualityPoint: ppqp ? prices[i] / quality[i] : null,
    })),
  };
}
