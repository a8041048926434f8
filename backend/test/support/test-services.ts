/**
 * PostgreSQL and Redis are optional on a developer's machine (the tests that need them are skipped, with a
 * warning), but not in CI: there a skipped tier would read as a pass, so a missing service fails the run.
 */
export function servicesRequired(): boolean {
  const ci = process.env['CI'];
  return !!ci && ci !== 'false' && ci !== '0';
}

/** TEST_REDIS_URL, or undefined to skip the Redis tests; under CI a missing URL throws (failing the file). */
export function testRedisUrl(what: string): string | undefined {
  const url = process.env['TEST_REDIS_URL'] || undefined;
  if (url) return url;
  if (servicesRequired()) {
    throw new Error(`CI is set but TEST_REDIS_URL is not: ${what} cannot run. Start Redis and set TEST_REDIS_URL=redis://127.0.0.1:6379.`);
  }
  console.warn(`TEST_REDIS_URL is not set (no Redis answered): ${what} are SKIPPED.`);
  return undefined;
}
