import { ApiProperty } from '@nestjs/swagger';
import type { SupplierSignUpRequest } from '@openbrief/contracts';
import { IsBoolean, IsOptional, Matches } from 'class-validator';
import { EmailField, NewPasswordField, OptionalText, RequiredText } from '../../../common/validation/fields';

export class SupplierSignUpDto implements SupplierSignUpRequest {
  @RequiredText(200, 'Your full name', 'Sam Patel')
  name!: string;

  @EmailField()
  email!: string;

  @NewPasswordField()
  password!: string;

  @RequiredText(200, 'The registered name of your business or charity', 'Patel Digital Ltd')
  organisationName!: string;

  @OptionalText(20, 'Companies House or charity number')
  @IsOptional()
  @Matches(/^[A-Za-z0-9]{2,20}$/, { message: 'companyNumber must be letters and digits only, like 01234567.' })
  companyNumber?: string;

  @ApiProperty({ description: 'Fewer than 250 staff and turnover up to £44m' })
  @IsBoolean({ message: 'isSme must be true or false.' })
  isSme!: boolean;
}
