import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The moderator's consensus score of one response on one criterion (the latest counts; events keep the earlier ones). */
@Entity('consensus_score')
@Index('uq_consensus_score', ['panelId', 'responseId', 'criterionId'], { unique: true })
export class ConsensusScoreRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'panel_id', type: 'varchar', length: 36 })
  panelId!: string;

  @Column({ name: 'response_id', type: 'varchar', length: 36 })
  responseId!: string;

  @Column({ name: 'criterion_id', type: 'varchar', length: 36 })
  criterionId!: string;

  @Column({ type: 'integer' })
  score!: number;

  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'moderated_by', type: 'varchar', length: 36 })
  moderatedBy!: string;

  @Column({ name: 'moderated_at' })
  moderatedAt!: Date;
}
