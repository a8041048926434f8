import type { EngagementFeedbackKind } from '@openbrief/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A supplier's comment on one published outcome, or the alternative outcome it proposes. The supplier's name is
 * the buying team's to read (and the supplier's own), never the public's. Adoption is recorded here; the text
 * itself goes into the draft as an ordinary edit.
 */
@Entity('engagement_feedback')
@Index('ix_engagement_feedback_engagement', ['engagementId', 'createdAt'])
@Index('ix_engagement_feedback_organisation', ['engagementId', 'organisationId'])
// A retried POST with the same Idempotency-Key lands once (several null keys are allowed on both databases).
@Index('uq_engagement_feedback_idempotency', ['engagementId', 'organisationId', 'idempotencyKey'], { unique: true })
export class EngagementFeedbackRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'engagement_id', type: 'varchar', length: 36 })
  engagementId!: string;

  /** One of the notice's outcomes (a draft requirement's id). */
  @Column({ name: 'requirement_id', type: 'varchar', length: 36 })
  requirementId!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: EngagementFeedbackKind;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'proposed_outcome', type: 'text', nullable: true })
  proposedOutcome!: string | null;

  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  /** The supplier organisation's name when it wrote (kept, as questions keep theirs). */
  @Column({ name: 'organisation_name', type: 'varchar', length: 200 })
  organisationName!: string;

  @Column({ name: 'author_id', type: 'varchar', length: 36 })
  authorId!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 100, nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'adopted_at', type: Date, nullable: true })
  adoptedAt!: Date | null;

  @Column({ name: 'adopted_by', type: 'varchar', length: 36, nullable: true })
  adoptedBy!: string | null;

  @Column({ name: 'adopted_by_name', type: 'varchar', length: 200, nullable: true })
  adoptedByName!: string | null;
}
