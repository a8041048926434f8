import { TenderStatus } from '@openbrief/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, VersionColumn } from 'typeorm';
import { Organisation } from '../../identity/entities/organisation.entity';
import { decimalToNumber } from '../../../database/transformers';

@Entity('tender')
export class Tender {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('ix_tender_organisation')
  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Index('uq_tender_reference', { unique: true })
  @Column({ type: 'varchar', length: 40 })
  reference!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', default: '' })
  summary!: string;

  @Index('ix_tender_status')
  @Column({ type: 'varchar', length: 20 })
  status!: TenderStatus;

  @Column({ name: 'estimated_value', type: 'decimal', precision: 15, scale: 2, nullable: true, transformer: decimalToNumber })
  estimatedValue!: number | null;

  @Column({ type: 'varchar', length: 3, default: 'GBP' })
  currency!: string;

  @Column({ name: 'submission_deadline', type: Date, nullable: true })
  submissionDeadline!: Date | null;

  @Column({ name: 'published_at', type: Date, nullable: true })
  publishedAt!: Date | null;

  /** Number of the latest published version (0 while never published). */
  @Column({ name: 'published_version', type: 'integer', default: 0 })
  publishedVersion!: number;

  /** Optimistic-concurrency counter: a write must name the version it read. */
  @VersionColumn({ name: 'row_version' })
  rowVersion!: number;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
