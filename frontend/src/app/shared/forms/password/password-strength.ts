import { Injectable, Injector, Signal, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl } from '@angular/forms';
import { PASSWORD_CHECK_OPTIONS, PASSWORD_MIN_LENGTH, passwordProblem, passwordUserInputs } from '@openbrief/contracts';
import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { Observable, debounceTime, from, of, startWith, switchMap } from 'rxjs';

/** Whose password it is: their own details make a password easy to guess for anyone who knows them. */
export interface PasswordOwner {
  email?: string;
  name?: string;
  organisationName?: string;
  /** Also to be avoided, e.g. the current password when choosing a new one. */
  avoid?: string[];
}

/** What to tell the person while they type. */
export type PasswordFeedback = { status: 'empty' } | { status: 'short' } | { status: 'weak'; message: string } | { status: 'strong' };

/**
 * The same zxcvbn-ts check, dictionaries and policy the server applies, run in the browser for live
 * feedback. The dictionaries are large, so they load (once) only when a password form is used.
 */
@Injectable({ providedIn: 'root' })
export class PasswordStrength {
  private checker?: Promise<ZxcvbnFactory>;

  async assess(password: string, owner: PasswordOwner): Promise<PasswordFeedback> {
    if (!password) return { status: 'empty' };
    if (password.length < PASSWORD_MIN_LENGTH) return { status: 'short' };
    const zxcvbn = await this.load();
    const result = zxcvbn.check(password, [...passwordUserInputs(owner), ...(owner.avoid ?? [])]);
    const message = passwordProblem(result);
    return message ? { status: 'weak', message } : { status: 'strong' };
  }

  private load(): Promise<ZxcvbnFactory> {
    this.checker ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
      ([core, common, en]) =>
        new core.ZxcvbnFactory({
          dictionary: { ...common.dictionary, ...en.dictionary },
          graphs: common.adjacencyGraphs,
          translations: en.translations,
          ...PASSWORD_CHECK_OPTIONS,
        }),
    );
    return this.checker;
  }
}

/** Live feedback for a password control, re-assessed a moment after typing stops. */
export function livePasswordFeedback(
  control: AbstractControl<string>,
  owner: () => PasswordOwner,
  injector: Injector = inject(Injector),
): Signal<PasswordFeedback> {
  const strength = injector.get(PasswordStrength);
  const feedback$: Observable<PasswordFeedback> = control.valueChanges.pipe(
    startWith(control.value),
    debounceTime(250),
    switchMap((password) => (password ? from(strength.assess(password, owner())) : of<PasswordFeedback>({ status: 'empty' }))),
  );
  return toSignal(feedback$, { initialValue: { status: 'empty' }, injector });
}
