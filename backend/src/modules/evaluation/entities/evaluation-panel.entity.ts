import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Who scores what on a panel: each evaluator with the scored criteria assigned to them. */
export interface PanelAssignment {
  userId: string;
  criterionIds: string[];
}

/** One lot's evaluation panel: one per lot, formed by the buying team once the responses are opened. */
@Entity('evaluation_panel')
@Index('uq_evaluation_panel_lot', ['tenderId', 'lotId'], { unique: true })
export class EvaluationPanelRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'tender_id', type: 'varchar', length: 36 })
  tenderId!: string;

  @Column({ name: 'lot_id', type: 'varchar', length: 36 })
  lotId!: string;

  @Column({ name: 'moderator_id', type: 'varchar', length: 36 })
  moderatorId!: string;

  @Column({ type: 'simple-json' })
  evaluators!: PanelAssignment[];

  /** Bumped on each re-forming: the If-Match of the next one. */
  @Column({ type: 'integer' })
  revision!: number;

  @Column({ name: 'formed_by', type: 'varchar', length: 36 })
  formedBy!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
