import { CURSOR_ID, CURSOR_LATEST_TIME, encodeOpaqueCursor, openOpaqueCursor } from '../../common/http/opaque-cursor';

/**
 * Where the next page of the public list of engagements starts: the last row's (published_at, id). Opaque to
 * clients (base64url), like the public tender list's cursor; a new notice never shifts a page already read.
 */
export interface EngagementCursor {
  publishedAt: Date;
  id: string;
}

export const CURSOR_MAX_LENGTH = 80;

export function encodeCursor(cursor: EngagementCursor): string {
  return encodeOpaqueCursor(`${cursor.publishedAt.getTime()}:${cursor.id}`);
}

/** Null for anything we did not make: the caller answers 400. */
export function decodeCursor(value: string): EngagementCursor | null {
  const text = openOpaqueCursor(value, CURSOR_MAX_LENGTH);
  const match = text === null ? null : /^(\d{1,15}):(.+)$/.exec(text);
  const id = match ? match[2]!.toLowerCase() : null;
  if (!match || !id || !CURSOR_ID.test(id)) return null;
  const publishedAt = new Date(Number(match[1]));
  if (publishedAt.getTime() > CURSOR_LATEST_TIME) return null;
  return { publishedAt, id };
}
