import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { PASSWORD_MIN_LENGTH } from '@openbrief/contracts';
import { PasswordFeedback } from './password-strength';

/**
 * The hint under a new-password field: general advice, then what zxcvbn makes of what was typed.
 * Announced politely, so a screen reader user hears it without losing their place.
 */
@Component({
  selector: 'ob-password-feedback',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span aria-live="polite">
      @switch (feedback().status) {
        @case ('weak') {
          <span class="password-feedback password-feedback--weak">{{ weakMessage() }}</span>
        }
        @case ('strong') {
          <span class="password-feedback password-feedback--strong">This password is hard to guess.</span>
        }
        @default {
          At least {{ minLength }} characters. Three random words make a strong password that is easy to remember.
        }
      }
    </span>
  `,
  styles: `
    .password-feedback--weak {
      color: var(--ob-error);
    }
    .password-feedback--strong {
      color: var(--ob-success);
    }
  `,
})
export class PasswordFeedbackText {
  readonly feedback = input.required<PasswordFeedback>();
  protected readonly minLength = PASSWORD_MIN_LENGTH;

  protected weakMessage(): string {
    const feedback = this.feedback();
    return feedback.status === 'weak' ? feedback.message : '';
  }
}
