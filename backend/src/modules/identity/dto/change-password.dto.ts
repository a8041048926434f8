import { ApiProperty } from '@nestjs/swagger';
import type { ChangePasswordRequest } from '@openbrief/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { NewPasswordField } from '../../../common/validation/fields';

export class ChangePasswordDto implements ChangePasswordRequest {
  @ApiProperty({ format: 'password' })
  @IsString({ message: 'currentPassword must be text.' })
  @MinLength(1, { message: 'currentPassword must not be empty.' })
  @MaxLength(200, { message: 'currentPassword must be at most 200 characters.' })
  currentPassword!: string;

  @NewPasswordField()
  newPassword!: string;
}
