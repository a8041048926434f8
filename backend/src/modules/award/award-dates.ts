const parts = (options: Intl.DateTimeFormatOptions, at: Date) =>
  Object.fromEntries(new Intl.DateTimeFormat('en-GB', options).formatToParts(at).map((p) => [p.type, p.value]));

/** An instant as a person in the UK reads it: "Thursday 17 December 2026, 14:05 (UK time)". */
export function ukDateTime(at: Date | string): string {
  const p = parts(
    {
      timeZone: 'Europe/London',
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    },
    new Date(at),
  );
  return `${p['weekday']} ${p['day']} ${p['month']} ${p['year']}, ${p['hour']}:${p['minute']} (UK time)`;
}

/** A Europe/London calendar date (YYYY-MM-DD) in words: "Thursday 17 December 2026". */
export function ukDay(isoDate: string): string {
  const p = parts({ timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }, new Date(`${isoDate}T12:00:00Z`));
  return `${p['weekday']} ${p['day']} ${p['month']} ${p['year']}`;
}
