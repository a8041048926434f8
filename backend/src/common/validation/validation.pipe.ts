import { type ArgumentMetadata, BadRequestException, HttpException, Logger, ValidationError, ValidationPipe } from '@nestjs/common';
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

/**
 * A validator or transformer that throws (a RangeError from very deep input, a TypeError from a rule meeting a
 * value it did not expect) is a request we could not read, not a fault of ours: answer 400, never 500.
 */
class SafeValidationPipe extends ValidationPipe {
  private readonly logger = new Logger('ValidationPipe');

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof HttpException) throw error;
      this.logger.warn({ err: error, field: metadata.data ?? metadata.type }, 'A validator threw on a request value');
      throw new BadRequestException({
        message: 'The request could not be checked: a value has a shape we do not accept.',
        details: metadata.data ? [{ field: metadata.data, message: 'This value has a shape we do not accept.' }] : [],
      });
    }
  }
}

/** The global pipe: whitelist, reject unknown fields, transform, and one readable error with details. */
export function createValidationPipe(): ValidationPipe {
  return new SafeValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const details = flatten(errors);
      const fields = [...new Set(details.map((d) => d.field))];
      const message =
        fields.length === 1 ? `Please check ${fields[0]}: ${details[0].message}` : `Please check these fields: ${fields.join(', ')}.`;
      return new BadRequestException({ message, details });
    },
  });
}
