import { PriceMethod } from '@openbrief/contracts';
import { describe, expect, it } from 'vitest';
import { formatMoney, formatPerPoint, formatPoints, formatShare, formatWeight } from './results-format';
import { resultsFixture } from './results.fixture';
import {
  pointsLostRows,
  pointsLostSummary,
  rankedTotals,
  rankingNotes,
  smallestChangeSentence,
  topLevelSeries,
  usesPricePerPoint,
  winShareBars,
  winShareSummary,
} from './results-view';

describe('results formatting', () => {
  it('writes points, weights, shares and money the en-GB way', () => {
    expect(formatPoints(72.456)).toBe('72.5');
    expect(formatPoints(-0.01)).toBe('0.0');
    expect(formatWeight(40)).toBe('40%');
    expect(formatWeight(31.24)).toBe('31.2%');
    expect(formatShare(0.7123)).toBe('71.2%');
    expect(formatMoney(1234567, 'GBP')).toBe('£1,234,567');
    expect(formatMoney(94250.5, 'GBP')).toBe('£94,250.50');
    expect(formatPerPoint(1520.4049, 'GBP')).toBe('£1,520.40 per point');
  });
});

describe('results view', () => {
  const results = resultsFixture();

  it('ranks the leader first and puts the disqualified last', () => {
    expect(rankedTotals(results).map((t) => t.supplierName)).toEqual(['Supplier A', 'Supplier B', 'Supplier C']);
  });

  it('says why a response was disqualified, and when it is a near-tie', () => {
    const [a, , c] = rankedTotals(results);
    expect(rankingNotes(c!)).toEqual(['Disqualified: Failed the pass/fail requirement on insurance.']);
    expect(rankingNotes(a!)[0]).toContain('Near-tie');
    expect(rankingNotes({ ...a!, nearTie: false, tieBreak: 'Equal totals: the higher quality score wins.' })).toEqual([
      'Tie broken: Equal totals: the higher quality score wins.',
    ]);
  });

  it('puts the smallest change to a weight in a sentence, naming the new leader', () => {
    expect(smallestChangeSentence(results)).toBe('If the weight of Technical approach fell from 40% to 31.2%, Supplier B would lead.');
    const rising = resultsFixture();
    rising.sensitivity!.smallestChange = { criterionId: 'price', criterionName: 'Price', from: 40, to: 47.5, newLeader: 'Supplier B' };
    expect(smallestChangeSentence(rising)).toBe('If the weight of Price rose from 40% to 47.5%, Supplier B would lead.');
    rising.sensitivity!.smallestChange = null;
    expect(smallestChangeSentence(rising)).toBe('No change to any single weight would change which response leads.');
    expect(smallestChangeSentence(resultsFixture({ sensitivity: null }))).toBe('');
  });

  it('maps win shares to bars in ranking order, leaving out the disqualified', () => {
    expect(winShareBars(results)).toEqual([
      { key: 'a', label: 'Supplier A', value: 0.7123, valueText: '71.2%' },
      { key: 'b', label: 'Supplier B', value: 0.2877, valueText: '28.8%' },
    ]);
    expect(winShareSummary(results)).toBe(
      'Bar chart: the share of 10,000 random changes to the weights, of up to 5 percentage points each, in which each response would come first. Supplier A 71.2%, Supplier B 28.8%.',
    );
  });

  it('maps points lost to the leader per top-level criterion, gains as negatives', () => {
    expect(topLevelSeries(results).map((s) => s.label)).toEqual(['Technical approach', 'Social value', 'Price']);
    expect(pointsLostRows(results)).toEqual([{ key: 'b', label: 'Supplier B', values: [5, 5, -8.2], totalText: '1.8 points behind' }]);
    expect(pointsLostSummary(results)).toBe(
      'Stacked bar chart: the points each response loses to Supplier A on each criterion. Supplier B 1.8 points behind, most on Technical approach.',
    );
  });

  it('knows when price is ranked as price per quality point', () => {
    expect(usesPricePerPoint(results)).toBe(false);
    expect(usesPricePerPoint(resultsFixture({ priceMethod: PriceMethod.PricePerQualityPoint }))).toBe(true);
  });
});
