import { TEXT_LIMITS } from '@openbrief/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '../../../database/transformers';
import { Tender } from '../../tenders/entities/tender.entity';

/**
 * One row per tender the public can see: the summary of its latest published version, written in
 * the same transaction as that version and removed when the tender leaves the public statuses. The
 * public list reads these small rows, newest first along `ix_published_tender_order`, and never
 * parses a snapshot.
 */
@Entity('published_tender')
@Index('ix_published_tender_order', ['publishedAt', 'tenderId'])
export class PublishedTender {
  @PrimaryColumn({ name: 'tender_id', type: 'varchar', length: 36 })
  tenderId!: string;

  /** Deleting a tender deletes its listing. */
  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'varchar', length: 40 })
  reference!: string;

  @Column({ type: 'varchar', length: TEXT_LIMITS.tender.title })
  title!: string;

  @Column({ name: 'buyer_name', type: 'varchar', length: 200 })
  buyerName!: string;

  @Column({ type: 'text' })
  summary!: string;

  @Column({ name: 'estimated_value', type: 'decimal', precision: 15, scale: 2, nullable: true, transformer: decimalToNumber })
  estimatedValue!: number | null;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ name: 'submission_deadline', type: Date, nullable: true })
  submissionDeadline!: Date | null;

  /** When the latest version was published: the list's order. */
  @Column({ name: 'published_at' })
  publishedAt!: Date;
}
