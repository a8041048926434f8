import type { EngagementEvent, EngagementOutcome } from '@openbrief/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A preliminary market engagement notice (UK2): one per tender, a snapshot of the draft's outcomes as they were
 * when the buyer published it. No foreign key to the tender: this module reads tenders only through the tenders
 * module, and the notice stays as published whatever the draft becomes.
 */
@Entity('engagement')
@Index('ix_engagement_listing', ['status', 'publishedAt', 'id'])
export class EngagementRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('uq_engagement_tender', { unique: true })
  @Column({ name: 'tender_id', type: 'varchar', length: 36 })
  tenderId!: string;

  /** The buying organisation: its buyers and admins manage the engagement and read the feedback. */
  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ name: 'buyer_name', type: 'varchar', length: 200 })
  buyerName!: string;

  @Column({ type: 'varchar', length: 50 })
  reference!: string;

  @Column({ type: 'text' })
  title!: string;

  /** The tender's summary and problem when published. */
  @Column({ type: 'text' })
  summary!: string;

  /** What the buyer wants to learn from suppliers. */
  @Column({ type: 'text' })
  questions!: string;

  @Column({ type: 'simple-json' })
  outcomes!: EngagementOutcome[];

  @Column({ type: 'simple-json', nullable: true })
  event!: EngagementEvent | null;

  @Column({ name: 'feedback_closes' })
  feedbackCloses!: Date;

  /** `open` until the buyer closes it (feedback also stops at `feedback_closes`). */
  @Column({ type: 'varchar', length: 20 })
  status!: 'open' | 'closed';

  @Column({ name: 'published_at' })
  publishedAt!: Date;

  @Column({ name: 'published_by', type: 'varchar', length: 36 })
  publishedBy!: string;

  @Column({ name: 'closed_at', type: Date, nullable: true })
  closedAt!: Date | null;

  @Column({ name: 'closed_by', type: 'varchar', length: 36, nullable: true })
  closedBy!: string | null;
}
