/**
 * Converts between ISO instants (what the API stores, in UTC) and the wall-clock value of a
 * `datetime-local` input read as UK time (GMT in winter, BST in summer), whatever the
 * browser's own time zone.
 */
const UK_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const LOCAL_VALUE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

function ukWallClock(utcMs: number): { y: number; mo: number; d: number; h: number; mi: number } {
  const parts: Record<string, string> = {};
  for (const part of UK_PARTS.formatToParts(new Date(utcMs))) parts[part.type] = part.value;
  return {
    y: Number(parts['year']),
    mo: Number(parts['month']),
    d: Number(parts['day']),
    h: Number(parts['hour']) % 24,
    mi: Number(parts['minute']),
  };
}

/** Minutes UK time is ahead of UTC at this instant: 0 (GMT) or 60 (BST). */
function ukOffsetMinutes(utcMs: number): number {
  const w = ukWallClock(utcMs);
  const wallAsUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi);
  return Math.round((wallAsUtc - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/** "2027-06-30T17:00:00.000Z" → "2027-06-30T18:00" (BST). Empty for null or nonsense. */
export function isoToUkInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const w = ukWallClock(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

/**
 * "2027-06-30T18:00" read as UK time → "2027-06-30T17:00:00.000Z". A time skipped when the clocks
 * go forward is read as the hour after; a time that happens twice when they go back, as the second.
 */
export function ukInputToIso(value: string): string | null {
  const m = LOCAL_VALUE.exec(value);
  if (!m) return null;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]));
  let utc = wall - ukOffsetMinutes(wall) * 60_000;
  const corrected = wall - ukOffsetMinutes(utc) * 60_000;
  if (corrected !== utc) utc = corrected;
  return new Date(utc).toISOString();
}
