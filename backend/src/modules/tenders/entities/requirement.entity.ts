import { RequirementKind, RequirementPriority, TEXT_LIMITS } from '@openbrief/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Lot } from './lot.entity';

@Entity('requirement')
export class Requirement {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('ix_requirement_lot')
  @Column({ name: 'lot_id', type: 'varchar', length: 36 })
  lotId!: string;

  @ManyToOne(() => Lot, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'lot_id' })
  lot?: Lot;

  /** Denormalised so a whole tender's requirements load in one query. */
  @Index('ix_requirement_tender')
  @Column({ name: 'tender_id', type: 'varchar', length: 36 })
  tenderId!: string;

  @Column({ type: 'varchar', length: TEXT_LIMITS.requirement.heading, nullable: true })
  heading!: string | null;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 20 })
  kind!: RequirementKind;

  @Column({ type: 'varchar', length: 20 })
  priority!: RequirementPriority;

  @Column({ type: 'text' })
  outcome!: string;

  @Column({ name: 'why_it_matters', type: 'text', default: '' })
  whyItMatters!: string;

  @Column({ name: 'measure_description', type: 'text', default: '' })
  measureDescription!: string;

  @Column({ name: 'measure_baseline', type: 'varchar', length: TEXT_LIMITS.measure.baseline, nullable: true })
  measureBaseline!: string | null;

  @Column({ name: 'measure_target', type: 'varchar', length: TEXT_LIMITS.measure.target, nullable: true })
  measureTarget!: string | null;

  @Column({ name: 'measure_unit', type: 'varchar', length: TEXT_LIMITS.measure.unit, nullable: true })
  measureUnit!: string | null;

  @Column({ name: 'room_for_proposals', type: 'text', default: '' })
  roomForProposals!: string;

  @Column({ type: 'text', nullable: true })
  justification!: string | null;
}
