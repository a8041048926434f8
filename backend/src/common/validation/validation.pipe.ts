import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { ApiErrorDetail } from '@openbrief/contracts';

function flatten(errors: ValidationError[], parent = ''): ApiErrorDetail[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message: humanise(message, field) }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** class-validator says "property x should not exist"; say it in words a person reads. */
function humanise(message: string, field: string): string {
  if (/should not exist/.test(message)) return `"${field}" is not a field we accept here.`;
  return message;
}

/** The global pipe: whitelist, reject unknown fields, transform, and one readable error with details. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const fields = [...new Set(details.map((d) => d.field))];
      const message =
        fields.length === 1
          ? `Please check ${fields[0]}: ${details[0].message}`
          : `Please check these fields: ${fields.join(', ')}.`;
      return new BadRequestException({ message, details });
    },
  });
}
