import type { NotificationKind } from '@openbrief/contracts';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../identity/entities/user.entity';

/** Whether a person is e-mailed one optional kind; no row means yes. */
@Entity('notification_preference')
export class NotificationPreference {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @PrimaryColumn({ type: 'varchar', length: 30 })
  kind!: NotificationKind;

  @Column({ type: 'boolean' })
  email!: boolean;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
