import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type EngagementEvent,
  type EngagementEventFormat,
  type EngagementFeedbackKind,
  ENGAGEMENT_EVENT_FORMAT_LABELS,
  ENGAGEMENT_LIMITS,
  type GiveEngagementFeedbackRequest,
  type PublishEngagementRequest,
  type RegisterForEngagementRequest,
} from '@openbrief/contracts';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsUUID, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { OptionalText, RequiredText } from '../../../common/validation/fields';
import { CURSOR_MAX_LENGTH } from '../engagement-cursor';

const FORMATS = Object.keys(ENGAGEMENT_EVENT_FORMAT_LABELS) as EngagementEventFormat[];
const KINDS: EngagementFeedbackKind[] = ['comment', 'alternative'];
const ISO = { strict: true, strictSeparator: true };

export class EngagementEventDto implements EngagementEvent {
  @RequiredText(ENGAGEMENT_LIMITS.eventTitle, 'What the event is', 'Supplier briefing') title!: string;

  @ApiProperty({ format: 'date-time', description: 'When it starts (in the future)' })
  @IsISO8601(ISO, { message: 'startsAt must be a date and time (ISO 8601).' })
  startsAt!: string;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When it ends (after it starts), or null' })
  @ValidateIf((_, v) => v !== null)
  @IsISO8601(ISO, { message: 'endsAt must be a date and time (ISO 8601), or null.' })
  endsAt!: string | null;

  @ApiProperty({ enum: FORMATS })
  @IsIn(FORMATS, { message: `format must be one of: ${FORMATS.join(', ')}.` })
  format!: EngagementEventFormat;

  @RequiredText(ENGAGEMENT_LIMITS.eventPlace, 'Where it is (an address), or how to join (details are sent to those registered)')
  place!: string;

  @ApiProperty({ nullable: true, type: Number, minimum: 1, description: 'Places available; null for no limit' })
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: 'capacity must be a whole number, or null for no limit.' })
  @Min(1, { message: 'capacity must be at least 1.' })
  @Max(100_000, { message: 'capacity must be at most 100,000.' })
  capacity!: number | null;
}

export class PublishEngagementDto implements PublishEngagementRequest {
  @ApiProperty({ description: 'The draft revision you read (a stale one is refused with 409)' })
  @IsInt({ message: 'revision must be a whole number.' })
  @Min(0, { message: 'revision must be 0 or more.' })
  revision!: number;

  @RequiredText(ENGAGEMENT_LIMITS.questions, 'What you want to learn from suppliers') questions!: string;

  @ApiProperty({ format: 'date-time', description: 'Feedback is taken until then (in the future)' })
  @IsISO8601(ISO, { message: 'feedbackCloses must be a date and time (ISO 8601).' })
  feedbackCloses!: string;

  @ApiProperty({ type: EngagementEventDto, nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsObject({ message: 'event must be an object, or null.' })
  @ValidateNested()
  @Type(() => EngagementEventDto)
  event!: EngagementEventDto | null;
}

export class GiveEngagementFeedbackDto implements GiveEngagementFeedbackRequest {
  @ApiProperty({ format: 'uuid', description: 'One of the notice’s outcomes' })
  @IsUUID('all', { message: 'requirementId must be the id of one of the outcomes.' })
  requirementId!: string;

  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS, { message: 'kind must be "comment" or "alternative".' })
  kind!: EngagementFeedbackKind;

  @RequiredText(ENGAGEMENT_LIMITS.feedbackText, 'Your comment, or why your alternative works better') text!: string;

  @OptionalText(ENGAGEMENT_LIMITS.proposedOutcome, 'For an alternative (required): the outcome as you would write it')
  proposedOutcome?: string | null;
}

export class RegisterForEngagementDto implements RegisterForEngagementRequest {
  @ApiProperty({ minimum: 1, maximum: ENGAGEMENT_LIMITS.attendees })
  @IsInt({ message: 'attendees must be a whole number.' })
  @Min(1, { message: 'attendees must be at least 1.' })
  @Max(ENGAGEMENT_LIMITS.attendees, { message: `attendees must be at most ${ENGAGEMENT_LIMITS.attendees}.` })
  attendees!: number;

  @OptionalText(ENGAGEMENT_LIMITS.accessNeeds, 'Anything the buyer should arrange so everyone can take part')
  accessNeeds?: string;
}

/** Query strings arrive as text; only plain digits become a number, anything else fails IsInt with its message. */
const digitsToNumber = Transform(({ value }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value));

export class EngagementListQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: ENGAGEMENT_LIMITS.pageMax, default: ENGAGEMENT_LIMITS.pageSize })
  @IsOptional()
  @digitsToNumber
  @IsInt({ message: 'limit must be a whole number.' })
  @Min(1, { message: 'limit must be at least 1.' })
  @Max(ENGAGEMENT_LIMITS.pageMax, { message: `limit must be at most ${ENGAGEMENT_LIMITS.pageMax}.` })
  limit?: number;

  @OptionalText(CURSOR_MAX_LENGTH, 'The nextCursor of the previous page; leave out for the first page')
  cursor?: string;
}
