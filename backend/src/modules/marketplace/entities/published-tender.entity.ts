import { TEXT_LIMITS } from '@openbrief/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '../../../database/transformers';

/** PostgreSQL returns BIGINT as a string; the sort keys here (pence) fit a JS number exactly. */
const bigintToNumber = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => (value === null || value === undefined ? null : Number(value)),
};
import { Tender } from '../../tenders/entities/tender.entity';

/**
 * One row per tender the public can see: the summary of its latest published version, written in
 * the same transaction as that version and removed when the tender leaves the public statuses. The
 * public list reads these small rows, newest first along `ix_published_tender_order`, and never
 * parses a snapshot. Each sort has its own key column and index, so a page is read along an index whatever
 * the sort (docs/search.md); the words it is found by are in the search engine's table beside it.
 */
@Entity('published_tender')
@Index('ix_published_tender_order', ['publishedAt', 'tenderId'])
@Index('ix_published_tender_closing', ['closingKey', 'tenderId'])
@Index('ix_published_tender_value_high', ['valueHighKey', 'tenderId'])
@Index('ix_published_tender_value_low', ['valueLowKey', 'tenderId'])
@Index('ix_published_tender_status', ['status', 'closingKey', 'tenderId'])
@Index('ix_published_tender_buyer', ['buyerName', 'publishedAt', 'tenderId'])
@Index('ix_published_tender_category', ['mainCategory', 'publishedAt', 'tenderId'])
@Index('ix_published_tender_sme', ['smeSuitable', 'publishedAt', 'tenderId'])
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

  /** The tender's status (published, closed, evaluating, awarded): with the deadline and the clock, its public state. */
  @Column({ type: 'varchar', length: 20, default: 'published' })
  status!: string;

  /** What is mainly bought (goods, services, works). */
  @Column({ name: 'main_category', type: 'varchar', length: 20, default: 'services' })
  mainCategory!: string;

  /** ITL 1 delivery regions as `|TLC|TLI|`; '' = anywhere in the UK. */
  @Column({ type: 'varchar', length: 60, default: '' })
  regions!: string;

  /** The deadline, or 9999-12-31 when there is none: "closing soonest" puts those last. */
  @Column({ name: 'closing_key', type: Date, nullable: true })
  closingKey!: Date | null;

  /** Estimated value in pence, or -1 when there is none: "highest value" puts those last. */
  @Column({ name: 'value_high_key', type: 'bigint', nullable: true, transformer: bigintToNumber })
  valueHighKey!: number | null;

  /** Estimated value in pence, or NO_VALUE_LAST when there is none: "lowest value" puts those last. */
  @Column({ name: 'value_low_key', type: 'bigint', nullable: true, transformer: bigintToNumber })
  valueLowKey!: number | null;

  /** The checker's verdict at publication (libs/spec-check small-supplier.ts). */
  @Column({ name: 'sme_suitable', type: 'boolean', default: false })
  smeSuitable!: boolean;

  /** The checker's openness score, 0–100, at publication. */
  @Column({ name: 'openness_score', type: 'integer', default: 100 })
  opennessScore!: number;

  /** Reading age (years) of the texts suppliers read; null when there is none. */
  @Column({ name: 'reading_age', type: 'decimal', precision: 5, scale: 1, nullable: true, transformer: decimalToNumber })
  readingAge!: number | null;

  /** Each small-supplier test and whether it is met, in words (JSON of SmeSuitabilityReason[]). */
  @Column({ name: 'sme_reasons', type: 'text', default: '[]' })
  smeReasons!: string;
}
