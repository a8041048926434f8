import { Jurisdiction } from '@openbrief/contracts';
import { BANK_HOLIDAYS, BANK_HOLIDAYS_COVER, bankHolidaysCoverUntil } from './bank-holidays';

/**
 * The shipped bank holidays checked against the rules they follow (Banking and Financial Dealings Act 1971 Sch. 1
 * and the yearly substitute days), worked out here independently — the data itself is never computed at run time.
 */

const iso = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
const dayOfWeek = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const isWeekend = (date: string) => dayOfWeek(date) === 0 || dayOfWeek(date) === 6;

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

const shift = (date: string, days: number) => {
  const [y, m, d] = date.split('-').map(Number);
  return iso(y, m, d + days);
};

function monday(year: number, month: number, which: 'first' | 'last'): string {
  if (which === 'first') {
    for (let d = 1; ; d++) if (dayOfWeek(iso(year, month, d)) === 1) return iso(year, month, d);
  }
  for (let d = new Date(Date.UTC(year, month, 0)).getUTCDate(); ; d--) if (dayOfWeek(iso(year, month, d)) === 1) return iso(year, month, d);
}

/** A fixed-date holiday on a weekend moves to the next weekday that is not already a holiday. */
function withSubstitute(date: string, taken: Set<string>): string {
  let d = date;
  while (isWeekend(d) || taken.has(d)) d = shift(d, 1);
  return d;
}

function expected(year: number, j: Jurisdiction): string[] {
  const taken = new Set<string>();
  const fixed = (m: number, d: number) => taken.add(withSubstitute(iso(year, m, d), taken));
  fixed(1, 1);
  if (j === Jurisdiction.Scotland) fixed(1, 2);
  if (j === Jurisdiction.NorthernIreland) fixed(3, 17);
  const easter = easterSunday(year);
  taken.add(shift(easter, -2));
  if (j !== Jurisdiction.Scotland) taken.add(shift(easter, 1));
  taken.add(monday(year, 5, 'first'));
  taken.add(monday(year, 5, 'last'));
  if (j === Jurisdiction.NorthernIreland) fixed(7, 12);
  taken.add(j === Jurisdiction.Scotland ? monday(year, 8, 'first') : monday(year, 8, 'last'));
  if (j === Jurisdiction.Scotland) fixed(11, 30);
  fixed(12, 25);
  fixed(12, 26);
  return [...taken].sort();
}

const ALL = Object.values(Jurisdiction);
const YEARS = Array.from({ length: BANK_HOLIDAYS_COVER.to - BANK_HOLIDAYS_COVER.from + 1 }, (_, i) => BANK_HOLIDAYS_COVER.from + i);
const datesOf = (j: Jurisdiction, year: number) => BANK_HOLIDAYS[j].filter((h) => h.date.startsWith(`${year}-`)).map((h) => h.date);

describe('shipped bank holidays', () => {
  it('follow the rules for every part of the UK and every year covered', () => {
    for (const j of ALL)
      for (const year of YEARS) expect({ j, year, dates: datesOf(j, year) }).toEqual({ j, year, dates: expected(year, j) });
  });

  it('put Good Friday two days before Easter everywhere, and Easter Monday after it except in Scotland', () => {
    for (const year of YEARS) {
      const easter = easterSunday(year);
      for (const j of ALL) {
        const byDate = new Map(BANK_HOLIDAYS[j].map((h) => [h.date, h.name]));
        expect(byDate.get(shift(easter, -2))).toBe('Good Friday');
        expect(byDate.get(shift(easter, 1))).toBe(j === Jurisdiction.Scotland ? undefined : 'Easter Monday');
      }
    }
  });

  it('fall on weekdays, in date order, once each, named', () => {
    for (const j of ALL) {
      const dates = BANK_HOLIDAYS[j].map((h) => h.date);
      expect(dates.filter(isWeekend)).toEqual([]);
      expect(dates).toEqual([...new Set(dates)].sort());
      for (const h of BANK_HOLIDAYS[j]) expect(h.name.trim().length).toBeGreaterThan(3);
      for (const year of YEARS) expect(dates.some((d) => d.startsWith(`${year}-`))).toBe(true);
    }
  });

  it('match the dates GOV.UK publishes for 2026 and 2027 (substitutes included)', () => {
    expect(datesOf(Jurisdiction.EnglandAndWales, 2026)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
    expect(datesOf(Jurisdiction.Scotland, 2027)).toEqual([
      '2027-01-01',
      '2027-01-04',
      '2027-03-26',
      '2027-05-03',
      '2027-05-31',
      '2027-08-02',
      '2027-11-30',
      '2027-12-27',
      '2027-12-28',
    ]);
    expect(datesOf(Jurisdiction.NorthernIreland, 2026)).toEqual([
      '2026-01-01',
      '2026-03-17',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-07-13',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
  });

  // Guards the calendar itself, so "now" is right here: the standstill cannot be computed past the data.
  it('run at least a year ahead of today for every part of the UK', () => {
    const aYearAhead = new Date(Date.now() + 366 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    for (const j of ALL) expect({ j, coveredUntil: bankHolidaysCoverUntil(j) >= aYearAhead }).toEqual({ j, coveredUntil: true });
  });
});
