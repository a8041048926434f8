import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Tender } from './tender.entity';

/** A published version: an immutable record that bids, questions and the public page refer to. */
@Entity('tender_version')
@Index('uq_tender_version', ['tenderId', 'version'], { unique: true })
export class TenderVersion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'tender_id', type: 'varchar', length: 36 })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @Column({ type: 'integer' })
  version!: number;

  /**
   * The published record (PublishedTenderRecord in @openbrief/contracts) as stored: read it with
   * readPublishedRecord, which checks its schema version before anything trusts its shape.
   */
  @Column({ type: 'simple-json' })
  record!: unknown;

  @Column({ name: 'change_note', type: 'text', nullable: true })
  changeNote!: string | null;

  @Column({ name: 'published_at' })
  publishedAt!: Date;

  @Column({ name: 'published_by_id', type: 'varchar', length: 36 })
  publishedById!: string;

  @Column({ name: 'pack_sha256', type: 'varchar', length: 64, nullable: true })
  packSha256!: string | null;
}
