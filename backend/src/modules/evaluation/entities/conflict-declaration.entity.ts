import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A panel member's declaration about one bidder: a conflict (removed from that bidder) or none. Final once made. */
@Entity('conflict_declaration')
@Index('uq_conflict_declaration', ['panelId', 'memberId', 'responseId'], { unique: true })
export class ConflictDeclarationRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'panel_id', type: 'varchar', length: 36 })
  panelId!: string;

  @Column({ name: 'member_id', type: 'varchar', length: 36 })
  memberId!: string;

  @Column({ name: 'response_id', type: 'varchar', length: 36 })
  responseId!: string;

  @Column({ type: 'boolean' })
  conflict!: boolean;

  @Column({ type: 'text' })
  details!: string;

  @Column({ name: 'declared_at' })
  declaredAt!: Date;

  @Column({ type: 'text', nullable: true })
  handling!: string | null;

  @Column({ name: 'handled_by', type: 'varchar', length: 36, nullable: true })
  handledBy!: string | null;

  @Column({ name: 'handled_at', type: Date, nullable: true })
  handledAt!: Date | null;
}
