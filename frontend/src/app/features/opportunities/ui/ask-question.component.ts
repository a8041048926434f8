import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  computed,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { type OwnQuestion, QUESTION_LIMITS, questionWordCount } from '@openbrief/contracts';
import { toAppError } from '../../../core/http/app-error';
import { SupplierTenderApi } from '../data-access/supplier-tender.api';
import { wordsLeftMessage } from '../data-access/word-count';

/** How long typing must pause before the word count is read out: announcing every key press drowns the reader. */
const ANNOUNCE_AFTER_MS = 1000;

/**
 * The supplier's question box, with a live word count against the limit. The limit is checked here for a
 * quick answer and again by the server, whose refusal (for example questions having closed) is shown as sent.
 */
@Component({
  selector: 'ob-ask-question',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './ask-question.component.html',
  styleUrl: './ask-question.component.scss',
})
export class AskQuestion {
  readonly tenderId = input.required<string>();
  /** The server refused because questions have closed: the page replaces the form with a sentence. */
  readonly closed = output<string>();
  readonly asked = output<OwnQuestion>();

  private readonly api = inject(SupplierTenderApi);
  protected readonly limit = QUESTION_LIMITS.words;
  protected readonly maxChars = QUESTION_LIMITS.chars;
  protected readonly text = signal('');
  protected readonly words = computed(() => questionWordCount(this.text()));
  protected readonly over = computed(() => this.words() > this.limit);
  protected readonly countMessage = computed(() => wordsLeftMessage(this.words(), this.limit));
  protected readonly announcement = signal('');
  protected readonly error = signal('');
  protected readonly sent = signal(false);
  protected readonly busy = signal(false);

  private readonly box = viewChild.required<ElementRef<HTMLTextAreaElement>>('box');
  private announceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    inject(DestroyRef).onDestroy(() => clearTimeout(this.announceTimer));
  }

  protected typed(event: Event): void {
    this.text.set((event.target as HTMLTextAreaElement).value);
    this.sent.set(false);
    if (this.error() && this.text().trim() && !this.over()) this.error.set('');
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => this.announcement.set(this.countMessage()), ANNOUNCE_AFTER_MS);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const text = this.text().trim();
    if (!text) return this.refuse('Enter your question');
    if (this.over()) {
      return this.refuse(`Your question must be ${this.limit} words or fewer. It has ${this.words()} words.`);
    }
    if (text.length > this.maxChars) {
      return this.refuse(
        `Your question must be ${this.maxChars.toLocaleString('en-GB')} characters or fewer. Break up very long words or links.`,
      );
    }
    this.busy.set(true);
    this.error.set('');
    this.api.ask(this.tenderId(), { text }).subscribe({
      next: (question) => {
        this.busy.set(false);
        this.text.set('');
        this.box().nativeElement.value = '';
        this.announcement.set('');
        this.sent.set(true);
        this.asked.emit(question);
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        const appError = toAppError(failure);
        // 409: questions closed while the page was open. Nothing was saved; say so in the server's words.
        if (appError.status === 409) {
          this.closed.emit(appError.message);
          return;
        }
        const detail = appError.details.find((d) => d.field === 'text');
        this.refuse(detail?.message ?? appError.message);
      },
    });
  }

  private refuse(message: string): void {
    this.error.set(message);
    this.box().nativeElement.focus();
  }
}
