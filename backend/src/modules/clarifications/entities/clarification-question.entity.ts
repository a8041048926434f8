import { QuestionStatus } from '@openbrief/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A supplier's clarification question about a tender, and the buyer's answer (drafted, then published or given privately). */
@Entity('clarification_question')
@Index('ix_clarification_question_tender', ['tenderId', 'askedAt'])
@Index('uq_clarification_question_number', ['tenderId', 'publishedNumber'], { unique: true })
export class ClarificationQuestion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'tender_id', type: 'varchar', length: 36 })
  tenderId!: string;

  /** The asker's organisation: it alone sees its questions and private answers. Never published. */
  @Index('ix_clarification_question_organisation')
  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  /** The organisation's name when it asked, for the buyer's queue (kept, as comments keep their author's name). */
  @Column({ name: 'organisation_name', type: 'varchar', length: 200 })
  organisationName!: string;

  @Column({ name: 'asked_by', type: 'varchar', length: 36 })
  askedBy!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ name: 'asked_at' })
  askedAt!: Date;

  @Column({ type: 'varchar', length: 20 })
  status!: QuestionStatus;

  @Column({ name: 'draft_answer', type: 'text', default: '' })
  draftAnswer!: string;

  @Column({ type: 'text', nullable: true })
  answer!: string | null;

  @Column({ name: 'answered_at', type: Date, nullable: true })
  answeredAt!: Date | null;

  @Column({ name: 'answered_by', type: 'varchar', length: 36, nullable: true })
  answeredBy!: string | null;

  @Column({ name: 'private_reason', type: 'text', nullable: true })
  privateReason!: string | null;

  /** Order of publication among the tender's public answers, from 1; null until published. */
  @Column({ name: 'published_number', type: 'integer', nullable: true })
  publishedNumber!: number | null;

  /** Moves on with every change by the buyer: a draft saved on an older revision is refused. */
  @Column({ type: 'integer', default: 1 })
  revision!: number;
}
