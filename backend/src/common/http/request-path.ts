/** The path of a request target, without its query string (as sent: not decoded). */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** `/api` and everything under it, in any letter case, so no spelling of an API path escapes the CSRF check. */
export function isApiPath(path: string): boolean {
  return /^\/api(\/|$)/i.test(path);
}

/**
 * Reads for anyone, the same for everyone (the published tenders, open data): no cookie is minted on them,
 * so a CDN or the public cache may keep them and a crawler collects nothing.
 */
export function isPublicReadPath(path: string): boolean {
  return /^\/api\/v1\/(public|ocds)(\/|$)/i.test(path);
}
