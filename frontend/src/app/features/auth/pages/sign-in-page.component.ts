import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { AuthService } from '../../../core/auth/auth.service';
import { homeFor, safeReturnUrl } from '../../../core/auth/role-home';
import { toAppError } from '../../../core/http/app-error';
import { ErrorMessages, SummaryError, controlMessage, summarise } from '../../../shared/forms/form-errors';
import { ErrorSummary } from '../../../shared/ui/error-summary.component';
import { Notice } from '../../../shared/ui/notice.component';

const MESSAGES: ErrorMessages = {
  email: {
    required: 'Enter your e-mail address',
    email: 'Enter an e-mail address in the correct format, like name@example.com',
  },
  password: { required: 'Enter your password' },
};

@Component({
  selector: 'ob-sign-in-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, RouterLink, MatFormFieldModule, MatInputModule, MatButtonModule, ErrorSummary, Notice],
  templateUrl: './sign-in-page.component.html',
  styleUrl: './auth-page.scss',
})
export class SignInPage {
  /** Query parameters, bound by the router. */
  readonly returnUrl = input<string>();
  readonly reason = input<string>();

  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  protected readonly errors = signal<SummaryError[]>([]);
  protected readonly submitting = signal(false);
  protected readonly sessionExpired = computed(() => this.reason() === 'expired');

  protected message(name: 'email' | 'password'): string {
    return controlMessage(this.form.controls[name], MESSAGES[name]);
  }

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errors.set(summarise(this.form, MESSAGES, 'sign-in'));
      return;
    }
    this.submitting.set(true);
    this.auth.signIn(this.form.getRawValue()).subscribe({
      next: (user) => {
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? homeFor(user.role));
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const appError = toAppError(error);
        // Point at the e-mail field: the wrong-password message is about both fields.
        const fieldId = appError.status === 401 ? 'sign-in-email' : '';
        this.errors.set([{ fieldId, message: appError.message }]);
      },
    });
  }
}
