/** A tender's audit trail: the entries of the hash-chained audit log that belong to it, in words. */

/** One entry as the buyer reads it. */
export interface AuditEntry {
  /** Position in the whole log (not only this tender's entries): gaps here are other tenders' entries. */
  seq: number;
  /** ISO 8601, UTC. */
  occurredAt: string;
  /** Who acted: a person, or "Openbrief" for the system (`id` null). */
  actor: { id: string | null; name: string };
  /** Stable name of what happened, e.g. "tender.published". */
  action: string;
  /** What happened, in words, without the actor: "published version 2", "saved 3 changes: Title, Outcomes". */
  summary: string;
  /** SHA-256 of this entry in the chain (hex), for anyone who verifies the log. */
  hash: string;
}

/** One page of a tender's trail, newest first. */
export interface AuditTrailPage {
  entries: AuditEntry[];
  page: number;
  pageSize: number;
  /** Entries for this tender in all. */
  total: number;
}

export const AUDIT_PAGE_SIZE = { default: 25, max: 100 } as const;
