import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { OCDS_FEED_PAGE_MAX, OCDS_FEED_PAGE_SIZE, type OcdsReleaseFeedQuery } from '@openbrief/contracts';
import { Transform } from 'class-transformer';
import { IsInt, IsISO8601, IsOptional, IsString, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { decodeFeedCursor, FEED_CURSOR_MAX_LENGTH } from '../feed-cursor';

/** Query strings arrive as text; only plain digits become a number, anything else fails IsInt with its message. */
const digitsToNumber = Transform(({ value }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value));

/** An instant with a date, a time and a zone: a date alone would be read in the server's zone, which a feed must not guess. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function Instant(name: string, description: string) {
  const message = `${name} must be a date and time with a time zone, like 2027-01-31T12:00:00Z.`;
  return applyDecorators(
    ApiPropertyOptional({ format: 'date-time', type: String, description }),
    IsOptional(),
    IsString({ message }),
    MaxLength(40, { message }),
    IsISO8601({ strict: true, strictSeparator: true }, { message }),
    ValidateBy(
      { name: 'isInstantWithZone', validator: { validate: (v: unknown) => typeof v === 'string' && INSTANT.test(v) } },
      { message },
    ),
  );
}

export class ReleaseFeedQueryDto implements OcdsReleaseFeedQuery {
  @Instant('updatedFrom', 'Only releases dated at or after this date and time')
  updatedFrom?: string;

  @Instant('updatedTo', 'Only releases dated at or before this date and time')
  updatedTo?: string;

  @ApiPropertyOptional({
    maxLength: FEED_CURSOR_MAX_LENGTH,
    description: 'From the previous page’s links.next; leave out for the first page',
  })
  @IsOptional()
  @IsString({ message: 'cursor must be text.' })
  @ValidateBy(
    { name: 'isFeedCursor', validator: { validate: (value: unknown) => typeof value === 'string' && decodeFeedCursor(value) !== null } },
    { message: 'cursor is not one this feed gave out: start again from the first page.' },
  )
  cursor?: string;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: OCDS_FEED_PAGE_MAX,
    default: OCDS_FEED_PAGE_SIZE,
    description: 'How many releases to return',
  })
  @IsOptional()
  @digitsToNumber
  @IsInt({ message: 'limit must be a whole number.' })
  @Min(1, { message: 'limit must be at least 1.' })
  @Max(OCDS_FEED_PAGE_MAX, { message: `limit must be at most ${OCDS_FEED_PAGE_MAX}.` })
  limit?: number;
}
