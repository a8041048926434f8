import { Jurisdiction } from '@openbrief/contracts';
import { standstillPeriod } from './standstill';

const E = Jurisdiction.EnglandAndWales;

describe('standstillPeriod (Procurement Act 2023 s51: eight working days beginning with the day of publication)', () => {
  it('counts the publication day as day 1 and ends at midnight UK time after day 8 (GMT)', () => {
    // Monday 2 March 2026: 2, 3, 4, 5, 6, 9, 10, 11.
    expect(standstillPeriod('2026-03-02T10:00:00Z', E)).toEqual({
      firstDay: '2026-03-02',
      lastDay: '2026-03-11',
      endsAt: '2026-03-12T00:00:00.000Z',
      holidaysSkipped: [],
    });
  });

  it('ends at midnight BST (23:00 UTC) in summer, and reads the publication day in UK time', () => {
    // 23:30 UTC on 30 June is 00:30 BST on Wednesday 1 July: 1, 2, 3, 6, 7, 8, 9, 10.
    const late = standstillPeriod('2026-06-30T23:30:00Z', E);
    expect(late).toMatchObject({ firstDay: '2026-07-01', lastDay: '2026-07-10', endsAt: '2026-07-10T23:00:00.000Z' });
    expect(standstillPeriod('2026-07-01T08:00:00Z', E)).toEqual(late);
  });

  it('starts on the next working day when published at a weekend, and skips bank holidays anywhere in the UK', () => {
    // Saturday 7 March 2026; Tuesday 17 March (St Patrick’s Day) is a bank holiday in Northern Ireland only, but the
    // Act's "working day" excludes bank holidays in any part of the UK: 9–13, 16, 18, 19.
    const p = standstillPeriod('2026-03-07T12:00:00Z', E);
    expect(p).toEqual({
      firstDay: '2026-03-09',
      lastDay: '2026-03-19',
      endsAt: '2026-03-20T00:00:00.000Z',
      holidaysSkipped: [
        { date: '2026-03-17', name: 'St Patrick’s Day', where: 'Northern Ireland (counted everywhere in the UK by the Act)' },
      ],
    });
    expect(standstillPeriod('2026-03-07T12:00:00Z', Jurisdiction.NorthernIreland).holidaysSkipped[0].where).toBe('Northern Ireland');
  });

  it('gives the same dates whatever the tender’s jurisdiction', () => {
    for (const at of ['2026-03-07T12:00:00Z', '2026-11-26T09:00:00Z', '2027-12-20T09:00:00Z']) {
      const [a, b, c] = Object.values(Jurisdiction).map((j) => standstillPeriod(at, j));
      expect(b.endsAt).toBe(a.endsAt);
      expect(c.endsAt).toBe(a.endsAt);
    }
  });

  it('runs over Christmas and New Year, including Scotland’s 2 January substitute', () => {
    // Wednesday 23 December 2026: 23, 24, (25 Christmas, 28 Boxing Day substitute) 29, 30, 31, (1 Jan, 4 Jan) 5, 6, 7.
    const p = standstillPeriod('2026-12-23T15:00:00Z', E);
    expect(p).toMatchObject({ firstDay: '2026-12-23', lastDay: '2027-01-07', endsAt: '2027-01-08T00:00:00.000Z' });
    expect(p.holidaysSkipped.map((h) => [h.date, h.where])).toEqual([
      ['2026-12-25', 'the whole United Kingdom'],
      ['2026-12-28', 'the whole United Kingdom'],
      ['2027-01-01', 'the whole United Kingdom'],
      ['2027-01-04', 'Scotland (counted everywhere in the UK by the Act)'],
    ]);
  });

  it('skips Good Friday and Easter Monday across the change to BST', () => {
    // Thursday 25 March 2027 (GMT); clocks go forward on 28 March: 25, (26, 29) 30, 31, 1, 2, 5, 6, 7.
    expect(standstillPeriod('2027-03-25T11:00:00Z', E)).toMatchObject({ lastDay: '2027-04-07', endsAt: '2027-04-07T23:00:00.000Z' });
  });

  it('publishing on a bank holiday starts the count on the next working day', () => {
    // Good Friday 3 April 2026 → Tuesday 7 April is day 1: 7, 8, 9, 10, 13, 14, 15, 16.
    expect(standstillPeriod('2026-04-03T09:00:00Z', E)).toMatchObject({ firstDay: '2026-04-07', lastDay: '2026-04-16' });
  });

  it('takes a longer voluntary period in working days', () => {
    expect(standstillPeriod('2026-03-02T10:00:00Z', E, 10).lastDay).toBe('2026-03-13');
    expect(standstillPeriod('2026-03-02T10:00:00Z', E, 1)).toMatchObject({ lastDay: '2026-03-02', endsAt: '2026-03-03T00:00:00.000Z' });
  });

  it('refuses what it cannot compute rather than guessing', () => {
    expect(() => standstillPeriod('not a date', E)).toThrow(RangeError);
    expect(() => standstillPeriod('2026-03-02T10:00:00Z', E, 0)).toThrow(RangeError);
    expect(() => standstillPeriod('2026-03-02T10:00:00Z', 'wales' as Jurisdiction)).toThrow(/jurisdiction/);
    // 20 December 2030 runs into 2031, whose bank holidays are not recorded yet.
    expect(() => standstillPeriod('2030-12-20T10:00:00Z', E)).toThrow(/only recorded up to 2030-12-31/);
    expect(() => standstillPeriod('2023-06-01T10:00:00Z', E)).toThrow(/only recorded from 2024-01-01/);
  });
});
