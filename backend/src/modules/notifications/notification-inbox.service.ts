import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  type CurrentUser,
  NOTIFICATION_PAGE_SIZE,
  type NotificationItem,
  type NotificationList,
  type NotificationPreferences,
  OPTIONAL_NOTIFICATION_KINDS,
  type UpdateNotificationPreferencesRequest,
} from '@openbrief/contracts';
import { Brackets, IsNull, Repository } from 'typeorm';
import { AccessService } from '../../common/access/access.service';
import { Clock } from '../../common/clock/clock';
import { NotFoundError } from '../../common/errors/domain.error';
import { Transactions } from '../../database/transactions';
import { User } from '../identity/entities/user.entity';
import { UnsubscribeTokens } from './delivery/unsubscribe-tokens';
import { Notification, NotificationPreference } from './entities';

/** A person's own notifications and e-mail choices. Only ever their own: anyone else's is "not found". */
@Injectable()
export class NotificationInbox {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectRepository(NotificationPreference) private readonly preferences: Repository<NotificationPreference>,
    private readonly transactions: Transactions,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly tokens: UnsubscribeTokens,
  ) {}

  async list(user: CurrentUser, before?: string): Promise<NotificationList> {
    this.access.require(user, 'notification.read');
    const query = this.notifications
      .createQueryBuilder('n')
      .where('n.user_id = :userId', { userId: user.id })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .take(NOTIFICATION_PAGE_SIZE);
    if (before) {
      const last = await this.own(user, before);
      query.andWhere(
        new Brackets((b) =>
          b
            .where('n.created_at < :at', { at: last.createdAt })
            .orWhere(
              new Brackets((same) => same.where('n.created_at = :at', { at: last.createdAt }).andWhere('n.id < :id', { id: last.id })),
            ),
        ),
      );
    }
    const [items, unread] = await Promise.all([query.getMany(), this.notifications.countBy({ userId: user.id, readAt: IsNull() })]);
    return { unread, items: items.map(toItem) };
  }

  async markRead(user: CurrentUser, id: string): Promise<NotificationItem> {
    this.access.require(user, 'notification.read');
    return this.transactions.run(async (tx) => {
      const notification = await tx.findOneBy(Notification, { id, userId: user.id });
      if (!notification) throw new NotFoundError('That notification');
      if (!notification.readAt) {
        notification.readAt = this.clock.now();
        await tx.update(Notification, { id }, { readAt: notification.readAt });
      }
      return toItem(notification);
    });
  }

  async markAllRead(user: CurrentUser): Promise<NotificationList> {
    this.access.require(user, 'notification.read');
    await this.transactions.run((tx) => tx.update(Notification, { userId: user.id, readAt: IsNull() }, { readAt: this.clock.now() }));
    return this.list(user);
  }

  async preferencesOf(user: CurrentUser): Promise<NotificationPreferences> {
    this.access.require(user, 'notification.read');
    const rows = await this.preferences.findBy({ userId: user.id });
    return {
      items: OPTIONAL_NOTIFICATION_KINDS.map((kind) => ({ kind, email: rows.find((r) => r.kind === kind)?.email ?? true })),
    };
  }

  async updatePreferences(user: CurrentUser, request: UpdateNotificationPreferencesRequest): Promise<NotificationPreferences> {
    this.access.require(user, 'notification.read');
    await this.transactions.run(async (tx) => {
      for (const { kind, email } of request.items)
        await tx.upsert(NotificationPreference, { userId: user.id, kind, email, updatedAt: this.clock.now() }, ['userId', 'kind']);
    });
    return this.preferencesOf(user);
  }

  /** Turns off e-mail of one optional kind from a link in an e-mail; false (and nothing written) for a token we did not sign. */
  async unsubscribe(token: unknown): Promise<boolean> {
    const subject = this.tokens.verify(token);
    if (!subject) return false;
    return this.transactions.run(async (tx) => {
      if (!(await tx.existsBy(User, { id: subject.userId }))) return false;
      await tx.upsert(NotificationPreference, { ...subject, email: false, updatedAt: this.clock.now() }, ['userId', 'kind']);
      return true;
    });
  }

  private async own(user: CurrentUser, id: string): Promise<Notification> {
    const notification = await this.notifications.findOneBy({ id, userId: user.id });
    if (!notification) throw new NotFoundError('That notification');
    return notification;
  }
}

function toItem(n: Notification): NotificationItem {
  return {
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt ? n.readAt.toISOString() : null,
  };
}
