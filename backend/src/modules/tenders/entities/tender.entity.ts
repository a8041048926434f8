import {
  DEFAULT_RESPONSE_RULES,
  type FindingJustification,
  type ItlRegion,
  Jurisdiction,
  Procedure,
  ProcurementCategory,
  TEXT_LIMITS,
  TenderStatus,
  VatBasis,
} from '@openbrief/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from '../../identity/entities/organisation.entity';
import { decimalToNumber } from '../../../database/transformers';

/** A tender's working copy. Published versions are frozen separately (TenderVersion). */
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

  @Column({ type: 'varchar', length: TEXT_LIMITS.tender.title })
  title!: string;

  @Column({ type: 'text', default: '' })
  summary!: string;

  @Column({ type: 'text', default: '' })
  problem!: string;

  @Column({ type: 'text', default: '' })
  users!: string;

  @Column({ name: 'work_done', type: 'text', default: '' })
  workDone!: string;

  @Column({ type: 'text', default: '' })
  constraints!: string;

  @Index('ix_tender_status')
  @Column({ type: 'varchar', length: 20 })
  status!: TenderStatus;

  @Column({ name: 'estimated_value', type: 'decimal', precision: 15, scale: 2, nullable: true, transformer: decimalToNumber })
  estimatedValue!: number | null;

  @Column({ name: 'budget_min', type: 'decimal', precision: 15, scale: 2, nullable: true, transformer: decimalToNumber })
  budgetMin!: number | null;

  @Column({ name: 'budget_max', type: 'decimal', precision: 15, scale: 2, nullable: true, transformer: decimalToNumber })
  budgetMax!: number | null;

  @Column({ type: 'varchar', length: 3, default: 'GBP' })
  currency!: string;

  @Column({ name: 'vat_basis', type: 'varchar', length: 20, default: VatBasis.ExcludingVat })
  vatBasis!: VatBasis;

  @Column({ name: 'contract_length_months', type: 'integer', nullable: true })
  contractLengthMonths!: number | null;

  @Column({ name: 'extension_options', type: 'text', default: '' })
  extensionOptions!: string;

  /** Whose law governs the contract, and so whose bank holidays the standstill skips. */
  @Column({ type: 'varchar', length: 20, default: Jurisdiction.EnglandAndWales })
  jurisdiction!: Jurisdiction;

  @Column({ type: 'varchar', length: TEXT_LIMITS.tender.location, default: '' })
  location!: string;

  /** What is mainly bought (OCDS mainProcurementCategory): a filter of the public list. */
  @Column({ name: 'main_category', type: 'varchar', length: 20, default: ProcurementCategory.Services })
  mainCategory!: ProcurementCategory;

  /** ITL 1 delivery regions, at most twelve codes; none: anywhere in the UK. Always read with the tender, so kept as JSON. */
  @Column({ type: 'simple-json', default: () => "'[]'" })
  regions!: ItlRegion[];

  @Column({ type: 'varchar', length: 30, default: Procedure.Open })
  procedure!: Procedure;

  @Column({ name: 'single_lot_reason', type: 'text', nullable: true })
  singleLotReason!: string | null;

  /** What changed because of preliminary market engagement (suppliers read it). */
  @Column({ name: 'engagement_summary', type: 'text', default: '' })
  engagementSummary!: string;

  /** Why there was no preliminary market engagement (OCDS UK planning.noEngagementNoticeRationale). */
  @Column({ name: 'no_engagement_reason', type: 'text', nullable: true })
  noEngagementReason!: string | null;

  @Column({ name: 'clarification_deadline', type: Date, nullable: true })
  clarificationDeadline!: Date | null;

  @Column({ name: 'submission_deadline', type: Date, nullable: true })
  submissionDeadline!: Date | null;

  @Column({ name: 'evaluation_start', type: Date, nullable: true })
  evaluationStart!: Date | null;

  @Column({ name: 'evaluation_end', type: Date, nullable: true })
  evaluationEnd!: Date | null;

  @Column({ name: 'expected_award', type: Date, nullable: true })
  expectedAward!: Date | null;

  @Column({ name: 'contract_start', type: Date, nullable: true })
  contractStart!: Date | null;

  /** When answers to clarification questions will have been published (after questions close, before bids are due). */
  @Column({ name: 'answers_published_by', type: Date, nullable: true })
  answersPublishedBy!: Date | null;

  // How suppliers respond (ResponseRules).
  @Column({ name: 'attachments_allowed', type: 'boolean', default: DEFAULT_RESPONSE_RULES.attachmentsAllowed })
  attachmentsAllowed!: boolean;

  @Column({ name: 'max_attachments', type: 'integer', default: DEFAULT_RESPONSE_RULES.maxAttachments })
  maxAttachments!: number;

  @Column({ name: 'max_attachment_mb', type: 'integer', default: DEFAULT_RESPONSE_RULES.maxAttachmentMb })
  maxAttachmentMb!: number;

  @Column({ name: 'two_person_opening', type: 'boolean', default: DEFAULT_RESPONSE_RULES.twoPersonOpening })
  twoPersonOpening!: boolean;

  @Column({ name: 'contact_name', type: 'varchar', length: TEXT_LIMITS.contact.name, default: '' })
  contactName!: string;

  @Column({ name: 'contact_email', type: 'varchar', length: TEXT_LIMITS.contact.email, default: '' })
  contactEmail!: string;

  @Column({ name: 'contact_phone', type: 'varchar', length: TEXT_LIMITS.contact.phone, nullable: true })
  contactPhone!: string | null;

  /** Buyer's justifications of checker findings: small, always read with the tender, so kept as JSON. */
  @Column({ type: 'simple-json', default: () => "'[]'" })
  justifications!: FindingJustification[];

  @Column({ name: 'published_at', type: Date, nullable: true })
  publishedAt!: Date | null;

  /** Number of the latest published version (0 while never published). */
  @Column({ name: 'published_version', type: 'integer', default: 0 })
  publishedVersion!: number;

  /** OCDS Open Contracting ID, given at first publication (`<OCID_PREFIX>-<reference>`) and never changed. */
  @Index('uq_tender_ocid', { unique: true })
  @Column({ type: 'varchar', length: 64, nullable: true })
  ocid!: string | null;

  /** Optimistic-concurrency counter: every write names the revision it read, and bumps it. */
  @Column({ name: 'row_version', type: 'integer' })
  rowVersion!: number;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
