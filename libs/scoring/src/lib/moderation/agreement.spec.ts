import { krippendorffAlphaInterval, krippendorffAlphaOrdinal, readAgreement } from './agreement';

/**
 * The reliability data of Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section E: four
 * observers (A–D) × twelve units, missing values left out. The paper reports α = 0.743 nominal, 0.849 interval
 * and 0.815 ordinal for these data.
 */
const PAPER_UNITS: number[][] = [
  [1, 1, 1], // unit 1: A 1, B 1, C –, D 1
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [5, 5, 5], // unit 10: A –
  [1, 1], // unit 11: A –, B –
  [3], // unit 12: only B: not pairable
];

describe('krippendorffAlphaOrdinal', () => {
  it('reproduces the paper’s ordinal alpha (0.815) and, with the interval metric, its 0.849', () => {
    expect(krippendorffAlphaOrdinal(PAPER_UNITS)!.toFixed(3)).toBe('0.815');
    expect(krippendorffAlphaInterval(PAPER_UNITS)!.toFixed(3)).toBe('0.849');
  });

  it('ignores units with fewer than two scores', () => {
    expect(krippendorffAlphaOrdinal([...PAPER_UNITS, [0], [4], []])).toBe(krippendorffAlphaOrdinal(PAPER_UNITS));
  });

  it('is 1 for perfect agreement on varied scores', () => {
    expect(
      krippendorffAlphaOrdinal([
        [1, 1],
        [3, 3, 3],
        [0, 0],
      ]),
    ).toBe(1);
  });

  it('is below 0 when evaluators systematically disagree', () => {
    expect(
      krippendorffAlphaOrdinal([
        [0, 4],
        [4, 0],
        [0, 4],
      ])!,
    ).toBeLessThan(0);
  });

  it('is the same whichever order the evaluators and units come in', () => {
    const shuffled = [...PAPER_UNITS].reverse().map((u) => [...u].reverse());
    expect(krippendorffAlphaOrdinal(shuffled)).toBeCloseTo(krippendorffAlphaOrdinal(PAPER_UNITS)!, 12);
  });

  it('is ordinal: relabelling the scale without changing its order leaves alpha unchanged', () => {
    const stretched = PAPER_UNITS.map((u) => u.map((v) => v ** 3));
    expect(krippendorffAlphaOrdinal(stretched)).toBeCloseTo(krippendorffAlphaOrdinal(PAPER_UNITS)!, 12);
    expect(krippendorffAlphaInterval(stretched)).not.toBeCloseTo(krippendorffAlphaInterval(PAPER_UNITS)!, 3);
  });

  it('is null without two pairable scores or without any variation', () => {
    expect(krippendorffAlphaOrdinal([])).toBeNull();
    expect(krippendorffAlphaOrdinal([[2], [3]])).toBeNull();
    expect(
      krippendorffAlphaOrdinal([
        [2, 2],
        [2, 2, 2],
      ]),
    ).toBeNull();
  });
});

describe('readAgreement', () => {
  it('reads each of Krippendorff’s bands in one sentence', () => {
    expect(readAgreement(0.815)).toBe('Evaluators agree well (α ≥ 0.8): the scores can be relied on.');
    expect(readAgreement(0.8)).toMatch(/^Evaluators agree well/);
    expect(readAgreement(0.7)).toBe('Agreement is moderate: discuss the flagged scores before agreeing consensus.');
    expect(readAgreement(0.667)).toMatch(/^Agreement is moderate/);
    expect(readAgreement(0.5)).toMatch(/^Agreement is low .*flagged scores/);
    expect(readAgreement(-0.2)).toMatch(/^Evaluators disagree .*chance/);
    expect(readAgreement(null)).toBe('Not enough scores to measure agreement.');
  });
});
