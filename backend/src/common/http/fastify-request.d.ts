import type { CurrentUser } from '@openbrief/contracts';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by AuthenticationGuard from the session cookie; undefined when nobody is signed in. */
    user?: CurrentUser;
  }
}

export {};
