import { SESSION_COOKIE } from '@openbrief/contracts';
import { parse } from 'cookie';

/**
 * The session token in a WebSocket upgrade's Cookie header, read with the `cookie` package (the parser
 * @fastify/cookie wraps for the REST side). A malformed escape is left as it is by the library, so it is
 * simply no session, never an error.
 */
export function sessionToken(cookieHeader: string | undefined): string | null {
  return parse(cookieHeader ?? '')[SESSION_COOKIE] || null;
}
