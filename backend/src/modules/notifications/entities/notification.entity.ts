import type { NotificationKind } from '@openbrief/contracts';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../identity/entities/user.entity';

/** One thing a person is told in the app; e-mail, when sent, is a separate outbox message. */
@Entity('notification')
@Index('uq_notification_dedupe', ['userId', 'dedupeKey'], { unique: true })
@Index('ix_notification_user_created', ['userId', 'createdAt'])
export class Notification {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 30 })
  kind!: NotificationKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  link!: string | null;

  /** The same key twice for one person is written once (NULLs never collide in a unique index). */
  @Column({ name: 'dedupe_key', type: 'varchar', length: 200, nullable: true })
  dedupeKey!: string | null;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'read_at', type: Date, nullable: true })
  readAt!: Date | null;
}
