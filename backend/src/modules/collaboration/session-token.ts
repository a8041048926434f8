import { SESSION_COOKIE } from '@openbrief/contracts';

/**
 * The `cookie` package, as cookie-parser (the REST side's cookie middleware) uses it. Version 0.7 ships no
 * types, so its one function used here is typed by hand.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const cookie = require('cookie') as { parse(header: string): Record<string, string | undefined> };

/**
 * The session token in a WebSocket upgrade's Cookie header, read as the REST API reads it. A malformed
 * escape is left as it is by the library, so it is simply no session, never an error.
 */
export function sessionToken(cookieHeader: string | undefined): string | null {
  return cookie.parse(cookieHeader ?? '')[SESSION_COOKIE] || null;
}
