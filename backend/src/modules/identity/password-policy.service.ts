import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PASSWORD_CHECK_OPTIONS, passwordProblem, passwordUserInputs } from '@openbrief/contracts';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as zxcvbnCommon from '@zxcvbn-ts/language-common';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import { WeakPasswordError } from './errors/identity.errors';

export interface PasswordOwner {
  email: string;
  name: string;
  organisationName: string;
}

/**
 * Refuses common and guessable passwords (length alone let `1234567890` through). The same policy, from
 * the contracts, drives the live feedback in the browser. Seeded demo accounts never pass through here.
 */
@Injectable()
export class PasswordPolicy implements OnModuleInit {
  private zxcvbn?: ZxcvbnFactory;

  /** Building the dictionaries takes a few hundred milliseconds: done at start, not during someone's sign-up. */
  onModuleInit(): void {
    this.checker();
  }

  /** Throws a 400 naming `field`, with zxcvbn's warning and suggestions, when the password is too guessable. */
  assertStrong(password: string, owner: PasswordOwner, field = 'password', alsoAvoid: string[] = []): void {
    const result = this.checker().check(password, [...passwordUserInputs(owner), ...alsoAvoid]);
    const problem = passwordProblem(result);
    if (problem) throw new WeakPasswordError(field, problem);
  }

  private checker(): ZxcvbnFactory {
    this.zxcvbn ??= new ZxcvbnFactory({
      dictionary: { ...zxcvbnCommon.dictionary, ...zxcvbnEn.dictionary },
      graphs: zxcvbnCommon.adjacencyGraphs,
      translations: zxcvbnEn.translations,
      ...PASSWORD_CHECK_OPTIONS,
    });
    return this.zxcvbn;
  }
}
