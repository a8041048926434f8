import { AbstractControl, FormGroup } from '@angular/forms';
import { ApiErrorDetail } from '@openbrief/contracts';

/** One line of an error summary, pointing at the field it is about. */
export interface SummaryError {
  readonly fieldId: string;
  readonly message: string;
}

/** For each control: validator key → plain-English message. */
export type ErrorMessages = Record<string, Record<string, string>>;

/** Key under which messages from the API are kept on a control. */
const SERVER_ERROR = 'server';

/** The message to show for a control, or '' when it is valid. */
export function controlMessage(control: AbstractControl | null, messages: Record<string, string> | undefined): string {
  const errors = control?.errors;
  if (!errors) return '';
  const server: unknown = errors[SERVER_ERROR];
  if (typeof server === 'string') return server;
  const key = Object.keys(errors).find((k) => messages?.[k]);
  return key && messages ? (messages[key] ?? '') : 'Check this answer';
}

/** Summary lines for every invalid control, in form order. Field ids are `${idPrefix}-${name}`. */
export function summarise(form: FormGroup, messages: ErrorMessages, idPrefix: string): SummaryError[] {
  return Object.entries(form.controls)
    .filter(([, control]) => control.invalid)
    .map(([name, control]) => ({
      fieldId: `${idPrefix}-${name}`,
      message: controlMessage(control, messages[name]),
    }));
}

/**
 * Puts API field errors on the matching controls. Returns the messages that
 * match no control, so the page can still show them.
 */
export function applyServerErrors(form: FormGroup, details: readonly ApiErrorDetail[]): string[] {
  const unmatched: string[] = [];
  for (const detail of details) {
    const control = detail.field ? form.get(detail.field) : null;
    if (control) {
      control.setErrors({ ...control.errors, [SERVER_ERROR]: detail.message });
      control.markAsTouched();
    } else {
      unmatched.push(detail.message);
    }
  }
  return unmatched;
}
