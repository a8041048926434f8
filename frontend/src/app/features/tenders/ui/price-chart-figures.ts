import { PriceMethod, PriceParameters } from '@openbrief/contracts';
import { priceScoreCurve } from '@openbrief/scoring';

/** One point of the editor's price chart: a price and the score it would get, as a percentage of the price weight. */
export interface PriceChartPoint {
  readonly price: number;
  /** How the price reads on the axis and in the table: "150%" of the lowest, or "£75,000". */
  readonly label: string;
  readonly score: number;
}

export type PriceChart =
  | {
      readonly kind: 'curve';
      /** The x axis: prices relative to the lowest bid, or in pounds (linear between ceiling and floor). */
      readonly axis: 'relative' | 'pounds';
      readonly points: readonly PriceChartPoint[];
      /** What the chart assumes about the field of bids. */
      readonly assumption: string;
      /** Why the shape matters: whether a score depends on the other bids. */
      readonly distortion: string;
      /** The chart in words, its text alternative. */
      readonly summary: string;
    }
  /** No curve to draw: the method gives price no score, or a parameter it needs is missing. */
  | { readonly kind: 'none'; readonly reason: string };

/** Prices in the relative chart, as multiples of the lowest bid: 100% to 200% in steps of 10%. */
const RELATIVE_STEPS = Array.from({ length: 11 }, (_, i) => 1 + i / 10);
/** Where the average-based method assumes the average bid lies, as a multiple of the lowest. */
export const ASSUMED_AVERAGE = 1.25;
/** Any lowest price will do: relative scores depend only on the ratios. */
const LOWEST = 100_000;

const pounds = (value: number) => `£${Math.round(value).toLocaleString('en-GB')}`;
const percent = (value: number) => `${Math.round(value * 10) / 10}%`;

/**
 * How the price score moves across a range of prices under a lot's method and parameters, so the buyer sees before
 * publication how relative formulas behave. Scores come from @openbrief/scoring, the code that will score the bids.
 */
export function priceChart(method: PriceMethod, parameters: PriceParameters, budgetMax: number | null): PriceChart {
  if (method === PriceMethod.PricePerQualityPoint) {
    return {
      kind: 'none',
      reason:
        'Price has no score of its own with this method, so there is no chart: each bid’s price is divided by its quality score, ' +
        'and the lowest price per quality point wins. A bid can win with a higher price if its quality is high enough.',
    };
  }
  if (method === PriceMethod.LinearBudgetToFloor) return linearChart(parameters, budgetMax);
  if (method === PriceMethod.Logarithmic && !(parameters.logRatio > 1)) {
    return { kind: 'none', reason: 'The chart appears once the ratio A is a number more than 1.' };
  }

  const prices = RELATIVE_STEPS.map((step) => LOWEST * step);
  const scores = curve(method, parameters, budgetMax, { lowest: LOWEST, average: LOWEST * ASSUMED_AVERAGE }, prices);
  const points = prices.map((price, i) => ({ price, label: percent((price / LOWEST) * 100), score: scores[i] }));
  const averageBased = method === PriceMethod.RelativeToAverage;
  const assumption =
    'Prices are shown as a percentage of the lowest bid, from the lowest bid to twice it.' +
    (averageBased ? ` The average of all bids is assumed to be ${percent(ASSUMED_AVERAGE * 100)} of the lowest.` : '') +
    (method === PriceMethod.WholeLifeCost
      ? ' Prices are whole-life costs: one-off costs plus recurring costs over the contract, discounted to today.'
      : '');
  return {
    kind: 'curve',
    axis: 'relative',
    points,
    assumption,
    distortion: averageBased
      ? 'A bid’s score depends on the other bids: the average moves with every bid, so the lowest price may not get full marks, ' +
        'and one very high or very low bid can change every other bid’s score, and even their order.'
      : 'A bid’s score depends on the other bids: it is measured against the lowest price, so if the lowest bid changes, ' +
        'every other score changes too, and a new very low bid can reorder the bids behind it.',
    summary: summaryOf(points, 'of the lowest bid'),
  };
}

function linearChart(parameters: PriceParameters, budgetMax: number | null): PriceChart {
  const ceiling = parameters.ceilingPrice ?? budgetMax;
  const floor = parameters.floorPrice ?? 0;
  if (ceiling === null || !Number.isFinite(ceiling) || !Number.isFinite(floor) || ceiling <= floor) {
    return {
      kind: 'none',
      reason:
        'The chart appears once there is a ceiling price above the floor price: enter a ceiling price, or the budget’s highest figure.',
    };
  }
  const span = ceiling - floor;
  // From a little below the floor to a little above the ceiling; a price must be above £0.
  const prices = Array.from({ length: 13 }, (_, i) => floor + (span * (i - 1)) / 10).filter((p) => p > 0);
  const scores = curve(PriceMethod.LinearBudgetToFloor, parameters, budgetMax, { lowest: prices[0], average: prices[0] }, prices);
  const points = prices.map((price, i) => ({ price, label: pounds(price), score: scores[i] }));
  return {
    kind: 'curve',
    axis: 'pounds',
    points,
    assumption: `Full marks at or below the floor price of ${pounds(floor)}, no marks at or above the ceiling price of ${pounds(ceiling)}.`,
    distortion:
      'A bid’s score depends only on its own price, not on the other bids, because the ceiling and floor are fixed before bids arrive.',
    summary: summaryOf(points, ''),
  };
}

function curve(
  method: PriceMethod,
  parameters: PriceParameters,
  budgetMax: number | null,
  reference: { lowest: number; average: number },
  prices: number[],
): number[] {
  // Weight 100, so each score reads as a percentage of the marks for price.
  return priceScoreCurve({ method, weight: 100, parameters, budgetMax }, reference, prices).map((point) => point.score ?? 0);
}

function summaryOf(points: readonly PriceChartPoint[], suffix: string): string {
  const at = (p: PriceChartPoint) => `${percent(p.score)} at ${p.label}${suffix ? ` ${suffix}` : ''}`;
  const middle = points[Math.floor(points.length / 2)];
  const first = points[0];
  const last = points[points.length - 1];
  return `Line chart of the price score, as a percentage of the marks for price, against the price: ${at(first)}, ${at(middle)} and ${at(last)}.`;
}
