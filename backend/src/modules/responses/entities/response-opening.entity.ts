import { Column, Entity, PrimaryColumn } from 'typeorm';

export type OpeningRowState = 'awaiting-confirmation' | 'opened';

/** The opening of a tender's responses: one row per tender, written once the buying team asks to open. */
@Entity('response_opening')
export class ResponseOpeningRow {
  @PrimaryColumn({ name: 'tender_id', type: 'varchar', length: 36 })
  tenderId!: string;

  @Column({ type: 'varchar', length: 24 })
  state!: OpeningRowState;

  @Column({ name: 'requested_by', type: 'varchar', length: 36 })
  requestedBy!: string;

  @Column({ name: 'requested_at' })
  requestedAt!: Date;

  /** The second person, with two-person opening; null when one person opened. */
  @Column({ name: 'confirmed_by', type: 'varchar', length: 36, nullable: true })
  confirmedBy!: string | null;

  @Column({ name: 'opened_at', type: Date, nullable: true })
  openedAt!: Date | null;
}
