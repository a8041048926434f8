import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsNotEmpty, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@openbrief/contracts';

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** A required single-line text, trimmed, with a length limit a person is told about. */
export function RequiredText(max: number, description?: string, example?: string) {
  return applyDecorators(
    ApiProperty({ maxLength: max, description, example }),
    trim,
    IsString({ message: '$property must be text.' }),
    IsNotEmpty({ message: '$property must not be empty.' }),
    MaxLength(max, { message: `$property must be at most ${max} characters.` }),
  );
}

export function OptionalText(max: number, description?: string) {
  return applyDecorators(
    ApiPropertyOptional({ maxLength: max, description }),
    trim,
    IsOptional(),
    IsString({ message: '$property must be text.' }),
    MaxLength(max, { message: `$property must be at most ${max} characters.` }),
  );
}

export function EmailField() {
  return applyDecorators(
    ApiProperty({ format: 'email', maxLength: 254, example: 'buyer@demo.test' }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    IsString({ message: 'email must be text.' }),
    MaxLength(254, { message: 'email must be at most 254 characters.' }),
    IsEmail({}, { message: 'email must be an e-mail address, like name@example.org.' }),
  );
}

export function NewPasswordField() {
  return applyDecorators(
    ApiProperty({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, format: 'password' }),
    IsString({ message: 'password must be text.' }),
    Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
      message: `password must be between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters.`,
    }),
  );
}
