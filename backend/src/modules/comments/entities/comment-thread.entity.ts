import { type CommentField, CommentThreadStatus } from '@openbrief/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Tender } from '../../tenders/entities/tender.entity';

/** A conversation about a tender, or a requirement, field or quoted passage of it. */
@Entity('comment_thread')
export class CommentThread {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('ix_comment_thread_tender')
  @Column({ name: 'tender_id', type: 'varchar', length: 36 })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  /** No foreign key: saving a tender replaces its requirement rows, and the thread must outlive a deleted requirement. */
  @Column({ name: 'requirement_id', type: 'varchar', length: 36, nullable: true })
  requirementId!: string | null;

  /** The outcome's opening words when the thread began, shown if the requirement is later deleted. */
  @Column({ name: 'requirement_excerpt', type: 'varchar', length: 200, nullable: true })
  requirementExcerpt!: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  field!: CommentField | null;

  @Column({ type: 'text', nullable: true })
  quote!: string | null;

  @Column({ name: 'anchor_start', type: 'varchar', length: 300, nullable: true })
  anchorStart!: string | null;

  @Column({ name: 'anchor_end', type: 'varchar', length: 300, nullable: true })
  anchorEnd!: string | null;

  @Column({ type: 'varchar', length: 10 })
  status!: CommentThreadStatus;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'last_activity_at' })
  lastActivityAt!: Date;

  @Column({ name: 'resolved_by_id', type: 'varchar', length: 36, nullable: true })
  resolvedById!: string | null;

  @Column({ name: 'resolved_by_name', type: 'varchar', length: 200, nullable: true })
  resolvedByName!: string | null;

  @Column({ name: 'resolved_at', type: Date, nullable: true })
  resolvedAt!: Date | null;
}
