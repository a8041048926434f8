/**
 * Where the next page of the OCDS feed starts: the last release's date, its source (versions, award notices,
 * contracts, in that rank) and its row id: the feed's order is date, then rank, then id, all descending. Opaque to
 * clients (base64url), so it can change.
 */
export interface FeedCursor {
  at: Date;
  rank: number;
  id: string;
}

export const FEED_CURSOR_MAX_LENGTH = 120;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function encodeFeedCursor(c: FeedCursor): string {
  return Buffer.from(`${c.at.getTime()}:${c.rank}:${c.id}`, 'utf8').toString('base64url');
}

/** Null for anything this feed did not give out: the caller answers 400. */
export function decodeFeedCursor(value: string): FeedCursor | null {
  if (value.length > FEED_CURSOR_MAX_LENGTH || !/^[A-Za-z0-9_-]+$/.test(value)) return null;
  const match = /^(\d{1,15}):([0-2]):(.+)$/.exec(Buffer.from(value, 'base64url').toString('utf8'));
  if (!match || !UUID.test(match[3])) return null;
  const at = Number(match[1]);
  if (at > LATEST) return null;
  return { at: new Date(at), rank: Number(match[2]), id: match[3] };
}
