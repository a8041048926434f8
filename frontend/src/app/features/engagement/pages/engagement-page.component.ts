import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import {
  Role,
  type EngagementFeedback,
  type EngagementNotice,
  type EngagementRegistration,
  type SupplierEngagementView,
} from '@openbrief/contracts';
import { Observable, map } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { AppError, toAppError } from '../../../core/http/app-error';
import { pageTitle } from '../../../core/routing/page-title.strategy';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { EngagementApi } from '../data-access/engagement.api';
import { eventFormat, eventWhen, feedbackClosedReason, outcomesByLot, registrationClosedReason } from '../data-access/engagement-text';
import { EventRegistration } from '../ui/event-registration.component';
import { OutcomeFeedbackForm } from '../ui/outcome-feedback-form.component';

type PageState = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: AppError };

/**
 * One preliminary market engagement notice (UK2). Anyone reads the draft outcomes, the questions and the event;
 * a signed-in supplier also comments on each outcome or proposes another, sees its own earlier feedback, and
 * registers for the event. No one's feedback or name is ever shown to anyone else here.
 */
@Component({
  selector: 'ob-engagement-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, UkDatePipe, Loading, Notice, OutcomeFeedbackForm, EventRegistration],
  templateUrl: './engagement-page.component.html',
  styleUrl: './engagement-page.component.scss',
})
export class EngagementPage {
  /** Bound from the `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(EngagementApi);
  private readonly auth = inject(AuthService);
  private readonly title = inject(Title);

  protected readonly state = signal<PageState>({ status: 'loading' });
  protected readonly notice = signal<EngagementNotice | null>(null);
  protected readonly myFeedback = signal<EngagementFeedback[]>([]);
  protected readonly myRegistration = signal<EngagementRegistration | null>(null);

  protected readonly signedIn = this.auth.isSignedIn;
  protected readonly isSupplier = computed(() => this.auth.role() === Role.Supplier);
  protected readonly here = computed(() => `/engagements/${this.id()}`);
  protected readonly lots = computed(() => outcomesByLot(this.notice()?.outcomes ?? []));
  protected readonly severalLots = computed(() => this.lots().length > 1);
  protected readonly feedbackClosed = computed(() => {
    const notice = this.notice();
    return notice ? feedbackClosedReason(notice) : null;
  });
  protected readonly registrationClosed = computed(() => {
    const notice = this.notice();
    return notice ? registrationClosedReason(notice) : null;
  });
  protected readonly when = computed(() => {
    const event = this.notice()?.event;
    return event ? { when: eventWhen(event), format: eventFormat(event) } : null;
  });
  /** The supplier's own feedback, by outcome. */
  protected readonly feedbackOn = computed(() => {
    const map = new Map<string, EngagementFeedback[]>();
    for (const item of this.myFeedback()) map.set(item.requirementId, [...(map.get(item.requirementId) ?? []), item]);
    return map;
  });

  constructor() {
    effect(() => this.load(this.id()));
    effect(() => {
      const state = this.state();
      const notice = this.notice();
      if (state.status === 'ready' && notice) this.title.setTitle(pageTitle(`Market engagement: ${notice.title}`));
      if (state.status === 'error') this.title.setTitle(pageTitle('Market engagement not found'));
    });
  }

  protected load(id: string): void {
    this.state.set({ status: 'loading' });
    // A supplier gets the notice with its own feedback in one answer; everyone else, the public notice.
    const request: Observable<SupplierEngagementView> = this.isSupplier()
      ? this.api.supplierView(id)
      : this.api.notice(id).pipe(map((notice) => ({ notice, myFeedback: [], myRegistration: null })));
    request.subscribe({
      next: (view) => {
        this.apply(view);
        this.state.set({ status: 'ready' });
      },
      error: (error: unknown) => this.state.set({ status: 'error', error: toAppError(error) }),
    });
  }

  protected apply(view: SupplierEngagementView): void {
    this.notice.set(view.notice);
    this.myFeedback.set(view.myFeedback);
    this.myRegistration.set(view.myRegistration);
  }

  protected given(feedback: EngagementFeedback): void {
    this.myFeedback.update((list) => [...list, feedback]);
  }
}
