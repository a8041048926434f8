import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

/**
 * The audit chain's arithmetic, shared by the writer (AuditLog.append) and the checker (`npm run audit:verify`).
 *
 * - `digest` = SHA-256 of the event's details as canonical JSON (RFC 8785, the `canonicalize` package), so
 *   the same details always give the same bytes whatever order their keys were built in.
 * - `hash` = SHA-256 of the previous entry's hash followed by the canonical JSON of this entry's fields
 *   (which include the digest), so changing any entry, or removing one, breaks every hash after it.
 * - The first entry's previous hash is GENESIS_HASH.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that its hash covers. */
export interface ChainedFields {
  id: string;
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorName: string;
  actorOrganisationId: string | null;
  action: string;
  subject: string;
  tenderId: string | null;
  digest: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** Canonical JSON of an event's details (plain JSON; `undefined` members are left out, dates become ISO strings). */
export function canonicalDetails(details: Record<string, unknown>): string {
  return canonicalize(details) ?? '{}';
}

export function digestOf(canonicalJson: string): string {
  return sha256(canonicalJson);
}

export function entryHash(prevHash: string, e: ChainedFields): string {
  const fields = {
    id: e.id,
    seq: e.seq,
    occurredAt: e.occurredAt.toISOString(),
    actor: { userId: e.actorUserId, name: e.actorName, organisationId: e.actorOrganisationId },
    action: e.action,
    subject: e.subject,
    tenderId: e.tenderId,
    digest: e.digest,
  };
  return sha256(prevHash + canonicalize(fields));
}
