import {
  ITL_REGION_CODES,
  PUBLIC_TENDER_SORTS,
  PUBLIC_TENDER_STATE_LABELS,
  ProcurementCategory,
  VALUE_BANDS,
  type ItlRegion,
  type PublicTenderSearch,
  type PublicTenderSort,
  type PublicTenderState,
  type ValueBand,
} from '@openbrief/contracts';
import type { AppError } from '../../../core/http/app-error';

/**
 * The public list's choices, as the page's URL, the form and the API's query string carry them. The URL
 * and the API use the same names (PublicTenderSearch's), in the same order, so a shared link is stable.
 */

/** The URL's parameters, in the order they are written. Paging (`limit`, `cursor`) is not a choice the URL keeps. */
export const SEARCH_PARAMS = ['q', 'buyer', 'category', 'region', 'value', 'closingFrom', 'closingTo', 'state', 'sme', 'sort'] as const;
export type SearchParam = (typeof SEARCH_PARAMS)[number];

/** The filters (everything but the words and the order): what "Clear filters" removes. */
export const FILTER_PARAMS: readonly SearchParam[] = ['buyer', 'category', 'region', 'value', 'closingFrom', 'closingTo', 'state', 'sme'];

export type SearchChoices = Omit<PublicTenderSearch, 'limit' | 'cursor'>;

/** Read-only access to a query string, as ParamMap, URLSearchParams and FormData all give it. */
export interface ParamSource {
  get(name: string): unknown;
}

const CATEGORIES = new Set<string>(Object.values(ProcurementCategory));
const REGIONS = new Set<string>(ITL_REGION_CODES);
const BANDS = new Set<string>(VALUE_BANDS.map((b) => b.id));
const STATES = new Set<string>(Object.keys(PUBLIC_TENDER_STATE_LABELS));
const SORTS = new Set<string>(Object.keys(PUBLIC_TENDER_SORTS));
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function text(source: ParamSource, name: string): string | undefined {
  const value = source.get(name);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().replace(/\s+/g, ' ');
  return trimmed === '' ? undefined : trimmed;
}

function oneOf<T extends string>(source: ParamSource, name: string, allowed: ReadonlySet<string>): T | undefined {
  const value = text(source, name);
  return value !== undefined && allowed.has(value) ? (value as T) : undefined;
}

function isoDay(source: ParamSource, name: string): string | undefined {
  const value = text(source, name);
  if (value === undefined || !ISO_DAY.test(value)) return undefined;
  // Rejects 2026-02-31 and the like, which Date would roll over into March.
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value ? value : undefined;
}

/**
 * The choices a URL (or the submitted form) makes. Words and the buyer's name pass as typed (trimmed),
 * so the server judges their length; a value no control can show (an unknown region, a mistyped date)
 * is dropped rather than sent, so the form always shows exactly what the list was asked for.
 */
export function searchFrom(source: ParamSource): SearchChoices {
  const search: SearchChoices = {
    q: text(source, 'q'),
    buyer: text(source, 'buyer'),
    category: oneOf<ProcurementCategory>(source, 'category', CATEGORIES),
    region: oneOf<ItlRegion>(source, 'region', REGIONS),
    value: oneOf<ValueBand>(source, 'value', BANDS),
    closingFrom: isoDay(source, 'closingFrom'),
    closingTo: isoDay(source, 'closingTo'),
    state: oneOf<PublicTenderState>(source, 'state', STATES),
    sme: ['true', 'on', '1'].includes(text(source, 'sme') ?? '') ? true : undefined,
    sort: oneOf<PublicTenderSort>(source, 'sort', SORTS),
  };
  // The order asked for is kept only when it differs from the default, so equal searches have equal URLs.
  // "Best match" without words is the newest first too.
  if (search.sort === defaultSort(search) || (search.sort === 'relevance' && !search.q)) search.sort = undefined;
  return compact(search);
}

/** Without words to match, "best match" is the newest first, which is what the list does anyway. */
export function defaultSort(search: SearchChoices): PublicTenderSort {
  return search.q ? 'relevance' : 'newest';
}

/** The order the sort control shows: the one asked for, or the default for these choices. */
export function effectiveSort(search: SearchChoices): PublicTenderSort {
  return search.sort ?? defaultSort(search);
}

/** The query string for the URL and the API: only the choices made, always in SEARCH_PARAMS order. */
export function searchParams(search: SearchChoices): Record<string, string> {
  const params: Record<string, string> = {};
  for (const name of SEARCH_PARAMS) {
    const value = search[name];
    if (value === undefined || value === false || value === '') continue;
    params[name] = String(value);
  }
  return params;
}

/** How many filters are chosen (for "Show filters (2 chosen)"); words and order are not filters. */
export function filterCount(search: SearchChoices): number {
  return FILTER_PARAMS.filter((name) => search[name] !== undefined).length;
}

/** True when the list is narrowed at all, by words or filters: the empty list then suggests changing them. */
export function isNarrowed(search: SearchChoices): boolean {
  return search.q !== undefined || filterCount(search) > 0;
}

/** The same search with every filter removed: the words and the order stay. */
export function withoutFilters(search: SearchChoices): SearchChoices {
  return compact({ q: search.q, sort: search.sort });
}

export function sameSearch(a: SearchChoices, b: SearchChoices): boolean {
  const pa = searchParams(a);
  const pb = searchParams(b);
  const keys = Object.keys(pa);
  return keys.length === Object.keys(pb).length && keys.every((k) => pa[k] === pb[k]);
}

function compact(search: SearchChoices): SearchChoices {
  return Object.fromEntries(Object.entries(search).filter(([, v]) => v !== undefined)) as SearchChoices;
}

/** "12 opportunities", "1 opportunity", "No opportunities". */
export function countLabel(total: number): string {
  if (total === 0) return 'No opportunities';
  return total === 1 ? '1 opportunity' : `${total.toLocaleString('en-GB')} opportunities`;
}

/** What the form calls each parameter, for the server's reasons, which name the parameter. */
const PARAM_WORDS: Readonly<Record<SearchParam, string>> = {
  q: 'Your search',
  buyer: "The buyer's name",
  category: 'The category',
  region: 'The region',
  value: 'The estimated value',
  closingFrom: 'The first closing date',
  closingTo: 'The last closing date',
  state: 'The status',
  sme: '"Suitable for small suppliers"',
  sort: 'The order',
};

/**
 * Why the server refused a search (400), in the form's words: its reasons name the query parameter
 * ("q must be at most 200 characters."), which a reader never sees, so the parameter becomes its label.
 */
export function searchProblem(error: AppError): string {
  if (!error.details.length) return error.message;
  const reasons = error.details.map(({ field, message }) => {
    const words = field && field in PARAM_WORDS ? PARAM_WORDS[field as SearchParam] : null;
    return words && message.startsWith(`${field} `) ? `${words}${message.slice(field!.length)}` : message;
  });
  return [...new Set(reasons)].join(' ');
}
