import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router, RouterLink } from '@angular/router';
import { InvitationPreview, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, Role } from '@openbrief/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { homeFor } from '../../../core/auth/role-home';
import { toAppError } from '../../../core/http/app-error';
import { FlashMessageService } from '../../../core/layout/flash-message.service';
import { createLoader } from '../../../shared/data/load-state';
import { ErrorMessages, SummaryError, applyServerErrors, controlMessage, summarise } from '../../../shared/forms/form-errors';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { ErrorSummary } from '../../../shared/ui/error-summary.component';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { InvitationsApi } from '../data-access/invitations.api';
import { livePasswordFeedback } from '../../../shared/forms/password/password-strength';
import { PasswordFeedbackText } from '../../../shared/forms/password/password-feedback.component';

const MESSAGES: ErrorMessages = {
  name: { required: 'Enter your full name', maxlength: 'Your name must be 200 characters or fewer' },
  password: {
    required: 'Enter a password',
    minlength: `Your password must be at least ${PASSWORD_MIN_LENGTH} characters`,
    maxlength: `Your password must be ${PASSWORD_MAX_LENGTH} characters or fewer`,
  },
};

const ROLE_DESCRIPTIONS: Partial<Record<Role, string>> = {
  [Role.Buyer]: 'a buyer, who writes, checks and publishes tenders',
  [Role.Evaluator]: 'an evaluator, who scores the bids suppliers send in',
  [Role.Supplier]: 'a member of the supplier team, who asks questions and writes responses to tenders',
};

@Component({
  selector: 'ob-accept-invitation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    ErrorSummary,
    Loading,
    Notice,
    UkDatePipe,
    PasswordFeedbackText,
  ],
  templateUrl: './accept-invitation-page.component.html',
  styleUrl: './auth-page.scss',
})
export class AcceptInvitationPage {
  /** Bound from the `:token` route parameter. */
  readonly token = input.required<string>();

  private readonly api = inject(InvitationsApi);
  private readonly auth = inject(AuthService);
  private readonly router = inject(Router);
  private readonly flash = inject(FlashMessageService);

  protected readonly signedInUser = this.auth.user;
  protected readonly invitation = createLoader<InvitationPreview>();
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    password: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
  });
  protected readonly passwordFeedback = livePasswordFeedback(this.form.controls.password, () => {
    const state = this.invitation.state();
    const preview = state.status === 'ready' ? state.value : undefined;
    return { email: preview?.email, organisationName: preview?.organisationName, name: this.form.controls.name.value };
  });
  protected readonly errors = signal<SummaryError[]>([]);
  protected readonly submitting = signal(false);

  constructor() {
    effect(() => this.invitation.load(this.api.preview(this.token())));
  }

  protected roleDescription(role: Role): string {
    return ROLE_DESCRIPTIONS[role] ?? role;
  }

  protected message(name: 'name' | 'password'): string {
    return controlMessage(this.form.controls[name], MESSAGES[name]);
  }

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errors.set(summarise(this.form, MESSAGES, 'invitation'));
      return;
    }
    this.submitting.set(true);
    const { name, password } = this.form.getRawValue();
    this.auth.acceptInvitation({ token: this.token(), name: name.trim(), password }).subscribe({
      next: (user) => {
        this.flash.showAfterNavigation(`Welcome to Openbrief, ${user.name}. You have joined ${user.organisation.name}.`);
        void this.router.navigateByUrl(homeFor(user.role));
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const appError = toAppError(error);
        const unmatched = applyServerErrors(this.form, appError.details);
        const fieldErrors = summarise(this.form, MESSAGES, 'invitation');
        const general = fieldErrors.length === 0 ? [appError.message] : unmatched;
        this.errors.set([...fieldErrors, ...general.map((message) => ({ fieldId: '', message }))]);
      },
    });
  }
}
