import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** The buying team's investigation of an abnormally low price: the latest outcome counts (earlier ones are in the audit log). */
@Entity('price_investigation')
@Index('uq_price_investigation_response', ['panelId', 'responseId'], { unique: true })
export class PriceInvestigationRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'panel_id', type: 'varchar', length: 36 })
  panelId!: string;

  @Column({ name: 'response_id', type: 'varchar', length: 36 })
  responseId!: string;

  @Column({ type: 'varchar', length: 10 })
  outcome!: 'accepted' | 'rejected';

  @Column({ type: 'text' })
  note!: string;

  @Column({ name: 'recorded_by', type: 'varchar', length: 36 })
  recordedBy!: string;

  /** Their name when they recorded it, as the file shows it. */
  @Column({ name: 'recorded_by_name', type: 'varchar', length: 200 })
  recordedByName!: string;

  @Column({ name: 'recorded_at' })
  recordedAt!: Date;
}
