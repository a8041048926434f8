import type { InvitableRole } from '@openbrief/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Organisation } from './organisation.entity';

/** A one-time link inviting someone into an organisation: a colleague or evaluator of a buyer, or a fellow supplier. */
@Entity('invitation')
export class Invitation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organisation_id' })
  organisation?: Organisation;

  @Column({ type: 'varchar', length: 254 })
  email!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: InvitableRole;

  @Index('uq_invitation_token', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'invited_by_id', type: 'varchar', length: 36 })
  invitedById!: string;

  @Column({ name: 'expires_at' })
  expiresAt!: Date;

  @Column({ name: 'accepted_at', nullable: true, type: Date })
  acceptedAt!: Date | null;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
