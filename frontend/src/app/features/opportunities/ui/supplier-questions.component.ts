import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import type { OwnQuestion } from '@openbrief/contracts';
import { createLoader } from '../../../shared/data/load-state';
import { UkDatePipe, formatUkDate } from '../../../shared/pipes/uk-date.pipe';
import { Loading } from '../../../shared/ui/loading.component';
import { SupplierTenderApi } from '../data-access/supplier-tender.api';
import { hasPassed, ownQuestionStatusText } from '../data-access/supplier-view';
import { AskQuestion } from './ask-question.component';

/**
 * A signed-in supplier's side of questions and answers: the question box (or, once questions have closed,
 * a plain sentence instead) and the organisation's own questions, including answers given to it privately.
 */
@Component({
  selector: 'ob-supplier-questions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AskQuestion, Loading, UkDatePipe],
  template: `
    @if (closedText(); as sentence) {
      <p class="closed">
        <strong>{{ sentence }}</strong>
      </p>
    } @else {
      <ob-ask-question [tenderId]="tenderId()" (asked)="added($event)" (closed)="refusedAsClosed.set($event)" />
    }

    <h3 class="own__heading" id="own-questions-heading">Your questions</h3>
    @let state = loader.state();
    @switch (state.status) {
      @case ('loading') {
        <ob-loading label="Loading your questions…" />
      }
      @case ('error') {
        <p>We could not load your questions. {{ state.error.message }}</p>
        <button type="button" class="text-button" (click)="reload()">Try again</button>
      }
      @case ('ready') {
        @if (questions().length === 0) {
          <p>Your organisation has not asked a question about this tender.</p>
        } @else {
          <ul class="own" aria-labelledby="own-questions-heading">
            @for (q of questions(); track q.id) {
              <li class="own__item">
                <p class="own__meta">
                  Asked {{ q.askedAt | ukDate }} · <strong>{{ statusText(q) }}</strong>
                </p>
                <p class="own__text">{{ q.text }}</p>
                @if (q.answer) {
                  <p class="own__label">Answer{{ q.answeredAt ? ', ' + (q.answeredAt | ukDate) : '' }}</p>
                  <p class="own__text">{{ q.answer }}</p>
                }
              </li>
            }
          </ul>
        }
      }
    }
  `,
  styles: `
    .closed {
      padding: 1rem 1.25rem;
      border-left: 6px solid #b35c00;
      background: #fff4e5;
    }

    .own__heading {
      margin-top: 2rem;
      font-size: 1.25rem;
    }

    .own {
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .own__item {
      padding: 1rem 0;
      border-bottom: 1px solid var(--ob-border);
    }

    .own__meta {
      margin: 0 0 0.5rem;
      color: var(--ob-text-secondary);
      font-size: 1rem;
    }

    .own__label {
      margin: 0.75rem 0 0.25rem;
      font-weight: 700;
    }

    .own__text {
      margin: 0;
      white-space: pre-line;
      overflow-wrap: anywhere;
    }
  `,
})
export class SupplierQuestions {
  readonly tenderId = input.required<string>();
  readonly clarificationDeadline = input<string | null>(null);

  private readonly api = inject(SupplierTenderApi);
  protected readonly loader = createLoader<OwnQuestion[]>();
  private readonly asked = signal<readonly OwnQuestion[]>([]);
  protected readonly refusedAsClosed = signal<string | null>(null);

  /** Newest first: the one just asked is at the top, where the confirmation points. */
  protected readonly questions = computed(() => {
    const state = this.loader.state();
    const loaded = state.status === 'ready' ? state.value : [];
    const all = [...this.asked().filter((q) => !loaded.some((l) => l.id === q.id)), ...loaded];
    return all.sort((a, b) => b.askedAt.localeCompare(a.askedAt));
  });

  /** The sentence that replaces the form once questions have closed, by the page's clock or the server's word. */
  protected readonly closedText = computed(() => {
    const refused = this.refusedAsClosed();
    if (refused) return refused;
    const deadline = this.clarificationDeadline();
    if (deadline && hasPassed(deadline)) {
      return `Questions closed at ${formatUkDate(deadline)} (UK time). You can no longer ask a question about this tender.`;
    }
    return null;
  });

  constructor() {
    effect(() => {
      const id = this.tenderId();
      untracked(() => this.loader.load(this.api.ownQuestions(id)));
    });
  }

  protected statusText(question: OwnQuestion): string {
    return ownQuestionStatusText(question);
  }

  protected added(question: OwnQuestion): void {
    this.asked.update((list) => [question, ...list]);
  }

  protected reload(): void {
    this.asked.set([]);
    this.loader.load(this.api.ownQuestions(this.tenderId()));
  }
}
