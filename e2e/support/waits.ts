/**
 * Limits for conditions that depend on the server and the browser being quick. Generous on purpose: the
 * suite must pass on a busy shared machine and fail only when a feature is broken. How fast things should
 * be is measured by `npm run bench` (backend/bench/going-live.mjs for going live), never by these limits.
 */

/** A save, a projection into the tables, the checker's answer: work the server does in well under a second when quiet. */
export const SERVER_WORK_MS = 30_000;

/** Connecting, authenticating, loading the live document and the first sync; or reconnecting and merging. */
export const GOING_LIVE_MS = 60_000;
