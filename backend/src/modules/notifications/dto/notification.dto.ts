import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type NotificationItem,
  NotificationKind,
  type NotificationList,
  type NotificationPreference,
  type NotificationPreferences,
  OPTIONAL_NOTIFICATION_KINDS,
  type UpdateNotificationPreferencesRequest,
} from '@openbrief/contracts';
import { ArrayMinSize, IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { Nested } from '../../../common/validation/fields';

export class NotificationItemResponse implements NotificationItem {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: NotificationKind }) kind!: NotificationKind;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ nullable: true, type: String, description: 'An app path, e.g. /responses/…' }) link!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) readAt!: string | null;
}

export class NotificationListResponse implements NotificationList {
  @ApiProperty({ description: 'How many of all your notifications are unread' }) unread!: number;
  @ApiProperty({ type: [NotificationItemResponse], description: 'Newest first, at most 50' }) items!: NotificationItemResponse[];
}

export class NotificationListQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The id of the last notification of the previous page: older ones follow' })
  @IsOptional()
  @IsUUID('all', { message: 'before must be the id (a UUID) of a notification.' })
  before?: string;
}

export class NotificationPreferenceDto implements NotificationPreference {
  @ApiProperty({ enum: OPTIONAL_NOTIFICATION_KINDS, description: 'A kind you may turn off' })
  @IsIn(OPTIONAL_NOTIFICATION_KINDS, { message: `kind must be one of: ${OPTIONAL_NOTIFICATION_KINDS.join(', ')}.` })
  kind!: NotificationKind;

  @ApiProperty({ description: 'Whether to e-mail you this kind (it always appears in the app)' })
  @IsBoolean({ message: 'email must be true or false.' })
  email!: boolean;
}

export class NotificationPreferencesResponse implements NotificationPreferences {
  @ApiProperty({ type: [NotificationPreferenceDto] }) items!: NotificationPreferenceDto[];
}

export class UpdateNotificationPreferencesDto implements UpdateNotificationPreferencesRequest {
  @Nested(() => NotificationPreferenceDto, { each: true, maxItems: OPTIONAL_NOTIFICATION_KINDS.length })
  @ArrayMinSize(1, { message: 'items must name at least one kind.' })
  items!: NotificationPreferenceDto[];
}
