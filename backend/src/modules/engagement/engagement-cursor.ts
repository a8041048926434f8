/**
 * Where the next page of the public list of engagements starts: the last row's (published_at, id). Opaque to
 * clients (base64url), like the public tender list's cursor; a new notice never shifts a page already read.
 */
export interface EngagementCursor {
  publishedAt: Date;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const CURSOR_MAX_LENGTH = 80;
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function encodeCursor(cursor: EngagementCursor): string {
  return Buffer.from(`${cursor.publishedAt.getTime()}:${cursor.id}`, 'utf8').toString('base64url');
}

/** Null for anything we did not make: the caller answers 400. */
export function decodeCursor(value: string): EngagementCursor | null {
  if (value.length > CURSOR_MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  const match = /^(\d{1,15}):(.+)$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match || !UUID.test(match[2]!)) return null;
  const publishedAt = new Date(Number(match[1]));
  if (publishedAt.getTime() > LATEST) return null;
  return { publishedAt, id: match[2]!.toLowerCase() };
}
