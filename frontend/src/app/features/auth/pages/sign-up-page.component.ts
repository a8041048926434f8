import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, SupplierSignUpRequest } from '@openbrief/contracts';
import { switchMap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { homeFor, safeReturnUrl } from '../../../core/auth/role-home';
import { AppError, toAppError } from '../../../core/http/app-error';
import { FlashMessageService } from '../../../core/layout/flash-message.service';
import { ErrorMessages, SummaryError, applyServerErrors, controlMessage, summarise } from '../../../shared/forms/form-errors';
import { ErrorSummary } from '../../../shared/ui/error-summary.component';
import { livePasswordFeedback } from '../../../shared/forms/password/password-strength';
import { PasswordFeedbackText } from '../../../shared/forms/password/password-feedback.component';

const MESSAGES: ErrorMessages = {
  name: { required: 'Enter your full name', maxlength: 'Your name must be 200 characters or fewer' },
  email: {
    required: 'Enter your e-mail address',
    email: 'Enter an e-mail address in the correct format, like name@example.com',
  },
  password: {
    required: 'Enter a password',
    minlength: `Your password must be at least ${PASSWORD_MIN_LENGTH} characters`,
    maxlength: `Your password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
  },
  organisationName: {
    required: 'Enter the name of your organisation',
    maxlength: 'The organisation name must be 200 characters or fewer',
  },
  companyNumber: { maxlength: 'The company or charity number must be 20 characters or fewer' },
};

type Field = keyof typeof MESSAGES;

@Component({
  selector: 'ob-sign-up-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatCheckboxModule,
    ErrorSummary,
    PasswordFeedbackText,
  ],
  templateUrl: './sign-up-page.component.html',
  styleUrl: './auth-page.scss',
})
export class SignUpPage {
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly flash = inject(FlashMessageService);
  /** Where to go once signed in (an app path, from the "Create a free supplier account" link of an opportunity). */
  readonly returnUrl = input<string>();

  /** The sign-in page, keeping where the supplier was going. */
  protected signInUrl(): string {
    const back = safeReturnUrl(this.returnUrl());
    return back ? `/sign-in?returnUrl=${encodeURIComponent(back)}` : '/sign-in';
  }

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    email: ['', [Validators.required, Validators.email]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
    organisationName: ['', [Validators.required, Validators.maxLength(200)]],
    companyNumber: ['', Validators.maxLength(20)],
    isSme: [false],
  });
  protected readonly errors = signal<SummaryError[]>([]);
  protected readonly submitting = signal(false);
  protected readonly passwordFeedback = livePasswordFeedback(this.form.controls.password, () => {
    const { email, name, organisationName } = this.form.getRawValue();
    return { email, name, organisationName };
  });

  protected message(name: Field): string {
    return controlMessage(this.form.get(name), MESSAGES[name]);
  }

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errors.set(summarise(this.form, MESSAGES, 'sign-up'));
      return;
    }
    this.submitting.set(true);
    const request = this.request();
    // Sign-up answers alike whether or not the address already had an account, so it cannot be used
    // to find out who has one. A new supplier is then signed in with the details they just chose.
    let acceptedMessage = '';
    this.auth
      .signUp(request)
      .pipe(
        switchMap((accepted) => {
          acceptedMessage = accepted.message;
          return this.auth.signIn({ email: request.email, password: request.password });
        }),
      )
      .subscribe({
        next: (user) => {
          this.flash.showAfterNavigation(`Your supplier account for ${user.organisation.name} is ready.`);
          // Back to the opportunity the supplier was reading, when they came from one.
          void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()) ?? homeFor(user.role));
        },
        error: (error: unknown) => {
          if (acceptedMessage) {
            // The request was taken but these details do not sign in: most likely the address already
            // had an account with another password. Say so in the same words whatever the reason.
            this.flash.showAfterNavigation(acceptedMessage);
            void this.router.navigateByUrl(this.signInUrl());
            return;
          }
          this.showErrors(toAppError(error));
        },
      });
  }

  private showErrors(appError: AppError): void {
    this.submitting.set(false);
    const unmatched = applyServerErrors(this.form, appError.details);
    const fieldErrors = summarise(this.form, MESSAGES, 'sign-up');
    const general = fieldErrors.length === 0 ? [appError.message] : unmatched;
    this.errors.set([...fieldErrors, ...general.map((message) => ({ fieldId: '', message }))]);
  }

  private request(): SupplierSignUpRequest {
    const value = this.form.getRawValue();
    const companyNumber = value.companyNumber.trim();
    return {
      name: value.name.trim(),
      email: value.email.trim(),
      password: value.password,
      organisationName: value.organisationName.trim(),
      isSme: value.isSme,
      ...(companyNumber ? { companyNumber } : {}),
    };
  }
}
