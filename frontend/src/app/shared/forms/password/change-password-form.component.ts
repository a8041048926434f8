import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@openbrief/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { toAppError } from '../../../core/http/app-error';
import { ErrorMessages, SummaryError, applyServerErrors, controlMessage, summarise } from '../form-errors';
import { ErrorSummary } from '../../ui/error-summary.component';
import { Notice } from '../../ui/notice.component';
import { livePasswordFeedback } from './password-strength';
import { PasswordFeedbackText } from './password-feedback.component';

const MESSAGES: ErrorMessages = {
  currentPassword: { required: 'Enter your current password' },
  newPassword: {
    required: 'Enter a new password',
    minlength: `Your new password must be at least ${PASSWORD_MIN_LENGTH} characters`,
    maxlength: `Your new password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
  },
};

type Field = 'currentPassword' | 'newPassword';

/**
 * Changing one's password, with live advice on the new one. Kept with sign-in and sign-up, which share the
 * password advice; the account page shows it as one of its sections.
 */
@Component({
  selector: 'ob-change-password-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, ErrorSummary, Notice, PasswordFeedbackText],
  template: `
    @if (errors().length) {
      <ob-error-summary [errors]="errors()" />
    }
    @if (changed()) {
      <ob-notice tone="success" heading="Your password has been changed">
        <p role="status">Use it next time you sign in. Anyone signed in to your account on another device has been signed out.</p>
      </ob-notice>
    }
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate aria-labelledby="change-password">
      <h2 id="change-password">Change your password</h2>
      <p class="form__hint">
        Changing your password signs you out everywhere else. Three random words make a strong password that is easy to remember.
      </p>
      <mat-form-field appearance="outline" subscriptSizing="dynamic" hideRequiredMarker>
        <mat-label>Current password</mat-label>
        <input matInput id="account-currentPassword" formControlName="currentPassword" type="password" autocomplete="current-password" />
        <mat-error>{{ message('currentPassword') }}</mat-error>
      </mat-form-field>

      <mat-form-field appearance="outline" subscriptSizing="dynamic" hideRequiredMarker>
        <mat-label>New password</mat-label>
        <input matInput id="account-newPassword" formControlName="newPassword" type="password" autocomplete="new-password" />
        <mat-hint><ob-password-feedback [feedback]="passwordFeedback()" /></mat-hint>
        <mat-error>{{ message('newPassword') }}</mat-error>
      </mat-form-field>

      <div class="button-row">
        <button mat-flat-button type="submit" [disabled]="submitting()">
          {{ submitting() ? 'Changing your password…' : 'Change password' }}
        </button>
      </div>
    </form>
  `,
})
export class ChangePasswordForm {
  private readonly auth = inject(AuthService);

  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
  });
  protected readonly passwordFeedback = livePasswordFeedback(this.form.controls.newPassword, () => {
    const user = this.auth.user();
    return {
      email: user?.email,
      name: user?.name,
      organisationName: user?.organisation.name,
      avoid: [this.form.controls.currentPassword.value].filter(Boolean),
    };
  });
  protected readonly errors = signal<SummaryError[]>([]);
  protected readonly submitting = signal(false);
  protected readonly changed = signal(false);

  protected message(name: Field): string {
    return controlMessage(this.form.controls[name], MESSAGES[name]);
  }

  protected submit(): void {
    if (this.submitting()) return;
    this.changed.set(false);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errors.set(summarise(this.form, MESSAGES, 'account'));
      return;
    }
    this.submitting.set(true);
    this.auth.changePassword(this.form.getRawValue()).subscribe({
      next: () => {
        this.submitting.set(false);
        this.errors.set([]);
        this.form.reset();
        this.changed.set(true);
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const appError = toAppError(error);
        const unmatched = applyServerErrors(this.form, appError.details);
        const fieldErrors = summarise(this.form, MESSAGES, 'account');
        const general = fieldErrors.length === 0 ? [appError.message] : unmatched;
        this.errors.set([...fieldErrors, ...general.map((message) => ({ fieldId: '', message }))]);
      },
    });
  }
}
