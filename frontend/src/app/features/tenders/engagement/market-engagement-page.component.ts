import { LiveAnnouncer } from '@angular/cdk/a11y';
import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  ENGAGEMENT_EVENT_FORMAT_LABELS,
  ENGAGEMENT_LIMITS,
  type BuyerEngagementView,
  type EngagementEventFormat,
  type PublishEngagementRequest,
  type TenderDetail,
  TenderStatus,
} from '@openbrief/contracts';
import { firstValueFrom } from 'rxjs';
import { AppError, toAppError } from '../../../core/http/app-error';
import { SummaryError } from '../../../shared/forms/form-errors';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { ErrorSummary } from '../../../shared/ui/error-summary.component';
import { focusElementById } from '../../../shared/ui/focus';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { EngagementApi } from '../../engagement/data-access/engagement.api';
import { charactersLeftMessage, eventWhen } from '../../engagement/data-access/engagement-text';
import { TendersApi } from '../data-access/tenders.api';
import { DateTimeField } from '../ui/datetime-field.component';
import { EngagementFeedbackStore } from './engagement-feedback.store';
import { EngagementForm, emptyEngagementForm, toPublishRequest, validateEngagementForm } from './engagement-form';

type PageState = { status: 'loading' } | { status: 'ready' } | { status: 'error'; error: AppError };

/** The API's field names, mapped to this page's controls, so a refusal links to the right one. */
const FIELD_IDS: Record<string, string> = {
  questions: 'engagement-questions',
  feedbackCloses: 'engagement-closes',
  event: 'engagement-has-event',
  'event.title': 'engagement-event-title',
  'event.startsAt': 'engagement-event-starts',
  'event.endsAt': 'engagement-event-ends',
  'event.format': 'engagement-event-format',
  'event.place': 'engagement-event-place',
  'event.capacity': 'engagement-event-capacity',
};

/**
 * Preliminary market engagement for one draft: publish its outcomes for suppliers (a UK2 notice), with questions,
 * a closing date and an optional event; then see the feedback and who registered, and close it. Feedback is adopted
 * beside each requirement in the editor, where the outcome is edited.
 */
@Component({
  selector: 'ob-market-engagement-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, UkDatePipe, Loading, Notice, ErrorSummary, DateTimeField],
  templateUrl: './market-engagement-page.component.html',
  styleUrls: ['../../../shared/ui/evaluation-forms.scss', './market-engagement-page.component.scss'],
})
export class MarketEngagementPage {
  /** Bound from the `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly tenders = inject(TendersApi);
  private readonly api = inject(EngagementApi);
  private readonly feedbackStore = inject(EngagementFeedbackStore);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly injector = inject(Injector);

  protected readonly limits = ENGAGEMENT_LIMITS;
  protected readonly formats = Object.entries(ENGAGEMENT_EVENT_FORMAT_LABELS) as [EngagementEventFormat, string][];
  protected readonly ids = FIELD_IDS;

  protected readonly state = signal<PageState>({ status: 'loading' });
  protected readonly tender = signal<TenderDetail | null>(null);
  protected readonly view = signal<BuyerEngagementView | null>(null);
  protected readonly form = signal<EngagementForm>(emptyEngagementForm());
  protected readonly errors = signal<SummaryError[]>([]);
  protected readonly busy = signal(false);
  protected readonly published = signal(false);
  protected readonly confirmation = signal('');

  protected readonly canPublish = computed(() => {
    const status = this.tender()?.status;
    return status === TenderStatus.Draft || status === TenderStatus.InReview;
  });
  /** What will be published: each requirement's outcome, numbered as the editor numbers it. */
  protected readonly outcomes = computed(() =>
    (this.tender()?.lots ?? []).flatMap((lot, l) =>
      [...lot.requirements]
        .sort((a, b) => a.order - b.order)
        .map((r, i) => ({ id: r.id, number: `${l + 1}.${i + 1}`, lotTitle: lot.title, outcome: r.outcome })),
    ),
  );
  protected readonly questionsCount = computed(() => charactersLeftMessage(this.form().questions.length, ENGAGEMENT_LIMITS.questions));
  protected readonly errorFor = computed(() => {
    const map = new Map<string, string>();
    for (const e of this.errors()) if (e.fieldId && !map.has(e.fieldId)) map.set(e.fieldId, e.message);
    return map;
  });
  protected readonly eventWhen = computed(() => {
    const event = this.view()?.notice.event;
    return event ? eventWhen(event) : '';
  });
  protected readonly attendees = computed(() => (this.view()?.registrations ?? []).reduce((sum, r) => sum + r.attendees, 0));
  protected readonly feedbackByOutcome = computed(() => {
    const view = this.view();
    if (!view) return [];
    return view.notice.outcomes.map((o) => ({ outcome: o, feedback: view.feedback.filter((f) => f.requirementId === o.requirementId) }));
  });

  constructor() {
    effect(() => void this.load(this.id()));
  }

  protected async load(id: string): Promise<void> {
    this.state.set({ status: 'loading' });
    try {
      const tender = await firstValueFrom(this.tenders.get(id));
      this.tender.set(tender);
      await this.feedbackStore.refresh(id);
      this.view.set(this.feedbackStore.viewFor(id) ?? null);
      this.state.set({ status: 'ready' });
    } catch (error: unknown) {
      this.state.set({ status: 'error', error: toAppError(error) });
    }
  }

  protected patch(patch: Partial<EngagementForm>): void {
    this.form.update((f) => ({ ...f, ...patch }));
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected async publish(event: Event): Promise<void> {
    event.preventDefault();
    const tender = this.tender();
    if (this.busy() || !tender) return;
    const problems = validateEngagementForm(this.form(), new Date());
    if (problems.length) {
      this.errors.set(problems.map((p) => ({ fieldId: FIELD_IDS[p.field] ?? '', message: p.message })));
      return;
    }
    this.errors.set([]);
    this.busy.set(true);
    const request: PublishEngagementRequest = toPublishRequest(this.form(), tender.revision);
    try {
      const view = await firstValueFrom(this.api.publish(tender.id, request));
      this.view.set(view);
      this.feedbackStore.set(tender.id, view);
      this.published.set(true);
      void this.announcer.announce('Published for market engagement.', 'polite');
      afterNextRender(() => focusElementById('engagement-published'), { injector: this.injector });
    } catch (failure: unknown) {
      const error = toAppError(failure);
      if (error.status === 409) {
        // The draft moved on (or someone else published first): read it again, so what is shown is what goes out.
        const fresh = await firstValueFrom(this.tenders.get(tender.id)).catch(() => null);
        if (fresh) this.tender.set(fresh);
      }
      const linked = error.details
        .filter((d) => d.field && FIELD_IDS[d.field])
        .map((d) => ({ fieldId: FIELD_IDS[d.field as string] ?? '', message: d.message }));
      this.errors.set(linked.length ? linked : [{ fieldId: '', message: error.message }]);
    } finally {
      this.busy.set(false);
    }
  }

  protected async closeNow(): Promise<void> {
    const tender = this.tender();
    if (this.busy() || !tender) return;
    this.busy.set(true);
    this.confirmation.set('');
    try {
      const view = await firstValueFrom(this.api.close(tender.id));
      this.view.set(view);
      this.feedbackStore.set(tender.id, view);
      this.confirmation.set('Feedback and registration have closed.');
      afterNextRender(() => focusElementById('engagement-status'), { injector: this.injector });
    } catch (failure: unknown) {
      this.confirmation.set(toAppError(failure).message);
    } finally {
      this.busy.set(false);
    }
  }
}
