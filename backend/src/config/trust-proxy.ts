import { isIP } from 'node:net';

/** What Fastify's `trustProxy` accepts (the same forms as express's `trust proxy`), as we allow it to be configured. */
export type TrustProxy = boolean | number | string;

const NAMED = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Reads TRUST_PROXY: `false` (trust no proxy: X-Forwarded-* is ignored), `true` (trust every hop; only behind a
 * proxy that overwrites the headers), a hop count (`1`), or a comma-separated list of `loopback`, `linklocal`,
 * `uniquelocal`, addresses and CIDR ranges (`10.0.0.0/8, 2001:db8::/32`). Returns undefined when it is none of
 * these, so a typo stops the start instead of silently trusting nobody (or everybody).
 */
export function parseTrustProxy(value: string): TrustProxy | undefined {
  const text = value.trim().toLowerCase();
  if (text === 'false') return false;
  if (text === 'true') return true;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops <= 32 ? hops : undefined;
  }
  const items = text.split(',').map((item) => item.trim());
  if (!items.length || !items.every(isTrustedAddress)) return undefined;
  return items.join(', ');
}

function isTrustedAddress(item: string): boolean {
  if (NAMED.has(item)) return true;
  const [address, prefix, ...rest] = item.split('/');
  const family = isIP(address);
  if (!family || rest.length) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
