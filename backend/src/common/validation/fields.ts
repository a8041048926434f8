import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateBy,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
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
    IsString({ message: '$property must be text.' }),
    Length(PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, {
      message: `$property must be between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters.`,
    }),
  );
}

/** Text that may be empty (but must be present), trimmed, with a limit. */
export function Text(max: number, description?: string) {
  return applyDecorators(
    ApiProperty({ maxLength: max, description }),
    trim,
    IsString({ message: '$property must be text.' }),
    MaxLength(max, { message: `$property must be at most ${max} characters.` }),
  );
}

/** Text or null. */
export function NullableText(max: number, description?: string) {
  return applyDecorators(
    ApiProperty({ maxLength: max, description, nullable: true, type: String }),
    trim,
    ValidateIf((_, v) => v !== null),
    IsString({ message: '$property must be text or null.' }),
    MaxLength(max, { message: `$property must be at most ${max} characters.` }),
  );
}

/** An ISO 8601 instant, or null. */
export function NullableInstant(description?: string) {
  return applyDecorators(
    ApiProperty({ format: 'date-time', nullable: true, type: String, description }),
    ValidateIf((_, v) => v !== null),
    IsISO8601({ strict: true }, { message: '$property must be a date and time like 2027-01-31T12:00:00Z, or null.' }),
  );
}

/**
 * True when a finite number has at most `places` decimal places, whatever way the JSON wrote it (`1e2` is 100,
 * `1e-7` has seven places). class-validator's own `maxDecimalPlaces` splits `String(value)` on "." and throws a
 * TypeError on exponent notation, which turned a typo into a 500.
 */
export function hasAtMostDecimalPlaces(value: unknown, places: number): boolean {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  // Rounding to `places` and reading back gives the same double exactly when the value is a decimal with that
  // many places (0.29 stays 0.29; multiplying by 100 instead would give 28.999999999999996).
  return Number(value.toFixed(places)) === value;
}

export function MaxDecimalPlaces(places: number, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'maxDecimalPlaces',
      constraints: [places],
      validator: { validate: (value: unknown) => hasAtMostDecimalPlaces(value, places) },
    },
    options,
  );
}

/**
 * A number in a range with at most `places` decimal places (exponent notation accepted when the value fits).
 * Each rule names the field, so `1e-7` answers 400 "weight must have at most 2 decimal places.", never a 500.
 */
export function DecimalNumber(min: number, max: number, places: number, nullable = false) {
  const orNull = nullable ? ' or null' : '';
  return applyDecorators(
    IsNumber({ allowNaN: false, allowInfinity: false }, { message: `$property must be a number${orNull}.` }),
    MaxDecimalPlaces(places, { message: `$property must have at most ${places} decimal places.` }),
    Min(min, { message: `$property must be at least ${min}.` }),
    Max(max, { message: `$property must be at most ${max}.` }),
  );
}

/** A number in a range, or null. */
export function NullableNumber(min: number, max: number, opts: { integer?: boolean; description?: string } = {}) {
  return applyDecorators(
    ApiProperty({ type: Number, nullable: true, minimum: min, maximum: max, description: opts.description }),
    ValidateIf((_, v) => v !== null),
    opts.integer
      ? applyDecorators(
          IsInt({ message: '$property must be a whole number or null.' }),
          Min(min, { message: `$property must be at least ${min}.` }),
          Max(max, { message: `$property must be at most ${max}.` }),
        )
      : DecimalNumber(min, max, 2, true),
  );
}

export function EnumField<T extends Record<string, string>>(values: T, name: string) {
  const list = Object.values(values);
  return applyDecorators(ApiProperty({ enum: list }), IsIn(list, { message: `$property must be one of: ${list.join(', ')} (${name}).` }));
}

export function Id(description?: string) {
  return applyDecorators(ApiProperty({ format: 'uuid', description }), IsUUID('all', { message: '$property must be an id (a UUID).' }));
}

/** A nested object or list of objects, validated with its own DTO class. */
export function Nested(type: () => Function, opts: { each?: boolean; maxItems?: number } = {}) {
  const decorators = [
    // Swagger takes a function named "type" as a lazy type; the caller's anonymous arrow would be read as
    // a class with no name, leaving a dangling $ref in the OpenAPI document.
    ApiProperty({ type: () => type(), isArray: opts.each }),
    ValidateNested({ each: opts.each }),
    Type(type as () => new () => unknown),
  ];
  if (opts.each) {
    decorators.push(IsArray({ message: '$property must be a list.' }));
    if (opts.maxItems) decorators.push(ArrayMaxSize(opts.maxItems, { message: `$property can have at most ${opts.maxItems} items.` }));
  } else {
    decorators.push(IsObject({ message: '$property must be an object.' }));
  }
  return applyDecorators(...decorators);
}
