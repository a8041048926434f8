import type { ApiErrorDetail } from '@openbrief/contracts';

/** One line of a form's error summary: the message, and the control it links to (none for the form as a whole). */
export interface FormProblem {
  readonly fieldId: string | null;
  readonly message: string;
}

/**
 * The API's refusal as summary lines: each detail about a field this form has goes beside that field; anything
 * else (feedback has closed, the event is full) is said once, unlinked.
 */
export function problemsFromApi(
  message: string,
  details: readonly ApiErrorDetail[],
  fieldIds: Readonly<Record<string, string>>,
): FormProblem[] {
  const linked = details
    .filter((d) => d.field && fieldIds[d.field])
    .map((d) => ({ fieldId: fieldIds[d.field as string] ?? null, message: d.message }));
  return linked.length ? linked : [{ fieldId: null, message }];
}
