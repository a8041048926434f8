import type { Jurisdiction } from '@openbrief/contracts';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A lot's award: one per panel (the primary key refuses a second), then the notice, the standstill and the contract. */
@Entity('award_decision')
@Index('ix_award_decision_tender', ['tenderId'])
export class AwardDecisionRow {
  @PrimaryColumn({ name: 'panel_id', type: 'varchar', length: 36 })
  panelId!: string;

  @Column({ name: 'tender_id', type: 'varchar', length: 36 })
  tenderId!: string;

  @Column({ name: 'lot_id', type: 'varchar', length: 36 })
  lotId!: string;

  @Column({ name: 'response_id', type: 'varchar', length: 36 })
  responseId!: string;

  @Column({ name: 'supplier_name', type: 'varchar', length: 200 })
  supplierName!: string;

  @Column({ type: 'text' })
  reasons!: string;

  /** The chosen response was not the leader: the reasons say why. */
  @Column({ name: 'departs_from_ranking', type: 'boolean', default: false })
  departsFromRanking!: boolean;

  @Column({ name: 'decided_by', type: 'varchar', length: 36 })
  decidedBy!: string;

  /** Their name when they decided, as the file shows it. */
  @Column({ name: 'decided_by_name', type: 'varchar', length: 200 })
  decidedByName!: string;

  @Column({ name: 'decided_at' })
  decidedAt!: Date;

  /** The tender's jurisdiction when decided: whose bank holidays the standstill skips. */
  @Column({ type: 'varchar', length: 20 })
  jurisdiction!: Jurisdiction;

  @Column({ name: 'notice_published_at', type: Date, nullable: true })
  noticePublishedAt!: Date | null;

  /** Europe/London date (YYYY-MM-DD) of the standstill's last working day. */
  @Column({ name: 'standstill_last_day', type: 'varchar', length: 10, nullable: true })
  standstillLastDay!: string | null;

  @Column({ name: 'standstill_ends_at', type: Date, nullable: true })
  standstillEndsAt!: Date | null;

  @Column({ name: 'contract_entered_at', type: Date, nullable: true })
  contractEnteredAt!: Date | null;
}
