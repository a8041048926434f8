import type { PublicTenderSort } from '@openbrief/contracts';
import { CURSOR_ID, CURSOR_LATEST_TIME, encodeOpaqueCursor, openOpaqueCursor } from '../../common/http/opaque-cursor';
import { listSearch, searchFingerprint } from './search/public-search';

/**
 * Where the next page of the public list starts. For the keyset sorts, the last row's sort key and tender id
 * (newest: publication time; closing: the closing key; value: the value key in pence), so a new publication
 * never shifts a page already read, unlike an offset; for "best match", how many matches were read (ranks move
 * as tenders are published, and no index holds them). Each cursor names its sort and a fingerprint of the
 * search and filters it was made for: a cursor from another search is refused rather than paging wrongly.
 * Opaque to clients (base64url), so we can change it.
 */
export interface PublicListCursor {
  sort: PublicTenderSort;
  /** Fingerprint of the search it belongs to (`searchFingerprint`). */
  search: string;
  /** The last row's sort key (milliseconds, pence) or, for relevance, the number of matches already read. */
  key: number;
  /** The last row's tender id (relevance: the last id read, for the record). */
  tenderId: string;
}

/** Long enough for any cursor we make; longer input is refused before it is decoded. */
export const CURSOR_MAX_LENGTH = 120;
/** The largest key: a value in pence (up to 10^15) or a time; beyond it nothing we made. */
const MAX_KEY = 9_000_000_000_000_000;

const SORT_CODES: Readonly<Record<PublicTenderSort, string>> = {
  newest: 'n',
  closing: 'c',
  'value-high': 'h',
  'value-low': 'l',
  relevance: 'r',
};
const SORTS_BY_CODE = new Map(Object.entries(SORT_CODES).map(([sort, code]) => [code, sort as PublicTenderSort]));

/** The newest-first list with no search or filter: its cursor can be named by the last row's publication time alone. */
export interface NewestCursor {
  publishedAt: Date;
  tenderId: string;
}

export function encodeCursor(given: PublicListCursor | NewestCursor): string {
  const cursor: PublicListCursor =
    'publishedAt' in given
      ? { sort: 'newest', search: searchFingerprint(listSearch({})), key: given.publishedAt.getTime(), tenderId: given.tenderId }
      : given;
  return encodeOpaqueCursor(`${SORT_CODES[cursor.sort]}.${cursor.search}.${cursor.key}.${cursor.tenderId}`);
}

/** Null for anything we did not make: the caller answers 400. */
export function decodeCursor(value: string): PublicListCursor | null {
  const text = openOpaqueCursor(value, CURSOR_MAX_LENGTH);
  const match = text === null ? null : /^([a-z])\.([A-Za-z0-9_-]{1,16})\.(-?\d{1,16})\.(.+)$/.exec(text);
  const tenderId = match?.[4].toLowerCase();
  if (!match || !tenderId || !CURSOR_ID.test(tenderId)) return null;
  const sort = SORTS_BY_CODE.get(match[1]);
  const key = Number(match[3]);
  if (!sort || !Number.isSafeInteger(key) || key > MAX_KEY) return null;
  if ((sort === 'newest' || sort === 'closing') && (key < 0 || key > CURSOR_LATEST_TIME)) return null;
  if (sort === 'relevance' && key < 0) return null;
  return { sort, search: match[2], key, tenderId };
}
