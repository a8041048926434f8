import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** One evaluator's score of one response on one criterion: a draft until submitted, then never changed. */
@Entity('individual_score')
@Index('uq_individual_score', ['panelId', 'responseId', 'criterionId', 'evaluatorId'], { unique: true })
export class IndividualScoreRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'panel_id', type: 'varchar', length: 36 })
  panelId!: string;

  @Column({ name: 'response_id', type: 'varchar', length: 36 })
  responseId!: string;

  @Column({ name: 'criterion_id', type: 'varchar', length: 36 })
  criterionId!: string;

  @Column({ name: 'evaluator_id', type: 'varchar', length: 36 })
  evaluatorId!: string;

  @Column({ type: 'integer' })
  score!: number;

  @Column({ type: 'text' })
  justification!: string;

  @Column({ name: 'submitted_at', type: Date, nullable: true })
  submittedAt!: Date | null;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
