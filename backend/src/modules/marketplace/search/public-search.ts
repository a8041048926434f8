import {
  type ItlRegion,
  type ProcurementCategory,
  type PublicTenderSearch,
  type PublicTenderSort,
  type PublicTenderState,
  VALUE_BANDS,
  type ValueBand,
} from '@openbrief/contracts';
import { createHash } from 'node:crypto';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { PublishedTender } from '../entities/published-tender.entity';
import type { PublicListCursor } from '../public-list-cursor';
import { searchWords } from './search-words';
import type { TenderSearch } from './tender-search';

/** The closing key of a tender with no deadline: "closing soonest" lists them last. */
export const NO_DEADLINE = new Date(Date.UTC(9999, 11, 31));
/** The value keys of a tender with no estimated value: "highest" and "lowest value" list them last. */
export const NO_VALUE_HIGH = -1;
export const NO_VALUE_LOW = 9_000_000_000_000_000;

/** A search as the list runs it: the words normalised, the sort decided, dates turned into instants. */
export interface ListSearch {
  words: string[];
  buyer?: string;
  category?: ProcurementCategory;
  region?: ItlRegion;
  value?: ValueBand;
  /** The first instant of closingFrom's day and the first instant after closingTo's day, UK time. */
  closingFrom?: Date;
  closingBefore?: Date;
  state?: PublicTenderState;
  sme?: boolean;
  sort: PublicTenderSort;
}

/** The query string as the list runs it. "Best match" needs words; without any it is "newest", and with words and no sort it is "best match". */
export function listSearch(query: PublicTenderSearch): ListSearch {
  const words = searchWords(query.q ?? '');
  const requested = query.sort ?? (words.length ? 'relevance' : 'newest');
  return {
    words,
    buyer: query.buyer,
    category: query.category,
    region: query.region,
    value: query.value,
    closingFrom: query.closingFrom ? ukDayStart(query.closingFrom) : undefined,
    closingBefore: query.closingTo ? ukDayStart(nextDay(query.closingTo)) : undefined,
    state: query.state,
    sme: query.sme,
    sort: requested === 'relevance' && !words.length ? 'newest' : requested,
  };
}

/** A short digest of everything but the page: a cursor carries it, so it is refused for another search. */
export function searchFingerprint(s: ListSearch): string {
  const canonical = JSON.stringify([
    s.words,
    s.buyer ?? null,
    s.category ?? null,
    s.region ?? null,
    s.value ?? null,
    s.closingFrom?.getTime() ?? null,
    s.closingBefore?.getTime() ?? null,
    s.state ?? null,
    s.sme ?? null,
    s.sort,
  ]);
  return createHash('sha256').update(canonical).digest('base64url').slice(0, 12);
}

/** The alias of the search engine's matches, joined for "best match": `m.rank`, lower is better. */
const MATCHES = 'm';

/**
 * The rows matching the search and filters, in no order: the page query and the count both start here. With
 * `ranked`, the engine's matches are joined (as `m`, for "best match", read with getRawMany); otherwise they only
 * narrow the rows (`IN`), so the rows can still be read along a sort's index.
 */
export function matchingQuery(source: DataSource | EntityManager, engine: TenderSearch, s: ListSearch, now: Date, ranked = false) {
  const q = source.createQueryBuilder(PublishedTender, 'p');
  if (s.words.length) {
    const m = engine.matches(s.words);
    if (ranked) q.innerJoin(m.sql, MATCHES, `${MATCHES}.tender_id = p.tender_id`, m.parameters);
    else q.andWhere(`p.tender_id IN (SELECT ${MATCHES}.tender_id FROM ${m.sql} ${MATCHES})`, m.parameters);
  }
  if (s.buyer !== undefined) q.andWhere('p.buyer_name = :buyer', { buyer: s.buyer });
  if (s.category) q.andWhere('p.main_category = :category', { category: s.category });
  // No regions means anywhere in the UK, so such a tender is in every region's list.
  if (s.region) q.andWhere(`(p.regions = '' OR p.regions LIKE :region)`, { region: `%|${s.region}|%` });
  if (s.value) {
    const band = VALUE_BANDS.find((b) => b.id === s.value)!;
    // In pence, on the value key: a tender without a value (key -1) is in no band.
    q.andWhere('p.value_high_key >= :valueMin', { valueMin: band.min * 100 });
    if (band.max !== null) q.andWhere('p.value_high_key < :valueMax', { valueMax: band.max * 100 });
  }
  if (s.closingFrom || s.closingBefore) {
    // A tender without a deadline (the NO_DEADLINE key) closes on no date.
    q.andWhere('p.closing_key >= :closingFrom', { closingFrom: s.closingFrom ?? new Date(0) });
    q.andWhere('p.closing_key < :closingBefore', {
      closingBefore: s.closingBefore && s.closingBefore < NO_DEADLINE ? s.closingBefore : NO_DEADLINE,
    });
  }
  if (s.state === 'open') q.andWhere(`p.status = 'published' AND p.closing_key > :now`, { now });
  if (s.state === 'closed')
    q.andWhere(`(p.status IN ('closed', 'evaluating') OR (p.status = 'published' AND p.closing_key <= :now))`, { now });
  if (s.state === 'awarded') q.andWhere(`p.status = 'awarded'`);
  if (s.sme) q.andWhere('p.sme_suitable = :sme', { sme: true });
  return q;
}

