import { AwardDecision, EVALUATION_TEXT_LIMITS, Jurisdiction } from '@openbrief/contracts';
import { formatUkDate } from '../../../../shared/pipes/uk-date.pipe';

/** The server's minimums: a decision needs reasons, and departing from the ranking needs a fuller explanation. */
export const AWARD_REASONS_MIN = EVALUATION_TEXT_LIMITS.awardReasonsMin;
export const AWARD_REASONS_MIN_NOT_LEADER = EVALUATION_TEXT_LIMITS.departureReasonsMin;

export function reasonsMinimum(isLeader: boolean): number {
  return isLeader ? AWARD_REASONS_MIN : AWARD_REASONS_MIN_NOT_LEADER;
}

export const JURISDICTION_NAMES: Record<Jurisdiction, string> = {
  [Jurisdiction.EnglandAndWales]: 'England and Wales',
  [Jurisdiction.Scotland]: 'Scotland',
  [Jurisdiction.NorthernIreland]: 'Northern Ireland',
};

const DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });

/** A calendar date held as "2026-12-17" (already a Europe/London date): "Thursday 17 December 2026". */
export function formatCalendarDay(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  return DAY.format(new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12))).replace(',', '');
}

/** "1st", "2nd", "3rd", "11th", "22nd". */
export function ordinal(rank: number): string {
  const tens = rank % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[rank % 10] ?? 'th');
  return `${rank}${suffix}`;
}

/** Where the standstill is, in words, for a decision whose award notice is published. */
export interface StandstillView {
  lastDay: string;
  endsAt: string;
  counted: string;
  /** The device's clock says it has ended: the server decides, this only avoids offering what it would refuse. */
  ended: boolean;
}

export function standstillView(decision: AwardDecision, now: number): StandstillView | null {
  if (!decision.noticePublishedAt || !decision.standstillLastDay || !decision.standstillEndsAt) return null;
  return {
    lastDay: formatCalendarDay(decision.standstillLastDay),
    endsAt: endsText(decision.standstillEndsAt, formatCalendarDay(decision.standstillLastDay)),
    counted: `At least 8 working days from the day the notice was published, not counting weekends or bank holidays in ${JURISDICTION_NAMES[decision.jurisdiction] ?? 'England and Wales'}.`,
    ended: now >= Date.parse(decision.standstillEndsAt),
  };
}

/** "Midnight on 16 December" is read both ways: say which side of the last day midnight falls. */
function endsText(endsAt: string, lastDay: string): string {
  const when = formatUkDate(endsAt);
  return when.startsWith('midnight on') ? `midnight at the end of ${lastDay} (UK time)` : `${when} (UK time)`;
}
