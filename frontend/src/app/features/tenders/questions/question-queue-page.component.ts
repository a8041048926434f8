import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { type QueuedQuestion, type QuestionQueue, QuestionStatus, type TenderDetail } from '@openbrief/contracts';
import { of } from 'rxjs';
import { toAppError } from '../../../core/http/app-error';
import { createLoader } from '../../../shared/data/load-state';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { TendersApi } from '../data-access/tenders.api';
import { QuestionAnswerForm, QuestionAnswered } from './question-answer-form.component';
import { QUESTION_FILTERS, questionsIn, toQuestionStatus } from './question-filters';
import { QuestionsApi } from './questions.api';

/**
 * The buying team's queue of suppliers' questions on one tender: new, drafted, published and answered
 * privately, with counts. The asker's organisation is shown here to the buying team only; it is never
 * published with the answer.
 */
@Component({
  selector: 'ob-question-queue-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, UkDatePipe, Loading, Notice, QuestionAnswerForm],
  templateUrl: './question-queue-page.component.html',
  styleUrl: './question-queue-page.component.scss',
})
export class QuestionQueuePage {
  /** Bound from the `:id` route parameter. */
  readonly id = input.required<string>();
  /** Bound from the `show` query parameter: which tab. */
  readonly show = input<string>();

  private readonly api = inject(QuestionsApi);
  private readonly tendersApi = inject(TendersApi);
  private readonly injector = inject(Injector);

  protected readonly filters = QUESTION_FILTERS;
  protected readonly statuses = QuestionStatus;
  protected readonly tender = createLoader<TenderDetail>();
  protected readonly queue = createLoader<QuestionQueue>();
  protected readonly current = computed(() => toQuestionStatus(this.show()));
  protected readonly message = signal('');

  /** Questions changed on this tab stay in view until the buyer moves on, so focus and context are not lost. */
  private readonly kept = signal<ReadonlySet<string>>(new Set());
  protected readonly shown = computed(() => {
    const state = this.queue.state();
    if (state.status !== 'ready') return [];
    const status = this.current();
    const kept = this.kept();
    const inTab = questionsIn(state.value.questions, status);
    const stayed = state.value.questions.filter((q) => q.status !== status && kept.has(q.id));
    return [...inTab, ...stayed].sort((a, b) => a.askedAt.localeCompare(b.askedAt));
  });

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => {
        this.tender.load(this.tendersApi.get(id));
        this.queue.load(this.api.queue(id));
      });
    });
    effect(() => {
      this.current();
      untracked(() => {
        this.kept.set(new Set());
        this.message.set('');
      });
    });
  }

  protected label(status: QuestionStatus): string {
    return QUESTION_FILTERS.find((f) => f.status === status)?.label ?? '';
  }

  protected emptyText(status: QuestionStatus): string {
    return QUESTION_FILTERS.find((f) => f.status === status)?.empty ?? '';
  }

  protected answerable(question: QueuedQuestion): boolean {
    return question.status === QuestionStatus.New || question.status === QuestionStatus.Drafted;
  }

  protected changed(event: QuestionAnswered): void {
    this.kept.update((ids) => new Set([...ids, event.question.id]));
    this.message.set(event.message);
    this.reload();
    if (event.message) {
      // The form has gone; the question's own heading keeps the buyer's place.
      afterNextRender(() => document.getElementById(`question-${event.question.id}-heading`)?.focus(), { injector: this.injector });
    }
  }

  /** Refreshes in place: the list stays on screen (and keyboard focus in it) while the new counts arrive. */
  private reload(): void {
    this.api.queue(this.id()).subscribe({
      next: (queue) => this.queue.load(of(queue)),
      error: (error: unknown) => this.message.set(`We could not refresh the questions. ${toAppError(error).message}`),
    });
  }

  protected retry(): void {
    this.queue.load(this.api.queue(this.id()));
  }
}
