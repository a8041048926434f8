import { ApiProperty } from '@nestjs/swagger';
import type { SignInRequest } from '@openbrief/contracts';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { EmailField } from '../../../common/validation/fields';

export class SignInDto implements SignInRequest {
  @EmailField()
  email!: string;

  @ApiProperty({ format: 'password', example: 'demo-password' })
  @IsString({ message: 'password must be text.' })
  @MinLength(1, { message: 'password must not be empty.' })
  @MaxLength(200, { message: 'password must be at most 200 characters.' })
  password!: string;
}
