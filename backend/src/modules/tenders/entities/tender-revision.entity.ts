import type { TenderContent } from '@openbrief/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Tender } from './tender.entity';

/** Every saved change to a tender's content, so buyers can see who changed what and compare. */
@Entity('tender_revision')
@Index('uq_tender_revision', ['tenderId', 'revision'], { unique: true })
export class TenderRevision {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'tender_id', type: 'varchar', length: 36 })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'simple-json' })
  content!: TenderContent;

  @Column({ name: 'changed_fields', type: 'simple-json' })
  changedFields!: string[];

  @Column({ name: 'changed_by_id', type: 'varchar', length: 36 })
  changedById!: string;

  @Column({ name: 'changed_by_name', type: 'varchar', length: 200 })
  changedByName!: string;

  @Column({ name: 'changed_at' })
  changedAt!: Date;
}
