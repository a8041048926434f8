import { DEFAULT_PRICE_PARAMETERS, PriceMethod, PriceParameters } from '@openbrief/contracts';
import { describe, expect, it } from 'vitest';
import { PriceChart, priceChart } from './price-chart-figures';

const params = (patch: Partial<PriceParameters> = {}): PriceParameters => ({ ...DEFAULT_PRICE_PARAMETERS, ...patch });
const curve = (chart: PriceChart) => {
  if (chart.kind !== 'curve') throw new Error(`expected a curve, got: ${chart.reason}`);
  return chart;
};
/** label → score rounded to 2 places, so the figures read like the table. */
const figures = (chart: PriceChart) => Object.fromEntries(curve(chart).points.map((p) => [p.label, Math.round(p.score * 100) / 100]));

describe('priceChart', () => {
  it('plots proportional scoring from the lowest bid to twice it: lowest ÷ price', () => {
    const f = figures(priceChart(PriceMethod.Proportional, params(), 150_000));
    expect(Object.keys(f)).toEqual(['100%', '110%', '120%', '130%', '140%', '150%', '160%', '170%', '180%', '190%', '200%']);
    // 100 000 ÷ 150 000 = 66.67%; 100 000 ÷ 200 000 = 50%.
    expect([f['100%'], f['150%'], f['200%']]).toEqual([100, 66.67, 50]);
  });

  it('plots difference from the lowest, reaching nothing at twice the lowest', () => {
    const f = figures(priceChart(PriceMethod.DifferenceFromLowest, params(), null));
    // 1 − (150 − 100) ÷ 100 = 50%; 1 − (200 − 100) ÷ 100 = 0.
    expect([f['100%'], f['150%'], f['200%']]).toEqual([100, 50, 0]);
  });

  it('plots scoring against an average assumed at 125% of the lowest, and says so', () => {
    const chart = curve(priceChart(PriceMethod.RelativeToAverage, params(), null));
    const f = figures(chart);
    // 0.5 + (125 − 100) ÷ 125 = 70%: the lowest bid does not get full marks. 0.5 + (125 − 180) ÷ 125 = 6%; at 200% it would be −10%, so 0.
    expect([f['100%'], f['120%'], f['180%'], f['200%']]).toEqual([70, 54, 6, 0]);
    expect(chart.assumption).toContain('average of all bids is assumed to be 125% of the lowest');
    expect(chart.distortion).toContain('depends on the other bids');
  });

  it('plots the log formula with its ratio A', () => {
    const f = figures(priceChart(PriceMethod.Logarithmic, params({ logRatio: 2 }), null));
    // 1 − ln 1.4 ÷ ln 2 = 1 − 0.33647 ÷ 0.69315 = 51.46%; at A = 2 times the lowest, nothing.
    expect([f['100%'], f['140%'], f['200%']]).toEqual([100, 51.46, 0]);
    const wider = figures(priceChart(PriceMethod.Logarithmic, params({ logRatio: 4 }), null));
    // 1 − ln 2 ÷ ln 4 = 50%.
    expect(wider['200%']).toBe(50);
  });

  it('plots whole-life cost as proportional on the discounted cost, and says what the prices are', () => {
    const chart = curve(priceChart(PriceMethod.WholeLifeCost, params(), null));
    expect(figures(chart)['200%']).toBe(50);
    expect(chart.assumption).toContain('whole-life costs');
  });

  it('plots the linear method in pounds, from below the floor to above the ceiling, the budget’s maximum by default', () => {
    const chart = curve(priceChart(PriceMethod.LinearBudgetToFloor, params(), 150_000));
    expect(chart.axis).toBe('pounds');
    const f = figures(chart);
    // Floor £0, ceiling £150,000: (150 000 − 15 000) ÷ 150 000 = 90%; a price must be above £0, so the curve starts at £15,000.
    expect(Object.keys(f)[0]).toBe('£15,000');
    expect([f['£15,000'], f['£75,000'], f['£150,000'], f['£165,000']]).toEqual([90, 50, 0, 0]);
    expect(chart.distortion).toContain('depends only on its own price');

    const own = figures(priceChart(PriceMethod.LinearBudgetToFloor, params({ ceilingPrice: 120_000, floorPrice: 60_000 }), 150_000));
    expect(own).toEqual({
      '£54,000': 100,
      '£60,000': 100,
      '£66,000': 90,
      '£72,000': 80,
      '£78,000': 70,
      '£84,000': 60,
      '£90,000': 50,
      '£96,000': 40,
      '£102,000': 30,
      '£108,000': 20,
      '£114,000': 10,
      '£120,000': 0,
      '£126,000': 0,
    });
  });

  it('explains in words instead of drawing when there is no price score or a parameter is missing', () => {
    const perPoint = priceChart(PriceMethod.PricePerQualityPoint, params(), 150_000);
    expect(perPoint.kind === 'none' && perPoint.reason).toContain('no score of its own');
    const noCeiling = priceChart(PriceMethod.LinearBudgetToFloor, params(), null);
    expect(noCeiling.kind === 'none' && noCeiling.reason).toContain('ceiling price');
    const upsideDown = priceChart(PriceMethod.LinearBudgetToFloor, params({ ceilingPrice: 50_000, floorPrice: 60_000 }), null);
    expect(upsideDown.kind).toBe('none');
    expect(priceChart(PriceMethod.Logarithmic, params({ logRatio: 1 }), null).kind).toBe('none');
    expect(priceChart(PriceMethod.Logarithmic, params({ logRatio: Number.NaN }), null).kind).toBe('none');
  });

  it('describes the curve in words for a screen reader', () => {
    expect(curve(priceChart(PriceMethod.Proportional, params(), null)).summary).toBe(
      'Line chart of the price score, as a percentage of the marks for price, against the price: ' +
        '100% at 100% of the lowest bid, 66.7% at 150% of the lowest bid and 50% at 200% of the lowest bid.',
    );
  });
});
