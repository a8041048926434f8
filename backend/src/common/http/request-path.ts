/** The path of a request target, without its query string (as sent: not decoded). */
export function pathOf(url: string): string {
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}

/** `/api` and everything under it, in any letter case, so no spelling of an API path escapes the CSRF check. */
export function isApiPath(path: string): boolean {
  return /^\/api(\/|$)/i.test(path);
}
