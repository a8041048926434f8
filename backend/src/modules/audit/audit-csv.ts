/**
 * CSV (RFC 4180) for the audit trail export. Every cell is quoted, and a cell that a spreadsheet would
 * run as a formula (starting with = + - @, or a tab or carriage return that hides one) is prefixed with
 * an apostrophe, so opening the file never runs someone's text (OWASP "CSV injection").
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** Rows joined with CRLF; a byte-order mark first, so Excel reads the file as UTF-8 (names, £, “quotes”). */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  return `\uFEFF${[header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

const UK_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'short',
});

/** "15/02/2027, 12:00:00 GMT" (or BST in summer): UK wall-clock time, saying which. */
export function ukTime(at: Date): string {
  return UK_TIME.format(at);
}
