import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { AuthService } from '../../../core/auth/auth.service';
import { toAppError } from '../../../core/http/app-error';
import { ErrorMessages, SummaryError, applyServerErrors, controlMessage, summarise } from '../../../shared/forms/form-errors';
import { ErrorSummary } from '../../../shared/ui/error-summary.component';
import { AccountApi } from '../data-access/account.api';
import { roleName } from './role-names';

const MESSAGES: ErrorMessages = {
  name: { required: 'Enter your full name', maxlength: 'Your name must be 200 characters or fewer' },
};

/** Your name (which you can change), e-mail address and role. */
@Component({
  selector: 'ob-profile-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatButtonModule, ErrorSummary],
  template: `
    <section class="account-section" aria-labelledby="profile-heading">
      <h2 id="profile-heading">Profile</h2>
      @if (errors().length) {
        <ob-error-summary [errors]="errors()" />
      }
      @if (user(); as user) {
        <dl class="summary-list">
          <dt>E-mail address</dt>
          <dd>{{ user.email }}</dd>
          <dt>Role</dt>
          <dd>{{ roleName(user.role) }}</dd>
        </dl>
      }
      <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate aria-labelledby="profile-heading">
        <mat-form-field appearance="outline" subscriptSizing="dynamic" hideRequiredMarker>
          <mat-label>Your full name</mat-label>
          <input matInput id="profile-name" formControlName="name" autocomplete="name" />
          <mat-hint>Colleagues see this name, and so do buyers when you ask a question or send a response.</mat-hint>
          <mat-error>{{ message() }}</mat-error>
        </mat-form-field>
        <div class="button-row">
          <button mat-flat-button type="submit" [disabled]="saving()">{{ saving() ? 'Saving your name…' : 'Save name' }}</button>
        </div>
        <p role="status" class="account-section__status">{{ saved() ? 'Your name has been saved.' : '' }}</p>
      </form>
    </section>
  `,
})
export class ProfileSection {
  private readonly auth = inject(AuthService);
  private readonly api = inject(AccountApi);

  protected readonly user = this.auth.user;
  protected readonly roleName = roleName;
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.auth.user()?.name ?? '', [Validators.required, Validators.maxLength(200)]],
  });
  protected readonly errors = signal<SummaryError[]>([]);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);

  protected message(): string {
    return controlMessage(this.form.controls.name, MESSAGES['name']);
  }

  protected submit(): void {
    if (this.saving()) return;
    this.saved.set(false);
    const name = this.form.controls.name.value.trim();
    if (!name) this.form.controls.name.setErrors({ required: true });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errors.set(summarise(this.form, MESSAGES, 'profile'));
      return;
    }
    this.saving.set(true);
    this.api.updateProfile({ name }).subscribe({
      next: (user) => {
        this.saving.set(false);
        this.errors.set([]);
        this.auth.replaceUser(user);
        this.form.setValue({ name: user.name });
        this.saved.set(true);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const appError = toAppError(error);
        const unmatched = applyServerErrors(this.form, appError.details);
        const fieldErrors = summarise(this.form, MESSAGES, 'profile');
        const general = fieldErrors.length === 0 ? [appError.message] : unmatched;
        this.errors.set([...fieldErrors, ...general.map((message) => ({ fieldId: '', message }))]);
      },
    });
  }
}