interface KeysetSort {
  column: string;
  descending: boolean;
  key: (p: PublishedTender) => number;
  param: (key: number) => Date | number;
}

const KEYSET: Readonly<Record<Exclude<PublicTenderSort, 'relevance'>, KeysetSort>> = {
  newest: { column: 'p.published_at', descending: true, key: (p) => p.publishedAt.getTime(), param: (k) => new Date(k) },
  closing: { column: 'p.closing_key', descending: false, key: (p) => (p.closingKey ?? NO_DEADLINE).getTime(), param: (k) => new Date(k) },
  'value-high': { column: 'p.value_high_key', descending: true, key: (p) => p.valueHighKey ?? NO_VALUE_HIGH, param: (k) => k },
  'value-low': { column: 'p.value_low_key', descending: false, key: (p) => p.valueLowKey ?? NO_VALUE_LOW, param: (k) => k },
};

/**
 * One page, `take` rows from the cursor on. The keyset sorts compare (key, tender id) as a row value, which lets
 * SQLite and PostgreSQL start the scan of the sort's index at the cursor and read it in order, sorting nothing;
 * ties are broken by tender id, in the sort's direction. "Best match" (on a `ranked` matching query) ranks every
 * match (no index holds a rank), skips the ones already read and selects only the ids, in order (`getRawMany`).
 */
export function pageOf(q: SelectQueryBuilder<PublishedTender>, sort: PublicTenderSort, after: PublicListCursor | null, take: number) {
  if (sort === 'relevance') {
    return q
      .select('p.tender_id', 'tender_id')
      .orderBy(`${MATCHES}.rank`, 'ASC')
      .addOrderBy('p.tender_id', 'ASC')
      .offset(after?.key ?? 0)
      .limit(take);
  }
  const k = KEYSET[sort];
  if (after) {
    q.andWhere(`(${k.column}, p.tender_id) ${k.descending ? '<' : '>'} (:afterKey, :afterId)`, {
      afterKey: k.param(after.key),
      afterId: after.tenderId,
    });
  }
  const direction = k.descending ? 'DESC' : 'ASC';
  return q.orderBy(k.column, direction).addOrderBy('p.tender_id', direction).limit(take);
}

/** The cursor key of a page's last row. */
export function cursorKey(sort: PublicTenderSort, last: PublishedTender, offset: number): number {
  return sort === 'relevance' ? offset : KEYSET[sort].key(last);
}

/** A tender's public state now: open until its deadline (by the server's clock), then closed; awarded once awarded. */
export function stateOf(p: Pick<PublishedTender, 'status' | 'submissionDeadline'>, now: Date): PublicTenderState {
  if (p.status === 'awarded') return 'awarded';
  if (p.status !== 'published') return 'closed';
  return p.submissionDeadline && p.submissionDeadline.getTime() <= now.getTime() ? 'closed' : 'open';
}

const LONDON = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
});

/** The UTC instant a UK calendar day (YYYY-MM-DD) begins: 00:00 GMT or BST (UK clocks never change at midnight). */
export function ukDayStart(day: string): Date {
  const [y, m, d] = day.split('-').map(Number);
  const midnightUtc = Date.UTC(y, m - 1, d);
  // In summer time the day begins an hour before midnight UTC.
  const bst = midnightUtc - 3_600_000;
  const parts = Object.fromEntries(LONDON.formatToParts(new Date(bst)).map((p) => [p.type, p.value]));
  const isStart = parts['hour'] === '00' && Number(parts['day']) === d;
  return new Date(isStart ? bst : midnightUtc);
}

function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
