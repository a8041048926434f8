import { ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_PAGE_SIZE } from '@openbrief/contracts';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** Query strings arrive as text; only plain digits become a number, anything else fails IsInt with its message. */
const digitsToNumber = Transform(({ value }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value));

export class AuditTrailQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: 100_000, default: 1, description: 'Which page, newest entries on page 1' })
  @IsOptional()
  @digitsToNumber
  @IsInt({ message: 'page must be a whole number.' })
  @Min(1, { message: 'page must be at least 1.' })
  @Max(100_000, { message: 'page must be at most 100000.' })
  page?: number;

  @ApiPropertyOptional({
    minimum: 1,
    maximum: AUDIT_PAGE_SIZE.max,
    default: AUDIT_PAGE_SIZE.default,
    description: 'How many entries a page holds',
  })
  @IsOptional()
  @digitsToNumber
  @IsInt({ message: 'pageSize must be a whole number.' })
  @Min(1, { message: 'pageSize must be at least 1.' })
  @Max(AUDIT_PAGE_SIZE.max, { message: `pageSize must be at most ${AUDIT_PAGE_SIZE.max}.` })
  pageSize?: number;
}
