import {
  DEFAULT_EVALUATION_RULES,
  type EvaluationRules,
  PriceMethod,
  type ScaleDescriptor,
  ScoringScale,
  TEXT_LIMITS,
} from '@openbrief/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { decimalToNumber } from '../../../database/transformers';
import { Tender } from './tender.entity';

@Entity('lot')
export class Lot {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('ix_lot_tender')
  @Column({ name: 'tender_id', type: 'varchar', length: 36 })
  tenderId!: string;

  @ManyToOne(() => Tender, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tender_id' })
  tender?: Tender;

  @Column({ type: 'integer' })
  number!: number;

  @Column({ type: 'varchar', length: TEXT_LIMITS.lot.title })
  title!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'estimated_value', type: 'decimal', precision: 15, scale: 2, nullable: true, transformer: decimalToNumber })
  estimatedValue!: number | null;

  @Column({ type: 'varchar', length: 10, default: ScoringScale.ZeroToFour })
  scale!: ScoringScale;

  @Column({ type: 'simple-json' })
  descriptors!: ScaleDescriptor[];

  @Column({ name: 'minimum_quality_percent', type: 'integer', nullable: true })
  minimumQualityPercent!: number | null;

  @Column({ name: 'price_method', type: 'varchar', length: 30, default: PriceMethod.Proportional })
  priceMethod!: PriceMethod;

  /**
   * The whole EvaluationRules as JSON: always read and written with the lot, never queried by its parts. The
   * default follows DEFAULT_EVALUATION_RULES, so changing those needs a migration (migrations.spec notices).
   */
  @Column({ name: 'evaluation_rules', type: 'simple-json', default: () => `'${JSON.stringify(DEFAULT_EVALUATION_RULES)}'` })
  evaluationRules!: EvaluationRules;
}
