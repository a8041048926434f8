import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CheckTextRequest } from '@openbrief/contracts';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { RequiredText } from '../../../common/validation/fields';

export class CheckTextDto implements CheckTextRequest {
  // The request body's size bounds this; the configurable cap (SPEC_CHECK_MAX_CHARS) is enforced by the service with a 413.
  @RequiredText(1_000_000, 'One requirement per line or list item; up to SPEC_CHECK_MAX_CHARS (100,000 by default)') text!: string;

  @ApiPropertyOptional({ description: 'Estimated contract value, for proportionality checks (e.g. turnover demands)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'estimatedValue must be a number.' })
  @Min(0)
  @Max(100_000_000_000)
  estimatedValue?: number;
}
