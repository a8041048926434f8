import type { ItlRegion, ProcurementCategory } from './tenders';

/**
 * Finding tenders: the public list's search, filters and sorting (GET /api/v1/public/tenders), and
 * what the list and the tender page say about a tender's openness to small suppliers.
 */

/** Where a public tender is, in words a supplier uses. */
export type PublicTenderState = 'open' | 'closed' | 'awarded';

export const PUBLIC_TENDER_STATE_LABELS: Readonly<Record<PublicTenderState, string>> = {
  open: 'Open for responses',
  closed: 'Closed',
  awarded: 'Awarded',
};

/** Value bands for the filter, on the estimated value (excluding VAT). `max` is exclusive; null = no upper bound. */
export const VALUE_BANDS = [
  { id: 'under-25k', label: 'Under £25,000', min: 0, max: 25_000 },
  { id: '25k-100k', label: '£25,000 to £100,000', min: 25_000, max: 100_000 },
  { id: '100k-500k', label: '£100,000 to £500,000', min: 100_000, max: 500_000 },
  { id: '500k-2m', label: '£500,000 to £2 million', min: 500_000, max: 2_000_000 },
  { id: 'over-2m', label: 'Over £2 million', min: 2_000_000, max: null },
] as const;
export type ValueBand = (typeof VALUE_BANDS)[number]['id'];

export const PUBLIC_TENDER_SORTS = {
  relevance: 'Best match',
  newest: 'Newest first',
  closing: 'Closing soonest',
  'value-high': 'Highest value',
  'value-low': 'Lowest value',
} as const;
export type PublicTenderSort = keyof typeof PUBLIC_TENDER_SORTS;

/** Limits on the search input: longer or odder input is refused with 400, never passed to the database. */
export const PUBLIC_SEARCH_LIMITS = {
  /** Characters in `q`. */
  query: 200,
  /** Words (terms) in `q`. */
  terms: 12,
  buyer: 200,
} as const;

/**
 * The list's query string, as the page's URL carries it (shareable, stable). Every field is optional;
 * with none, the list is every public tender, newest first. `relevance` needs `q` (without it, newest).
 */
export interface PublicTenderSearch {
  /** Words to find in the title, summary, outcomes and buyer's name; all must match (prefix match on the last). */
  q?: string;
  /** The buyer's name, exactly as listed. */
  buyer?: string;
  category?: ProcurementCategory;
  region?: ItlRegion;
  value?: ValueBand;
  /** Closing on or after / before this date (YYYY-MM-DD, UK time). */
  closingFrom?: string;
  closingTo?: string;
  state?: PublicTenderState;
  /** Only tenders the checker finds suitable for small suppliers. */
  sme?: boolean;
  sort?: PublicTenderSort;
  limit?: number;
  cursor?: string;
}

/** One test of suitability for small suppliers, and whether the tender passes it, in words. */
export interface SmeSuitabilityReason {
  test: 'thresholds' | 'lots' | 'reading-age' | 'procedure';
  met: boolean;
  text: string;
}

/** A tender's openness as the public sees it: from the checker, computed at publication. */
export interface TenderOpenness {
  /** The checker's openness score, 0–100 (100 = nothing narrows the field). */
  score: number;
  /** Reading age (years) of the texts suppliers read, from the checker's readability measure. */
  readingAge: number | null;
  /** True when every test below is met. */
  suitableForSmallSuppliers: boolean;
  reasons: SmeSuitabilityReason[];
}
