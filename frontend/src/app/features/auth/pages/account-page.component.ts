import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@openbrief/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { toAppError } from '../../../core/http/app-error';
import { ErrorMessages, SummaryError, applyServerErrors, controlMessage, summarise } from '../../../shared/forms/form-errors';
import { ErrorSummary } from '../../../shared/ui/error-summary.component';
import { Notice } from '../../../shared/ui/notice.component';
import { livePasswordFeedback } from '../data-access/password-strength';
import { PasswordFeedbackText } from '../ui/password-feedback.component';

const MESSAGES: ErrorMessages = {
  currentPassword: { required: 'Enter your current password' },
  newPassword: {
    required: 'Enter a new password',
    minlength: `Your new password must be at least ${PASSWORD_MIN_LENGTH} characters`,
    maxlength: `Your new password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
  },
};

type Field = 'currentPassword' | 'newPassword';

/** Who is signed in, and a form to change the password. */
@Component({
  selector: 'ob-account-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, ErrorSummary, Notice, PasswordFeedbackText],
  templateUrl: './account-page.component.html',
  styleUrl: './auth-page.scss',
})
export class AccountPage {
  private readonly auth = inject(AuthService);

  protected readonly user = this.auth.user;
  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', Validators.required],
    newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
  });
  protected readonly passwordFeedback = livePasswordFeedback(this.form.controls.newPassword, () => {
    const user = this.user();
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
