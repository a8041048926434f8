import { Jurisdiction } from '@openbrief/contracts';

/**
 * Bank holidays of each part of the United Kingdom, written out as data rather than computed, so a one-off day
 * (a coronation, a state funeral) is added by hand like any other and nothing here guesses.
 *
 * Source: GOV.UK, "UK bank holidays" (https://www.gov.uk/bank-holidays, also as bank-holidays.json) for the years it
 * publishes; later years follow Schedule 1 of the Banking and Financial Dealings Act 1971 and the substitute days
 * proclaimed every year (a holiday on a weekend moves to the next weekday not already a holiday). Christmas Day and
 * Good Friday are listed everywhere: they are common-law holidays in England, Wales and Northern Ireland and bank
 * holidays in Scotland, and every working-day rule excludes them. The test checks each year against those rules.
 *
 * When a year is added, raise COVERED_UNTIL; a test fails once the data runs out within a year of today.
 */

export interface BankHoliday {
  /** Europe/London calendar date, YYYY-MM-DD. */
  date: string;
  name: string;
}

/** The first and last year each list is complete for. */
export const BANK_HOLIDAYS_COVER = { from: 2024, to: 2030 } as const;

const englandAndWales: readonly BankHoliday[] = [
  // 2024
  { date: '2024-01-01', name: 'New Year’s Day' },
  { date: '2024-03-29', name: 'Good Friday' },
  { date: '2024-04-01', name: 'Easter Monday' },
  { date: '2024-05-06', name: 'Early May bank holiday' },
  { date: '2024-05-27', name: 'Spring bank holiday' },
  { date: '2024-08-26', name: 'Summer bank holiday' },
  { date: '2024-12-25', name: 'Christmas Day' },
  { date: '2024-12-26', name: 'Boxing Day' },
  // 2025
  { date: '2025-01-01', name: 'New Year’s Day' },
  { date: '2025-04-18', name: 'Good Friday' },
  { date: '2025-04-21', name: 'Easter Monday' },
  { date: '2025-05-05', name: 'Early May bank holiday' },
  { date: '2025-05-26', name: 'Spring bank holiday' },
  { date: '2025-08-25', name: 'Summer bank holiday' },
  { date: '2025-12-25', name: 'Christmas Day' },
  { date: '2025-12-26', name: 'Boxing Day' },
  // 2026
  { date: '2026-01-01', name: 'New Year’s Day' },
  { date: '2026-04-03', name: 'Good Friday' },
  { date: '2026-04-06', name: 'Easter Monday' },
  { date: '2026-05-04', name: 'Early May bank holiday' },
  { date: '2026-05-25', name: 'Spring bank holiday' },
  { date: '2026-08-31', name: 'Summer bank holiday' },
  { date: '2026-12-25', name: 'Christmas Day' },
  { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
  // 2027
  { date: '2027-01-01', name: 'New Year’s Day' },
  { date: '2027-03-26', name: 'Good Friday' },
  { date: '2027-03-29', name: 'Easter Monday' },
  { date: '2027-05-03', name: 'Early May bank holiday' },
  { date: '2027-05-31', name: 'Spring bank holiday' },
  { date: '2027-08-30', name: 'Summer bank holiday' },
  { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
  { date: '2027-12-28', name: 'Boxing Day (substitute day)' },
  // 2028
  { date: '2028-01-03', name: 'New Year’s Day (substitute day)' },
  { date: '2028-04-14', name: 'Good Friday' },
  { date: '2028-04-17', name: 'Easter Monday' },
  { date: '2028-05-01', name: 'Early May bank holiday' },
  { date: '2028-05-29', name: 'Spring bank holiday' },
  { date: '2028-08-28', name: 'Summer bank holiday' },
  { date: '2028-12-25', name: 'Christmas Day' },
  { date: '2028-12-26', name: 'Boxing Day' },
  // 2029
  { date: '2029-01-01', name: 'New Year’s Day' },
  { date: '2029-03-30', name: 'Good Friday' },
  { date: '2029-04-02', name: 'Easter Monday' },
  { date: '2029-05-07', name: 'Early May bank holiday' },
  { date: '2029-05-28', name: 'Spring bank holiday' },
  { date: '2029-08-27', name: 'Summer bank holiday' },
  { date: '2029-12-25', name: 'Christmas Day' },
  { date: '2029-12-26', name: 'Boxing Day' },
  // 2030
  { date: '2030-01-01', name: 'New Year’s Day' },
  { date: '2030-04-19', name: 'Good Friday' },
  { date: '2030-04-22', name: 'Easter Monday' },
  { date: '2030-05-06', name: 'Early May bank holiday' },
  { date: '2030-05-27', name: 'Spring bank holiday' },
  { date: '2030-08-26', name: 'Summer bank holiday' },
  { date: '2030-12-25', name: 'Christmas Day' },
  { date: '2030-12-26', name: 'Boxing Day' },
];

const scotland: readonly BankHoliday[] = [
  // 2024
  { date: '2024-01-01', name: 'New Year’s Day' },
  { date: '2024-01-02', name: '2nd January' },
  { date: '2024-03-29', name: 'Good Friday' },
  { date: '2024-05-06', name: 'Early May bank holiday' },
  { date: '2024-05-27', name: 'Spring bank holiday' },
  { date: '2024-08-05', name: 'Summer bank holiday' },
  { date: '2024-12-02', name: 'St Andrew’s Day (substitute day)' },
  { date: '2024-12-25', name: 'Christmas Day' },
  { date: '2024-12-26', name: 'Boxing Day' },
  // 2025
  { date: '2025-01-01', name: 'New Year’s Day' },
  { date: '2025-01-02', name: '2nd January' },
  { date: '2025-04-18', name: 'Good Friday' },
  { date: '2025-05-05', name: 'Early May bank holiday' },
  { date: '2025-05-26', name: 'Spring bank holiday' },
  { date: '2025-08-04', name: 'Summer bank holiday' },
  { date: '2025-12-01', name: 'St Andrew’s Day (substitute day)' },
  { date: '2025-12-25', name: 'Christmas Day' },
  { date: '2025-12-26', name: 'Boxing Day' },
  // 2026
  { date: '2026-01-01', name: 'New Year’s Day' },
  { date: '2026-01-02', name: '2nd January' },
  { date: '2026-04-03', name: 'Good Friday' },
  { date: '2026-05-04', name: 'Early May bank holiday' },
  { date: '2026-05-25', name: 'Spring bank holiday' },
  { date: '2026-08-03', name: 'Summer bank holiday' },
  { date: '2026-11-30', name: 'St Andrew’s Day' },
  { date: '2026-12-25', name: 'Christmas Day' },
  { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
  // 2027
  { date: '2027-01-01', name: 'New Year’s Day' },
  { date: '2027-01-04', name: '2nd January (substitute day)' },
  { date: '2027-03-26', name: 'Good Friday' },
  { date: '2027-05-03', name: 'Early May bank holiday' },
  { date: '2027-05-31', name: 'Spring bank holiday' },
  { date: '2027-08-02', name: 'Summer bank holiday' },
  { date: '2027-11-30', name: 'St Andrew’s Day' },
  { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
  { date: '2027-12-28', name: 'Boxing Day (substitute day)' },
  // 2028
  { date: '2028-01-03', name: 'New Year’s Day (substitute day)' },
  { date: '2028-01-04', name: '2nd January (substitute day)' },
  { date: '2028-04-14', name: 'Good Friday' },
  { date: '2028-05-01', name: 'Early May bank holiday' },
  { date: '2028-05-29', name: 'Spring bank holiday' },
  { date: '2028-08-07', name: 'Summer bank holiday' },
  { date: '2028-11-30', name: 'St Andrew’s Day' },
  { date: '2028-12-25', name: 'Christmas Day' },
  { date: '2028-12-26', name: 'Boxing Day' },
  // 2029
  { date: '2029-01-01', name: 'New Year’s Day' },
  { date: '2029-01-02', name: '2nd January' },
  { date: '2029-03-30', name: 'Good Friday' },
  { date: '2029-05-07', name: 'Early May bank holiday' },
  { date: '2029-05-28', name: 'Spring bank holiday' },
  { date: '2029-08-06', name: 'Summer bank holiday' },
  { date: '2029-11-30', name: 'St Andrew’s Day' },
  { date: '2029-12-25', name: 'Christmas Day' },
  { date: '2029-12-26', name: 'Boxing Day' },
  // 2030
  { date: '2030-01-01', name: 'New Year’s Day' },
  { date: '2030-01-02', name: '2nd January' },
  { date: '2030-04-19', name: 'Good Friday' },
  { date: '2030-05-06', name: 'Early May bank holiday' },
  { date: '2030-05-27', name: 'Spring bank holiday' },
  { date: '2030-08-05', name: 'Summer bank holiday' },
  { date: '2030-12-02', name: 'St Andrew’s Day (substitute day)' },
  { date: '2030-12-25', name: 'Christmas Day' },
  { date: '2030-12-26', name: 'Boxing Day' },
];

const northernIreland: readonly BankHoliday[] = [
  // 2024
  { date: '2024-01-01', name: 'New Year’s Day' },
  { date: '2024-03-18', name: 'St Patrick’s Day (substitute day)' },
  { date: '2024-03-29', name: 'Good Friday' },
  { date: '2024-04-01', name: 'Easter Monday' },
  { date: '2024-05-06', name: 'Early May bank holiday' },
  { date: '2024-05-27', name: 'Spring bank holiday' },
  { date: '2024-07-12', name: 'Battle of the Boyne (Orangemen’s Day)' },
  { date: '2024-08-26', name: 'Summer bank holiday' },
  { date: '2024-12-25', name: 'Christmas Day' },
  { date: '2024-12-26', name: 'Boxing Day' },
  // 2025
  { date: '2025-01-01', name: 'New Year’s Day' },
  { date: '2025-03-17', name: 'St Patrick’s Day' },
  { date: '2025-04-18', name: 'Good Friday' },
  { date: '2025-04-21', name: 'Easter Monday' },
  { date: '2025-05-05', name: 'Early May bank holiday' },
  { date: '2025-05-26', name: 'Spring bank holiday' },
  { date: '2025-07-14', name: 'Battle of the Boyne (Orangemen’s Day) (substitute day)' },
  { date: '2025-08-25', name: 'Summer bank holiday' },
  { date: '2025-12-25', name: 'Christmas Day' },
  { date: '2025-12-26', name: 'Boxing Day' },
  // 2026
  { date: '2026-01-01', name: 'New Year’s Day' },
  { date: '2026-03-17', name: 'St Patrick’s Day' },
  { date: '2026-04-03', name: 'Good Friday' },
  { date: '2026-04-06', name: 'Easter Monday' },
  { date: '2026-05-04', name: 'Early May bank holiday' },
  { date: '2026-05-25', name: 'Spring bank holiday' },
  { date: '2026-07-13', name: 'Battle of the Boyne (Orangemen’s Day) (substitute day)' },
  { date: '2026-08-31', name: 'Summer bank holiday' },
  { date: '2026-12-25', name: 'Christmas Day' },
  { date: '2026-12-28', name: 'Boxing Day (substitute day)' },
  // 2027
  { date: '2027-01-01', name: 'New Year’s Day' },
  { date: '2027-03-17', name: 'St Patrick’s Day' },
  { date: '2027-03-26', name: 'Good Friday' },
  { date: '2027-03-29', name: 'Easter Monday' },
  { date: '2027-05-03', name: 'Early May bank holiday' },
  { date: '2027-05-31', name: 'Spring bank holiday' },
  { date: '2027-07-12', name: 'Battle of the Boyne (Orangemen’s Day)' },
  { date: '2027-08-30', name: 'Summer bank holiday' },
  { date: '2027-12-27', name: 'Christmas Day (substitute day)' },
  { date: '2027-12-28', name: 'Boxing Day (substitute day)' },
  // 2028
  { date: '2028-01-03', name: 'New Year’s Day (substitute day)' },
  { date: '2028-03-17', name: 'St Patrick’s Day' },
  { date: '2028-04-14', name: 'Good Friday' },
  { date: '2028-04-17', name: 'Easter Monday' },
  { date: '2028-05-01', name: 'Early May bank holiday' },
  { date: '2028-05-29', name: 'Spring bank holiday' },
  { date: '2028-07-12', name: 'Battle of the Boyne (Orangemen’s Day)' },
  { date: '2028-08-28', name: 'Summer bank holiday' },
  { date: '2028-12-25', name: 'Christmas Day' },
  { date: '2028-12-26', name: 'Boxing Day' },
  // 2029
  { date: '2029-01-01', name: 'New Year’s Day' },
  { date: '2029-03-19', name: 'St Patrick’s Day (substitute day)' },
  { date: '2029-03-30', name: 'Good Friday' },
  { date: '2029-04-02', name: 'Easter Monday' },
  { date: '2029-05-07', name: 'Early May bank holiday' },
  { date: '2029-05-28', name: 'Spring bank holiday' },
  { date: '2029-07-12', name: 'Battle of the Boyne (Orangemen’s Day)' },
  { date: '2029-08-27', name: 'Summer bank holiday' },
  { date: '2029-12-25', name: 'Christmas Day' },
  { date: '2029-12-26', name: 'Boxing Day' },
  // 2030
  { date: '2030-01-01', name: 'New Year’s Day' },
  { date: '2030-03-18', name: 'St Patrick’s Day (substitute day)' },
  { date: '2030-04-19', name: 'Good Friday' },
  { date: '2030-04-22', name: 'Easter Monday' },
  { date: '2030-05-06', name: 'Early May bank holiday' },
  { date: '2030-05-27', name: 'Spring bank holiday' },
  { date: '2030-07-12', name: 'Battle of the Boyne (Orangemen’s Day)' },
  { date: '2030-08-26', name: 'Summer bank holiday' },
  { date: '2030-12-25', name: 'Christmas Day' },
  { date: '2030-12-26', name: 'Boxing Day' },
];

export const BANK_HOLIDAYS: Readonly<Record<Jurisdiction, readonly BankHoliday[]>> = {
  [Jurisdiction.EnglandAndWales]: englandAndWales,
  [Jurisdiction.Scotland]: scotland,
  [Jurisdiction.NorthernIreland]: northernIreland,
};

/** The last date (YYYY-MM-DD) up to which a jurisdiction's bank holidays are known. */
export function bankHolidaysCoverUntil(_jurisdiction: Jurisdiction): string {
  // Every list covers the same years today; the parameter leaves room for one to run further ahead than another.
  return `${BANK_HOLIDAYS_COVER.to}-12-31`;
}

/** The first date (YYYY-MM-DD) from which they are known. */
export function bankHolidaysCoverFrom(_jurisdiction: Jurisdiction): string {
  return `${BANK_HOLIDAYS_COVER.from}-01-01`;
}
