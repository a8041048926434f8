import { NotificationPreference } from './notification-preference.entity';
import { Notification } from './notification.entity';
import { OutboxMessage } from './outbox-message.entity';

/** This module's entities, for src/entities.ts (processes without Nest) and this module's forFeature. */
export const NOTIFICATION_ENTITIES = [Notification, OutboxMessage, NotificationPreference];

export { Notification, NotificationPreference, OutboxMessage };
