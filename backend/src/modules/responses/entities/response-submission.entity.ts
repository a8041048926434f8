import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SupplierResponseRow } from './supplier-response.entity';

/**
 * One submission of a response, kept for ever (a withdrawal marks it, never deletes it). `snapshot` is the
 * sealed SubmittedContent exactly as hashed; `sha256` is that hash, the one on the receipt and at the opening.
 * The unique indexes make a retried or concurrent submit land once: one sequence number, one idempotency key.
 */
@Entity('response_submission')
@Index('uq_response_submission_sequence', ['responseId', 'sequence'], { unique: true })
@Index('uq_response_submission_idempotency', ['responseId', 'idempotencyKey'], { unique: true })
export class ResponseSubmissionRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'response_id', type: 'varchar', length: 36 })
  responseId!: string;

  @ManyToOne(() => SupplierResponseRow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: SupplierResponseRow;

  @Column({ type: 'integer' })
  sequence!: number;

  @Column({ name: 'submitted_at' })
  submittedAt!: Date;

  @Column({ name: 'submitted_by', type: 'varchar', length: 36 })
  submittedBy!: string;

  @Column({ name: 'tender_version', type: 'integer' })
  tenderVersion!: number;

  @Column({ type: 'varchar', length: 64 })
  sha256!: string;

  /** base64 of the sealed SealedSubmission (the submitted content and the supplier's name). */
  @Column({ type: 'text' })
  snapshot!: string;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 100, nullable: true })
  idempotencyKey!: string | null;

  @Column({ name: 'withdrawn_at', type: Date, nullable: true })
  withdrawnAt!: Date | null;
}
