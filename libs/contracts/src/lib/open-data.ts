/**
 * Open data: OCDS 1.1 releases, records and release packages with the UK profile (issue 15).
 * The mapping itself is framework-free in `libs/ocds`; these are the route shapes the API serves.
 */
export {};
