import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { QuestionStatus } from '@openbrief/contracts';
import { Subscription } from 'rxjs';
import { newQuestionsLabel } from './question-filters';
import { QuestionsApi } from './questions.api';

/** " (2 new)" after "Questions" in the tender's tabs. Refreshed when the window regains focus. */
@Component({
  selector: 'ob-questions-link-count',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:focus)': 'refresh()' },
  styles: `
    :host {
      font-weight: 400;
    }
  `,
  template: `
    @if (label(); as text) {
      ({{ text }})
    }
  `,
})
export class QuestionsLinkCount {
  readonly tenderId = input.required<string>();

  private readonly api = inject(QuestionsApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly label = signal('');
  private request?: Subscription;

  constructor() {
    effect(() => {
      this.tenderId();
      untracked(() => this.refresh());
    });
  }

  protected refresh(): void {
    this.request?.unsubscribe();
    this.request = this.api
      .queue(this.tenderId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      // A count is a hint: if it cannot be read, the link still works and says nothing.
      .subscribe({
        next: (queue) => this.label.set(newQuestionsLabel(queue.counts[QuestionStatus.New] ?? 0)),
        error: () => this.label.set(''),
      });
  }
}
