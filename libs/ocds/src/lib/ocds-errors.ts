/** Input the mapping cannot turn into a valid release (a caller's mistake, never the public's): say which and why. */
export class OcdsInputError extends Error {
  override readonly name = 'OcdsInputError';
}

/** An ISO 8601 instant in UTC with milliseconds (OCDS `date-time`); refuses anything that is not a date. */
export function instant(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new OcdsInputError(`${String(value)} is not a date and time.`);
  return date.toISOString();
}
