import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import type { PublishedClarification } from '@openbrief/contracts';
import { createLoader } from '../../../shared/data/load-state';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { Loading } from '../../../shared/ui/loading.component';
import { PublicTendersApi } from '../data-access/public-tenders.api';

/** The answers the buyer has published to everyone, numbered, with the Q&A annex PDF. Nobody's name is shown. */
@Component({
  selector: 'ob-published-clarifications',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UkDatePipe, Loading],
  template: `
    @let state = loader.state();
    @switch (state.status) {
      @case ('loading') {
        <ob-loading label="Loading questions and answers…" />
      }
      @case ('error') {
        <p>We could not load the published answers. {{ state.error.message }}</p>
        <button type="button" class="text-button" (click)="reload()">Try again</button>
      }
      @case ('ready') {
        @if (state.value.length === 0) {
          <p>No answers have been published yet. When the buyer answers a question, the answer appears here for everyone.</p>
        } @else {
          <ol class="qa" aria-label="Published answers">
            @for (item of state.value; track item.id) {
              <li class="qa__item">
                <h3 class="qa__heading" [id]="'qa-' + item.id">Question {{ item.number }}</h3>
                <p class="qa__question">{{ item.question }}</p>
                <p class="qa__label">Answer</p>
                <p class="qa__answer">{{ item.answer }}</p>
                <p class="qa__when">Published {{ item.publishedAt | ukDate }}</p>
              </li>
            }
          </ol>
          <p>
            <a [href]="pdfUrl()" download
              >Download the questions and answers (PDF)<span class="visually-hidden">, part of the tender pack</span></a
            >
          </p>
        }
      }
    }
  `,
  styles: `
    .qa {
      margin: 0 0 1.5rem;
      padding: 0;
      list-style: none;
    }

    .qa__item {
      padding: 1rem 0;
      border-bottom: 1px solid var(--ob-border);
    }

    .qa__heading {
      margin: 0 0 0.5rem;
      font-size: 1.125rem;
    }

    .qa__question,
    .qa__answer {
      white-space: pre-line;
      overflow-wrap: anywhere;
    }

    .qa__label {
      margin: 0.75rem 0 0.25rem;
      font-weight: 700;
    }

    .qa__when {
      margin: 0.5rem 0 0;
      color: var(--ob-text-secondary);
      font-size: 1rem;
    }
  `,
})
export class PublishedClarifications {
  readonly tenderId = input.required<string>();

  private readonly api = inject(PublicTendersApi);
  protected readonly loader = createLoader<PublishedClarification[]>();
  protected readonly pdfUrl = computed(() => this.api.clarificationsPdfUrl(this.tenderId()));

  constructor() {
    effect(() => {
      const id = this.tenderId();
      untracked(() => this.loader.load(this.api.clarifications(id)));
    });
  }

  protected reload(): void {
    this.loader.load(this.api.clarifications(this.tenderId()));
  }
}
