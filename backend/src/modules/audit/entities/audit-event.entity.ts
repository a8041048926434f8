import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One entry of the append-only, hash-chained audit log (audit-chain.ts). Rows are only ever inserted,
 * by AuditLog.append, in the transaction of the change they record. No foreign keys: the log outlives
 * what it talks about, and names are kept as they were at the time.
 */
@Entity('audit_event')
export class AuditEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** 1, 2, 3, … with no gaps: a missing number is a deleted entry. */
  @Index('ux_audit_event_seq', { unique: true })
  @Column({ type: 'integer' })
  seq!: number;

  @Column({ name: 'occurred_at' })
  occurredAt!: Date;

  @Column({ name: 'actor_user_id', type: 'varchar', length: 36, nullable: true })
  actorUserId!: string | null;

  @Column({ name: 'actor_name', type: 'varchar', length: 200 })
  actorName!: string;

  @Column({ name: 'actor_organisation_id', type: 'varchar', length: 36, nullable: true })
  actorOrganisationId!: string | null;

  @Column({ type: 'varchar', length: 60 })
  action!: string;

  /** "kind:id", e.g. "tender:…", "comment-thread:…", "user:unknown". */
  @Column({ type: 'varchar', length: 100 })
  subject!: string;

  @Index('ix_audit_event_tender')
  @Column({ name: 'tender_id', type: 'varchar', length: 36, nullable: true })
  tenderId!: string | null;

  /** SHA-256 (hex) of `details`, canonical JSON. */
  @Column({ type: 'varchar', length: 64 })
  digest!: string;

  /** The event's details as canonical JSON text (RFC 8785), exactly the bytes the digest covers. */
  @Column({ type: 'text' })
  details!: string;

  @Column({ name: 'prev_hash', type: 'varchar', length: 64 })
  prevHash!: string;

  @Column({ type: 'varchar', length: 64 })
  hash!: string;
}
