import { CriterionType, TEXT_LIMITS } from '@openbrief/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '../../../database/transformers';
import { Lot } from './lot.entity';

/** A node of a lot's evaluation tree; siblings' weights add up to 100. */
@Entity('criterion')
export class Criterion {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('ix_criterion_lot')
  @Column({ name: 'lot_id', type: 'varchar', length: 36 })
  lotId!: string;

  @ManyToOne(() => Lot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lot_id' })
  lot?: Lot;

  @Column({ name: 'parent_id', type: 'varchar', length: 36, nullable: true })
  parentId!: string | null;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: TEXT_LIMITS.criterion.name })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  type!: CriterionType;

  @Column({ type: 'decimal', precision: 5, scale: 2, transformer: decimalToNumber })
  weight!: number;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'requirement_ids', type: 'simple-json' })
  requirementIds!: string[];

  @Column({ name: 'word_limit', type: 'integer', nullable: true })
  wordLimit!: number | null;
}
