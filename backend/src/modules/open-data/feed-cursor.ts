import { CURSOR_ID, CURSOR_LATEST_TIME, encodeOpaqueCursor, openOpaqueCursor } from '../../common/http/opaque-cursor';

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

export function encodeFeedCursor(c: FeedCursor): string {
  return encodeOpaqueCursor(`${c.at.getTime()}:${c.rank}:${c.id}`);
}

/** Null for anything this feed did not give out: the caller answers 400. */
export function decodeFeedCursor(value: string): FeedCursor | null {
  const text = openOpaqueCursor(value, FEED_CURSOR_MAX_LENGTH);
  const match = text === null ? null : /^(\d{1,15}):([0-2]):(.+)$/.exec(text);
  if (!match || !CURSOR_ID.test(match[3])) return null;
  const at = Number(match[1]);
  if (at > CURSOR_LATEST_TIME) return null;
  return { at: new Date(at), rank: Number(match[2]), id: match[3] };
}
