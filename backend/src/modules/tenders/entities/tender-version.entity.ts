import type { TenderDetail } from '@openbrief/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Tender } from './tender.entity';

/** A published version: an immutable snapshot that bids, questions and the public page refer to. */
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

  @Column({ type: 'simple-json' })
  snapshot!: TenderDetail;

  @Column({ name: 'change_note', type: 'text', nullable: true })
  changeNote!: string | null;

  @Column({ name: 'published_at' })
  publishedAt!: Date;

  @Column({ name: 'published_by_id', type: 'varchar', length: 36 })
  publishedById!: string;

  @Column({ name: 'pack_sha256', type: 'varchar', length: 64, nullable: true })
  packSha256!: string | null;
}
