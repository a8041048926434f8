/**
 * The framing every paged list's cursor shares: the cursor's fields joined as text and sent base64url, opaque
 * to clients so its fields can change. Each list decodes its own fields; this checks what all of them check first.
 */

/** A row id inside a cursor: a UUID in lower case, as the database holds them. */
export const CURSOR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The latest moment a cursor may name: years past 9999 are no time we wrote, and not every driver writes them the same way. */
export const CURSOR_LATEST_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function encodeOpaqueCursor(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

/** The cursor's text, or null when it is too long or not base64url (nothing we gave out): the caller answers 400. */
export function openOpaqueCursor(value: string, maxLength: number): string | null {
  if (value.length > maxLength || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  return Buffer.from(value, 'base64url').toString('utf8');
}
