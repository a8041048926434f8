import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type CommentThreadInContext, CommentThreadStatus } from '@openbrief/contracts';
import { createLoader } from '../../../shared/data/load-state';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { MentionsApi } from '../data-access/mentions.api';

/** "Comments mentioning you": where an evaluator finds the questions a buyer asked them, and opens each thread. */
@Component({
  selector: 'ob-mentioned-threads',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, UkDatePipe, Loading, Notice],
  template: `
    @let state = threads.state();
    <section class="mentions" aria-labelledby="mentions-title">
      <h2 id="mentions-title">Comments mentioning you</h2>
      @switch (state.status) {
        @case ('loading') {
          <ob-loading label="Loading the comments that mention you…" />
        }
        @case ('error') {
          <ob-notice tone="warning" heading="We could not load the comments that mention you">
            <p>{{ state.error.message }}</p>
            <button type="button" class="text-button" (click)="load()">Try again</button>
          </ob-notice>
        }
        @case ('ready') {
          @if (state.value.length === 0) {
            <p>
              No one has mentioned you in a comment yet. When a buyer asks you something about one of their tenders, it will appear here.
            </p>
          } @else {
            <ul class="mentions__list">
              @for (item of state.value; track item.thread.id) {
                <li class="mentions__item">
                  <a [routerLink]="['/tenders', item.tender.id, 'comments', item.thread.id]"
                    >{{ item.tender.title }} ({{ item.tender.reference }}): {{ about(item) }}</a
                  >
                  <p class="mentions__meta">
                    <strong class="tag" [class.tag--in_review]="open(item)" [class.tag--published]="!open(item)">{{
                      open(item) ? 'Open' : 'Resolved'
                    }}</strong>
                    {{ lastComment(item) }}
                    <time [attr.datetime]="item.thread.lastActivityAt">{{ item.thread.lastActivityAt | ukDate }}</time>
                  </p>
                </li>
              }
            </ul>
          }
        }
      }
    </section>
  `,
  styles: `
    .mentions__list {
      padding: 0;
      list-style: none;
    }
    .mentions__item {
      padding: 0.75rem 0;
      border-bottom: 1px solid var(--ob-border);
    }
    .mentions__meta {
      margin: 0.25rem 0 0;
      color: var(--ob-text-secondary);
      font-size: 1rem;
    }
  `,
})
export class MentionedThreads {
  private readonly api = inject(MentionsApi);
  protected readonly threads = createLoader<CommentThreadInContext[]>();

  constructor() {
    this.load();
  }

  protected load(): void {
    this.threads.load(this.api.mentioningMe());
  }

  protected open(item: CommentThreadInContext): boolean {
    return item.thread.status === CommentThreadStatus.Open;
  }

  protected about(item: CommentThreadInContext): string {
    const a = item.thread.anchor;
    return a.requirementNumber
      ? `requirement ${a.requirementNumber}`
      : a.requirementDeleted
        ? 'a deleted requirement'
        : 'the tender as a whole';
  }

  /** Who spoke last, and the start of what they said. */
  protected lastComment(item: CommentThreadInContext): string {
    const last = [...item.thread.entries].reverse().find((e) => e.kind === 'comment');
    if (!last) return '';
    const words = last.body.length > 80 ? `${last.body.slice(0, 80).replace(/\s+\S*$/, '')}…` : last.body;
    return `${last.author.name}: “${words}”`;
  }
}
