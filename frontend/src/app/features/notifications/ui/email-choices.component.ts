import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { NotificationPreference } from '@openbrief/contracts';
import { toAppError } from '../../../core/http/app-error';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { NotificationsApi } from '../data-access/notifications.api';
import { EMAIL_CHOICE_LABELS } from '../data-access/notification-words';

/** Which optional notifications are also e-mailed; the rest are part of taking part and always sent. */
@Component({
  selector: 'ob-email-choices',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, MatCheckboxModule, MatButtonModule, Loading, Notice],
  styles: `
    .email-choices {
      margin-top: 3rem;
      padding-top: 1.5rem;
      border-top: 1px solid var(--ob-border);
    }
  `,
  template: `
    <section class="email-choices" aria-labelledby="email-choices-heading">
      <h2 id="email-choices-heading">E-mails</h2>
      <p>
        Notifications about your questions, responses and openings are always sent. You can choose whether we also e-mail you the reminders
        below. They always appear on this page.
      </p>
      @if (choices(); as list) {
        <form (ngSubmit)="save()">
          <fieldset class="form__fieldset">
            <legend>E-mail me when</legend>
            @for (choice of list; track choice.kind) {
              <mat-checkbox [id]="'email-' + choice.kind" [name]="choice.kind" [(ngModel)]="choice.email">{{ label(choice) }}</mat-checkbox>
            }
          </fieldset>
          <div class="button-row">
            <button mat-flat-button type="submit" [disabled]="saving()">{{ saving() ? 'Saving…' : 'Save e-mail choices' }}</button>
          </div>
          <p role="status">{{ saved() ? 'Your e-mail choices have been saved.' : '' }}</p>
        </form>
      } @else if (error()) {
        <ob-notice tone="warning"
          ><p>We could not load your e-mail choices. {{ error() }}</p></ob-notice
        >
      } @else {
        <ob-loading label="Loading your e-mail choices…" />
      }
      @if (saveError()) {
        <p class="form__error" role="alert">{{ saveError() }}</p>
      }
    </section>
  `,
})
export class EmailChoices {
  private readonly api = inject(NotificationsApi);

  protected readonly choices = signal<NotificationPreference[] | null>(null);
  protected readonly error = signal('');
  protected readonly saveError = signal('');
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);

  constructor() {
    this.api.preferences().subscribe({
      next: (preferences) => this.choices.set(preferences.items.map((item) => ({ ...item }))),
      error: (error: unknown) => this.error.set(toAppError(error).message),
    });
  }

  protected label(choice: NotificationPreference): string {
    return EMAIL_CHOICE_LABELS[choice.kind];
  }

  protected save(): void {
    const items = this.choices();
    if (!items || this.saving()) return;
    this.saving.set(true);
    this.saved.set(false);
    this.saveError.set('');
    this.api.updatePreferences({ items: items.map(({ kind, email }) => ({ kind, email })) }).subscribe({
      next: (preferences) => {
        this.saving.set(false);
        this.choices.set(preferences.items.map((item) => ({ ...item })));
        this.saved.set(true);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.saveError.set(toAppError(error).message);
      },
    });
  }
}
