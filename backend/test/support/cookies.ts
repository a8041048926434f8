/**
 * Keeps what `Set-Cookie` headers say in a jar, as a browser would: a cookie set to nothing, or expired,
 * is removed. One definition for every test client (supertest, fetch, raw node:http).
 */
export function storeSetCookies(jar: Map<string, string>, setCookies: string | string[] | undefined): void {
  for (const c of ([] as string[]).concat(setCookies ?? [])) {
    const [pair] = c.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq);
    const value = decodeURIComponent(pair.slice(eq + 1));
    if (value === '' || /Expires=Thu, 01 Jan 1970/i.test(c)) jar.delete(name);
    else jar.set(name, value);
  }
}
