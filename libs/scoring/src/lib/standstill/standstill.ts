import { Jurisdiction } from '@openbrief/contracts';
import { BANK_HOLIDAYS, bankHolidaysCoverFrom, bankHolidaysCoverUntil } from './bank-holidays';

export { BANK_HOLIDAYS, BANK_HOLIDAYS_COVER, bankHolidaysCoverFrom, bankHolidaysCoverUntil, type BankHoliday } from './bank-holidays';

export interface StandstillPeriod {
  /** The last working day of the standstill, as a Europe/London date (YYYY-MM-DD). */
  lastDay: string;
  /** The instant it ends: midnight (Europe/London) at the end of the last day, ISO 8601 UTC. */
  endsAt: string;
  /** The first working day counted (the publication day when it is a working day), YYYY-MM-DD. */
  firstDay: string;
  /** Bank holidays that fell inside the period and were not counted, with where they are bank holidays. */
  holidaysSkipped: { date: string; name: string; where: string }[];
}

const JURISDICTION_NAMES: Record<Jurisdiction, string> = {
  [Jurisdiction.EnglandAndWales]: 'England and Wales',
  [Jurisdiction.Scotland]: 'Scotland',
  [Jurisdiction.NorthernIreland]: 'Northern Ireland',
};
const ALL = Object.values(Jurisdiction);

/** Every UK bank holiday by date, with the parts of the UK that keep it. */
const HOLIDAYS = new Map<string, { name: string; jurisdictions: Jurisdiction[] }>();
for (const j of ALL)
  for (const h of BANK_HOLIDAYS[j]) {
    const entry = HOLIDAYS.get(h.date);
    if (entry) entry.jurisdictions.push(j);
    else HOLIDAYS.set(h.date, { name: h.name, jurisdictions: [j] });
  }

const londonDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });
const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** Calendar arithmetic on YYYY-MM-DD dates, done in UTC so no clock change can shift a day. */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

/** The UTC instant at which a Europe/London calendar day begins (00:00 GMT or BST; UK clocks never change at midnight). */
function londonMidnight(date: string): Date {
  const guess = new Date(`${date}T00:00:00Z`);
  const p: Record<string, string> = {};
  for (const part of londonClock.formatToParts(guess)) p[part.type] = part.value;
  const asIfUtc = Date.UTC(Number(p['year']), Number(p['month']) - 1, Number(p['day']), Number(p['hour']), Number(p['minute']));
  return new Date(guess.getTime() - (asIfUtc - guess.getTime()));
}

/**
 * Procurement Act 2023 s123(1): a "working day" is any day but a Saturday, a Sunday, Christmas Day, Good Friday or a
 * bank holiday under the Banking and Financial Dealings Act 1971 in ANY part of the United Kingdom — so a tender in
 * England still skips St Andrew's Day and St Patrick's Day. The tender's jurisdiction only names the holidays.
 */
function isWorkingDay(date: string): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !HOLIDAYS.has(date);
}

function where(jurisdictions: Jurisdiction[]): string {
  if (jurisdictions.length === ALL.length) return 'the whole United Kingdom';
  return jurisdictions.map((j) => JURISDICTION_NAMES[j]).join(' and ');
}

/**
 * The standstill: Procurement Act 2023 s51(2), the period of eight working days beginning with the day on which the
 * contract award notice is published. The publication day (Europe/London) is day 1 when it is a working day;
 * otherwise counting starts with the next one. It ends at midnight, UK time, at the end of the last day.
 */
export function standstillPeriod(noticePublishedAt: string, jurisdiction: Jurisdiction, workingDays = 8): StandstillPeriod {
  const published = new Date(noticePublishedAt);
  if (Number.isNaN(published.getTime())) throw new RangeError(`Not a date: ${noticePublishedAt}`);
  if (!Number.isInteger(workingDays) || workingDays < 1) throw new RangeError('A standstill is at least one whole working day');
  if (!ALL.includes(jurisdiction)) throw new RangeError(`Unknown jurisdiction: ${String(jurisdiction)}`);
  // The union of every part's holidays is used, so the period is only known where all of them are.
  const from = ALL.map(bankHolidaysCoverFrom).sort().at(-1)!;
  const until = ALL.map(bankHolidaysCoverUntil).sort()[0];

  let day = londonDate.format(published);
  if (day < from) throw new RangeError(`Bank holidays are only recorded from ${from}`);
  let firstDay: string | null = null;
  const holidaysSkipped: StandstillPeriod['holidaysSkipped'] = [];
  for (let counted = 0; ; day = addDays(day, 1)) {
    if (day > until) throw new RangeError(`Bank holidays are only recorded up to ${until}: add the next year's to bank-holidays.ts`);
    const holiday = HOLIDAYS.get(day);
    if (holiday && weekday(day) !== 0 && weekday(day) !== 6) {
      const local = holiday.jurisdictions.includes(jurisdiction) ? '' : ' (counted everywhere in the UK by the Act)';
      holidaysSkipped.push({ date: day, name: holiday.name, where: `${where(holiday.jurisdictions)}${local}` });
    }
    if (!isWorkingDay(day)) continue;
    firstDay ??= day;
    if (++counted === workingDays) break;
  }
  return { firstDay: firstDay!, lastDay: day, endsAt: londonMidnight(addDays(day, 1)).toISOString(), holidaysSkipped };
}
