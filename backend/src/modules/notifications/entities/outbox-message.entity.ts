import type { NotificationKind } from '@openbrief/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../identity/entities/user.entity';

/**
 * An e-mail waiting to be sent, written in the transaction that caused it (so a rollback sends nothing) and
 * sent later by the outbox worker. The address is looked up when sending, so a changed address is honoured.
 */
@Entity('outbox_message')
@Index('ix_outbox_message_due', ['sentAt', 'failedAt', 'nextAttemptAt'])
export class OutboxMessage {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'notification_id', type: 'varchar', length: 36, nullable: true })
  notificationId!: string | null;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 30 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 200 })
  subject!: string;

  @Column({ type: 'text' })
  text!: string;

  @Column({ type: 'text', nullable: true })
  html!: string | null;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  /** Set by the instance that claimed the message; another may take it over once this has passed (a crashed sender). */
  @Column({ name: 'claimed_until', type: Date, nullable: true })
  claimedUntil!: Date | null;

  @Column({ name: 'sent_at', type: Date, nullable: true })
  sentAt!: Date | null;

  @Column({ name: 'failed_at', type: Date, nullable: true })
  failedAt!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 1000, nullable: true })
  lastError!: string | null;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
