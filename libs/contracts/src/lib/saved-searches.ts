import type { PublicTenderSearch } from './discovery';

/**
 * Saved searches (issue 15): a signed-in supplier keeps a search of the public list, is e-mailed when a newly
 * published tender matches it (optional, `NotificationKind.SavedSearchMatch`), and can follow it in a feed reader.
 */

/** What a saved search keeps of the list's query: the words and filters, never the page or the order. */
export type SavedSearchQuery = Omit<PublicTenderSearch, 'cursor' | 'limit' | 'sort'>;

/** How many saved searches one person may keep. */
export const SAVED_SEARCH_LIMIT = 20;
export const SAVED_SEARCH_NAME_MAX = 100;

export interface SavedSearch {
  id: string;
  name: string;
  query: SavedSearchQuery;
  /** E-mail (and an in-app notification) when a newly published tender matches. */
  alerts: boolean;
  createdAt: string;
  lastAlertedAt: string | null;
}

/**
 * A saved search as created (or given a new feed address): `feedPath` holds the feed's secret token, which is
 * kept only as a hash, so it is shown this once. Anyone with the address can read the feed.
 */
export interface SavedSearchWithFeed extends SavedSearch {
  /** "/api/v1/saved-searches/<id>/feed.atom?token=…" */
  feedPath: string;
}

/** POST /saved-searches */
export interface CreateSavedSearchRequest {
  name: string;
  query: SavedSearchQuery;
  /** Default true. */
  alerts?: boolean;
}

/** PATCH /saved-searches/:id: what to change. `renewFeedToken` replaces the feed's address (the old one stops working). */
export interface UpdateSavedSearchRequest {
  name?: string;
  alerts?: boolean;
  renewFeedToken?: boolean;
}

export interface SavedSearchList {
  items: SavedSearch[];
}
