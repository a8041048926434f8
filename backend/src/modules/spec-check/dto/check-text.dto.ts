import { ApiPropertyOptional } from '@nestjs/swagger';
import type { CheckTextRequest } from '@openbrief/contracts';
import { IsNumber, IsOptional, Max, Min } from 'class-validator';
import { RequiredText } from '../../../common/validation/fields';

export class CheckTextDto implements CheckTextRequest {
  @RequiredText(100_000, 'One requirement per line or list item') text!: string;

  @ApiPropertyOptional({ description: 'Estimated contract value, for proportionality checks (e.g. turnover demands)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false }, { message: 'estimatedValue must be a number.' })
  @Min(0)
  @Max(100_000_000_000)
  estimatedValue?: number;
}
