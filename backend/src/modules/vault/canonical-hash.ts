import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

/**
 * JSON Canonicalization Scheme (RFC 8785) through the `canonicalize` package: members sorted by UTF-16 code
 * units, numbers in ECMAScript's shortest form (1.0 → 1, 1e21 → 1e+21, -0 → 0), no whitespace. Dates become ISO
 * strings (toJSON); `undefined` members are left out. Values JSON cannot carry (NaN, Infinity, bigint,
 * functions, symbols, a bare `undefined`) throw: a hash must never silently cover less than it was given.
 */
export function canonicalJson(value: unknown): string {
  assertJsonable(value, '$');
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('canonicalJson: nothing to serialise (undefined).');
  return text;
}

/** SHA-256 (hex) of the canonical JSON's UTF-8 bytes: the same content always gives the same hash, on any machine. */
export function canonicalSha256(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}

function assertJsonable(value: unknown, path: string): void {
  switch (typeof value) {
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new TypeError(`canonicalJson: ${path} is a ${typeof value}, which JSON cannot carry.`);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${value}, which JSON cannot carry.`);
      return;
    case 'object':
      if (value === null || typeof (value as { toJSON?: unknown }).toJSON === 'function') return;
      if (Array.isArray(value)) value.forEach((item, i) => item !== undefined && assertJsonable(item, `${path}[${i}]`));
      else for (const [k, v] of Object.entries(value)) if (v !== undefined) assertJsonable(v, `${path}.${k}`);
      return;
    default:
      return;
  }
}
