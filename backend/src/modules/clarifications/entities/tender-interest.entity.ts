import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A supplier organisation's interest in a tender: one row per organisation and tender, kept when withdrawn
 * (`withdrawn_at`) and made active again by registering again, so there is never more than one active row.
 * The history of registering and withdrawing is in the audit log. No foreign key to the tender: this module
 * reads tenders only through the tenders module.
 */
@Entity('tender_interest')
@Index('uq_tender_interest_organisation', ['tenderId', 'organisationId'], { unique: true })
export class TenderInterest {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'tender_id', type: 'varchar', length: 36 })
  tenderId!: string;

  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  /** Who registered (last): they are told when the tender changes or a question is answered. */
  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'registered_at' })
  registeredAt!: Date;

  @Column({ name: 'withdrawn_at', type: Date, nullable: true })
  withdrawnAt!: Date | null;
}
