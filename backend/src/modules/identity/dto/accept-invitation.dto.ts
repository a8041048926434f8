import { ApiProperty } from '@nestjs/swagger';
import type { AcceptInvitationRequest } from '@openbrief/contracts';
import { IsString, Length } from 'class-validator';
import { NewPasswordField, RequiredText } from '../../../common/validation/fields';

export class AcceptInvitationDto implements AcceptInvitationRequest {
  @ApiProperty({ description: 'The token from the invitation link' })
  @IsString({ message: 'token must be text.' })
  @Length(20, 100, { message: 'token is not a valid invitation token.' })
  token!: string;

  @RequiredText(200, 'Your full name', 'Alex Morgan')
  name!: string;

  @NewPasswordField()
  password!: string;
}
