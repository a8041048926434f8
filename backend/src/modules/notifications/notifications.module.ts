import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MailTransport } from './delivery/mail-transport';
import { OutboxWorker } from './delivery/outbox-worker';
import { UnsubscribeTokens } from './delivery/unsubscribe-tokens';
import { Notification, NotificationPreference, OutboxMessage } from './entities';
import { NotificationInbox } from './notification-inbox.service';
import { NotificationsController } from './notifications.controller';
import { Notifications } from './notifications.service';

/**
 * Owns the outbox and each person's notifications (notification, outbox_message, notification_preference). A leaf:
 * other modules import it and call `Notifications.enqueue` in their transactions; it imports none of theirs.
 */
@Module({
  // Listed by name (not NOTIFICATION_ENTITIES): the architecture test reads this array from the source.
  imports: [TypeOrmModule.forFeature([Notification, OutboxMessage, NotificationPreference])],
  controllers: [NotificationsController],
  providers: [Notifications, NotificationInbox, OutboxWorker, MailTransport, UnsubscribeTokens],
  exports: [Notifications],
})
export class NotificationsModule {}
