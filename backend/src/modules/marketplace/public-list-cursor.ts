/**
 * Where the next page of the public list starts: the last row's (published_at, tender_id), the
 * list's keyset. Opaque to clients (base64url) so we can change it; a new publication never shifts
 * a page that was already read, unlike an offset.
 */
export interface PublicListCursor {
  publishedAt: Date;
  tenderId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Long enough for any cursor we make; longer input is refused before it is decoded. */
export const CURSOR_MAX_LENGTH = 80;
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function encodeCursor(cursor: PublicListCursor): string {
  return Buffer.from(`${cursor.publishedAt.getTime()}:${cursor.tenderId}`, 'utf8').toString('base64url');
}

/** Null for anything we did not make: the caller answers 400. */
export function decodeCursor(value: string): PublicListCursor | null {
  if (value.length > CURSOR_MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  const match = /^(\d{1,15}):(.+)$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match || !UUID.test(match[2])) return null;
  // Years past 9999 are no time we wrote, and not every driver writes them the same way.
  const publishedAt = new Date(Number(match[1]));
  if (publishedAt.getTime() > LATEST) return null;
  return { publishedAt, tenderId: match[2].toLowerCase() };
}
