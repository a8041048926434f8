import { ApiPropertyOptional } from '@nestjs/swagger';
import { PUBLIC_TENDER_PAGE_MAX, PUBLIC_TENDER_PAGE_SIZE } from '@openbrief/contracts';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, ValidateBy } from 'class-validator';
import { CURSOR_MAX_LENGTH, decodeCursor } from '../public-list-cursor';

/** Query strings arrive as text; only plain digits become a number, anything else fails IsInt with its message. */
const digitsToNumber = Transform(({ value }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value));

export class PublicTenderListQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: PUBLIC_TENDER_PAGE_MAX,
    default: PUBLIC_TENDER_PAGE_SIZE,
    description: 'How many tenders to return',
  })
  @IsOptional()
  @digitsToNumber
  @IsInt({ message: 'limit must be a whole number.' })
  @Min(1, { message: 'limit must be at least 1.' })
  @Max(PUBLIC_TENDER_PAGE_MAX, { message: `limit must be at most ${PUBLIC_TENDER_PAGE_MAX}.` })
  limit?: number;

  @ApiPropertyOptional({ maxLength: CURSOR_MAX_LENGTH, description: 'The nextCursor of the previous page; leave out for the first page' })
  @IsOptional()
  @IsString({ message: 'cursor must be text.' })
  @ValidateBy(
    { name: 'isPublicListCursor', validator: { validate: (value: unknown) => typeof value === 'string' && decodeCursor(value) !== null } },
    { message: 'cursor is not one this list gave out: start again from the first page.' },
  )
  cursor?: string;
}
