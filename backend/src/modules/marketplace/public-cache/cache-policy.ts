import type { PublicReadKind } from './response-store';

/**
 * How long public reads are kept, here and by others (docs/architecture.md, "Public reads").
 *
 * - In this process: until a publication or status change of the tender (any list: of any tender) drops
 *   them, and at most `MEMORY_TTL_MS`, the bound on a missed invalidation between instances (Redis away).
 *   Lists and pages never outlive the next submission deadline they may show, so "open" turns into
 *   "closed" on time without a publication.
 * - By browsers and CDNs: the latest view, lists, a version's JSON (it carries the tender's live status)
 *   and the latest pack are `max-age=0` for browsers, which revalidate every time (a cheap 304), and up to
 *   `SHARED_MAX_AGE_S` for a CDN (`s-maxage`, never past the entry's own expiry), then `must-revalidate`: a
 *   CDN may show a change up to 30 s late, never a closed tender as open. A version's pack never changes
 *   (its ETag is its SHA-256): `immutable` for a day, the bound on a CDN serving the pack of a tender
 *   later withdrawn from public view (cancelled).
 */
export const MEMORY_TTL_MS = 60_000;
export const SHARED_MAX_AGE_S = 30;
export const IMMUTABLE_MAX_AGE_S = 86_400;

/** Bounds on the memory the cache may hold. */
export const MAX_ENTRIES = 5_000;
export const MAX_BYTES = 64 * 1024 * 1024;
/** Longer request targets (odd query strings) are answered but not kept. */
export const MAX_KEY_LENGTH = 2_048;

/** The Cache-Control header for an entry of `kind` that expires at `expiresAt`, sent at `now` (both ms). */
export function cacheControlFor(kind: PublicReadKind, expiresAt: number, now: number): string {
  if (kind === 'version-pack') return `public, max-age=${IMMUTABLE_MAX_AGE_S}, immutable`;
  const shared = Math.max(0, Math.min(SHARED_MAX_AGE_S, Math.floor((expiresAt - now) / 1000)));
  return `public, max-age=0, s-maxage=${shared}, must-revalidate`;
}
