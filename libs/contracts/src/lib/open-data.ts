/**
 * Open data: OCDS 1.1 releases, records and release packages with the UK profile (issue 15).
 * The mapping itself is framework-free in `libs/ocds`; these are the routes the API serves and their limits.
 */

/** Routes under /api/v1, for anyone (no account). */
export const OCDS_ROUTES = {
  /** A release package of every release of one ocid. */
  releases: (ocid: string) => `/ocds/releases/${encodeURIComponent(ocid)}`,
  /** A record package: the ocid's releases and its compiled release. */
  record: (ocid: string) => `/ocds/records/${encodeURIComponent(ocid)}`,
  /** The feed: every public release, newest first, a page at a time (`updatedFrom`, `updatedTo`, `cursor`, `limit`). */
  feed: () => `/ocds/releases`,
} as const;

/** Releases per page of the feed, unless asked otherwise, and at most. */
export const OCDS_FEED_PAGE_SIZE = 50;
export const OCDS_FEED_PAGE_MAX = 100;

/** The feed's query string, as Find a Tender's OCDS API takes it. */
export interface OcdsReleaseFeedQuery {
  /** Releases dated at or after this instant (ISO 8601 with a time zone). */
  updatedFrom?: string;
  /** Releases dated at or before this instant. */
  updatedTo?: string;
  /** From the previous page's `links.next`; opaque. */
  cursor?: string;
  limit?: number;
}
