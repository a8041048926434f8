import { Pipe, PipeTransform } from '@angular/core';

/** Public procurement deadlines are set in UK time, whatever the reader's time zone. */
const UK_TIME_ZONE = 'Europe/London';

const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: UK_TIME_ZONE, dateStyle: 'long' });
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: UK_TIME_ZONE,
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

export type UkDateFormat = 'date' | 'dateTime';

/** GOV.UK style: "30 June 2026", or "5:30pm on 30 June 2026", "midday on 30 June 2026". */
export function formatUkDate(value: string | Date, format: UkDateFormat = 'dateTime'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  const day = dateFormat.format(date);
  return format === 'date' ? day : `${ukTime(date)} on ${day}`;
}

function ukTime(date: Date): string {
  const parts = Object.fromEntries(timeFormat.formatToParts(date).map((p) => [p.type, p.value]));
  const hour = parts['hour'] ?? '';
  const minute = parts['minute'] ?? '00';
  const period = (parts['dayPeriod'] ?? '').toLowerCase();
  if (hour === '12' && minute === '00') return period === 'am' ? 'midnight' : 'midday';
  return `${hour}${minute === '00' ? '' : `:${minute}`}${period}`;
}

@Pipe({ name: 'ukDate' })
export class UkDatePipe implements PipeTransform {
  transform(value: string | null | undefined, format: UkDateFormat = 'dateTime'): string | null {
    if (!value) return null;
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? null : formatUkDate(date, format);
  }
}
