import type { AssessmentCriterion } from '@openbrief/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** What the buyer edits and the PDF shows: drafted when the award is recorded. */
export interface SummaryContent {
  supplierName: string;
  successful: boolean;
  criteria: AssessmentCriterion[];
  total: number;
  rank: number | null;
  whyNotSuccessful: string | null;
  winnerName: string;
}

/** One assessed supplier's assessment summary (Procurement Regulations 2024 reg 31): a draft, then issued as a PDF. */
@Entity('assessment_summary')
@Index('uq_assessment_summary_response', ['panelId', 'responseId'], { unique: true })
export class AssessmentSummaryRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'panel_id', type: 'varchar', length: 36 })
  panelId!: string;

  @Column({ name: 'response_id', type: 'varchar', length: 36 })
  responseId!: string;

  /** The supplier's organisation: it alone downloads the issued summary. */
  @Index('ix_assessment_summary_organisation')
  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ type: 'simple-json' })
  content!: SummaryContent;

  @Column({ type: 'varchar', length: 10 })
  status!: 'draft' | 'issued';

  @Column({ name: 'issued_at', type: Date, nullable: true })
  issuedAt!: Date | null;

  @Column({ name: 'issued_by', type: 'varchar', length: 36, nullable: true })
  issuedBy!: string | null;

  /** SHA-256 of the issued PDF, kept by the documents module's file store. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  sha256!: string | null;

  /** Moves on with every edit: an edit based on an older revision is refused. */
  @Column({ type: 'integer', default: 1 })
  revision!: number;
}
