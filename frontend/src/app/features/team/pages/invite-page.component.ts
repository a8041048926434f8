import { Clipboard } from '@angular/cdk/clipboard';
import { ChangeDetectionStrategy, Component, DOCUMENT, Injector, afterNextRender, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { RouterLink } from '@angular/router';
import { InvitableRole, InvitationCreated, Role, invitableRolesFor } from '@openbrief/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { toAppError } from '../../../core/http/app-error';
import { ErrorMessages, SummaryError, applyServerErrors, controlMessage, summarise } from '../../../shared/forms/form-errors';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { ErrorSummary } from '../../../shared/ui/error-summary.component';
import { focusElementById } from '../../../shared/ui/focus';
import { Notice } from '../../../shared/ui/notice.component';
import { TeamInvitationsApi } from '../data-access/invitations.api';

const MESSAGES: ErrorMessages = {
  email: {
    required: 'Enter the e-mail address of the person you want to invite',
    email: 'Enter an e-mail address in the correct format, like name@example.com',
  },
  role: { required: 'Select what they will do' },
};

interface CreatedLink {
  readonly invitation: InvitationCreated;
  readonly url: string;
}

@Component({
  selector: 'ob-invite-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatButtonModule,
    MatRadioModule,
    ErrorSummary,
    Notice,
    UkDatePipe,
  ],
  templateUrl: './invite-page.component.html',
  styleUrl: './invite-page.component.scss',
})
export class InvitePage {
  private readonly api = inject(TeamInvitationsApi);
  private readonly clipboard = inject(Clipboard);
  private readonly origin = inject(DOCUMENT).location.origin;
  private readonly injector = inject(Injector);

  protected readonly user = inject(AuthService).user;
  protected readonly roles = { buyer: Role.Buyer, evaluator: Role.Evaluator } as const;
  /**
   * A supplier invites colleagues as suppliers only (the server holds to this too), so there is nothing to
   * choose: the role is set and the question is not asked. Buyers and admins choose buyer or evaluator.
   */
  private readonly onlyRole = computed(() => {
    const roles = invitableRolesFor(this.user()?.role ?? Role.Evaluator);
    return roles.length === 1 ? roles[0] : null;
  });
  protected readonly forSupplier = computed(() => this.onlyRole() === Role.Supplier);
  private readonly fb = inject(NonNullableFormBuilder);
  protected readonly form = this.fb.group({
    email: ['', [Validators.required, Validators.email]],
    role: this.fb.control<InvitableRole | ''>(this.onlyRole() ?? '', Validators.required),
  });
  protected readonly errors = signal<SummaryError[]>([]);
  protected readonly submitting = signal(false);
  protected readonly created = signal<CreatedLink | null>(null);
  protected readonly copied = signal(false);

  protected message(name: 'email' | 'role'): string {
    return controlMessage(this.form.controls[name], MESSAGES[name]);
  }

  protected submit(): void {
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errors.set(summarise(this.form, MESSAGES, 'invite'));
      return;
    }
    const { email, role } = this.form.getRawValue();
    if (role === '') return;
    this.submitting.set(true);
    this.api.create({ email: email.trim(), role }).subscribe({
      next: (invitation) => {
        this.submitting.set(false);
        this.errors.set([]);
        this.copied.set(false);
        this.created.set({ invitation, url: new URL(invitation.acceptPath, this.origin).toString() });
        afterNextRender(() => focusElementById('invitation-created'), { injector: this.injector });
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        const appError = toAppError(error);
        const unmatched = applyServerErrors(this.form, appError.details);
        const fieldErrors = summarise(this.form, MESSAGES, 'invite');
        const general = fieldErrors.length === 0 ? [appError.message] : unmatched;
        this.errors.set([...fieldErrors, ...general.map((message) => ({ fieldId: '', message }))]);
      },
    });
  }

  protected copy(url: string): void {
    this.copied.set(this.clipboard.copy(url));
  }

  protected selectLink(event: Event): void {
    (event.target as HTMLInputElement).select();
  }

  protected inviteAnother(): void {
    this.created.set(null);
    this.form.reset({ email: '', role: this.onlyRole() ?? '' });
    afterNextRender(() => focusElementById('invite-email'), { injector: this.injector });
  }
}
