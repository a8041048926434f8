import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { type QueuedQuestion } from '@openbrief/contracts';
import { toAppError } from '../../../core/http/app-error';
import { QuestionsApi } from './questions.api';

/** What happened to a question, for the queue to reload and say so. */
export interface QuestionAnswered {
  question: QueuedQuestion;
  message: string;
}

/**
 * The buyer's answer to one question: saved as a draft (with the revision it was read at, so two colleagues
 * never overwrite each other's draft), then published to everyone with the asker anonymised, or, only for a
 * commercially sensitive question, answered privately with a recorded reason.
 */
@Component({
  selector: 'ob-question-answer-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './question-answer-form.component.html',
  styleUrl: './question-answer-form.component.scss',
})
export class QuestionAnswerForm {
  readonly tenderId = input.required<string>();
  readonly question = input.required<QueuedQuestion>();
  /** The question changed on the server (draft saved by someone else, or answered): reload the queue. */
  readonly changed = output<QuestionAnswered>();

  private readonly api = inject(QuestionsApi);

  /** null until the buyer types: the saved draft shows until then. */
  private readonly typedAnswer = signal<string | null>(null);
  protected readonly answer = computed(() => this.typedAnswer() ?? this.question().draftAnswer);
  protected readonly visibility = signal<'public' | 'private'>('public');
  protected readonly reason = signal('');
  protected readonly answerError = signal('');
  protected readonly reasonError = signal('');
  protected readonly failure = signal('');
  protected readonly conflict = signal(false);
  protected readonly saved = signal('');
  protected readonly busy = signal<'draft' | 'answer' | null>(null);
  protected readonly dirty = computed(() => this.typedAnswer() !== null && this.typedAnswer() !== this.question().draftAnswer);

  protected typed(event: Event): void {
    this.typedAnswer.set((event.target as HTMLTextAreaElement).value);
    this.saved.set('');
    if (this.answerError() && this.answer().trim()) this.answerError.set('');
  }

  protected typedReason(event: Event): void {
    this.reason.set((event.target as HTMLTextAreaElement).value);
    if (this.reasonError() && this.reason().trim()) this.reasonError.set('');
  }

  protected saveDraft(): void {
    if (this.busy()) return;
    const q = this.question();
    this.reset();
    this.busy.set('draft');
    this.api.saveDraft(this.tenderId(), q.id, q.revision, { draftAnswer: this.answer() }).subscribe({
      next: (question) => {
        this.busy.set(null);
        this.typedAnswer.set(null);
        this.saved.set('Draft saved. Only your buying team can see it.');
        this.changed.emit({ question, message: '' });
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    this.reset();
    const answer = this.answer().trim();
    const reason = this.reason().trim();
    const isPrivate = this.visibility() === 'private';
    if (!answer) this.answerError.set('Enter your answer');
    if (isPrivate && !reason) this.reasonError.set('Say why this question is commercially sensitive');
    if (this.answerError() || this.reasonError()) {
      document.getElementById(this.fieldId(this.answerError() ? 'answer' : 'reason'))?.focus();
      return;
    }
    this.busy.set('answer');
    const request = isPrivate
      ? { answer, visibility: 'private' as const, privateReason: reason }
      : { answer, visibility: 'public' as const };
    this.api.answer(this.tenderId(), this.question().id, request).subscribe({
      next: (question) => {
        this.busy.set(null);
        const message = isPrivate
          ? 'Answer sent privately to the supplier who asked. It is listed under "Answered privately".'
          : 'Answer published to everyone on the tender page, without the asker’s name. It is listed under "Published".';
        this.changed.emit({ question, message });
      },
      error: (error: unknown) => this.failed(error),
    });
  }

  protected fieldId(part: 'answer' | 'reason' | 'visibility'): string {
    return `question-${this.question().id}-${part}`;
  }

  private failed(error: unknown): void {
    this.busy.set(null);
    const appError = toAppError(error);
    // A stale revision or a question answered meanwhile: the buyer's text stays in the box to copy.
    if (appError.status === 409 || appError.status === 412) {
      this.conflict.set(true);
      this.failure.set(appError.message);
      return;
    }
    for (const detail of appError.details) {
      if (detail.field === 'privateReason') this.reasonError.set(detail.message);
      else if (detail.field === 'answer' || detail.field === 'draftAnswer') this.answerError.set(detail.message);
    }
    if (!this.answerError() && !this.reasonError()) this.failure.set(appError.message);
  }

  /** Loads the colleague's version; this buyer's text is dropped only now, after they chose to. */
  protected loadLatest(): void {
    this.reset();
    this.typedAnswer.set(null);
    this.changed.emit({ question: this.question(), message: '' });
  }

  private reset(): void {
    this.answerError.set('');
    this.reasonError.set('');
    this.failure.set('');
    this.conflict.set(false);
    this.saved.set('');
  }
}
