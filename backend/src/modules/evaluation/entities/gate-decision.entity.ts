import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The buying team's decision on one pass/fail requirement of one response (the latest counts; events keep the rest). */
@Entity('gate_decision')
@Index('uq_gate_decision', ['panelId', 'responseId', 'requirementId'], { unique: true })
export class GateDecisionRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'panel_id', type: 'varchar', length: 36 })
  panelId!: string;

  @Column({ name: 'response_id', type: 'varchar', length: 36 })
  responseId!: string;

  @Column({ name: 'requirement_id', type: 'varchar', length: 36 })
  requirementId!: string;

  @Column({ type: 'boolean' })
  passed!: boolean;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'decided_by', type: 'varchar', length: 36 })
  decidedBy!: string;

  @Column({ name: 'decided_at' })
  decidedAt!: Date;
}
