import type { TenderContent } from '@openbrief/contracts';
import { plainToInstance } from 'class-transformer';
import { type ValidationError, validateSync } from 'class-validator';
import { TenderContentDto } from './dto/tender-content.dto';
import { contentProblems } from './tender-content.rules';

/** A value the REST API would refuse, where it is (`contact.email`, `lots[0].estimatedValue`) and why. */
export interface ContentProblem {
  field: string;
  message: string;
  /** The same place as keys: ['lots', '0', 'estimatedValue']. */
  path: string[];
}

/** The options of the global validation pipe (common/validation/validation.pipe.ts), so both paths refuse the same values. */
const PIPE_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, validationError: { target: false, value: false } } as const;

export const fieldName = (path: readonly string[]) =>
  path.reduce((name, key) => (/^\d+$/.test(key) ? `${name}[${key}]` : name ? `${name}.${key}` : key), '');
const pathOf = (field: string) => field.split(/[.[\]]+/).filter(Boolean);

function flatten(errors: ValidationError[], parent: string[] = []): ContentProblem[] {
  return errors.flatMap((e) => {
    const path = [...parent, e.property];
    const field = fieldName(path);
    const own = Object.values(e.constraints ?? {}).map((message) => ({
      field,
      path,
      message: /should not exist/.test(message) ? `"${field}" is not a field we accept here.` : message,
    }));
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/**
 * Every problem the REST API would refuse this content for: first each value against the DTOs' rules
 * (the very classes a PUT is validated with: one definition), then, once every value has its shape, the
 * rules between parts (ids, references, weights, timetable order). Takes anything: a value from the live
 * document may be of any type, and a rule that throws on it counts as a problem with the whole content.
 */
export function validateTenderContent(content: unknown): ContentProblem[] {
  try {
    const values = flatten(validateSync(plainToInstance(TenderContentDto, content), PIPE_OPTIONS));
    if (values.length) return values;
    return contentProblems(content as TenderContent).map((p) => ({
      field: p.field ?? '',
      message: p.message,
      path: pathOf(p.field ?? ''),
    }));
  } catch {
    return [{ field: '', path: [], message: 'The tender content could not be checked: a value has a shape we do not accept.' }];
  }
}
