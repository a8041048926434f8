import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { NOTIFICATION_ENTITIES } from './entities';

/** Owns the outbox and each person's notifications (notification, notification_preference). */
@Module({
  imports: [TypeOrmModule.forFeature(NOTIFICATION_ENTITIES)],
})
export class NotificationsModule {}
