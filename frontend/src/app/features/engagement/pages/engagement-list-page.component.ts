import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { EngagementNotice } from '@openbrief/contracts';
import { AppError, toAppError } from '../../../core/http/app-error';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { EngagementApi } from '../data-access/engagement.api';
import { eventWhen } from '../data-access/engagement-text';

/** Engagements taking feedback now, newest first, a page at a time ("Show more" keeps what is already listed). */
@Component({
  selector: 'ob-engagement-list-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, UkDatePipe, Loading, Notice],
  template: `
    <div class="container page">
      <h1>Market engagement</h1>
      <p class="lead narrow">
        Before they write a tender, buyers publish their draft outcomes here to learn from suppliers. Read them without an account; sign in
        as a supplier to comment on an outcome, propose a better one, or register for an engagement event.
      </p>
      @if (error(); as e) {
        <ob-notice tone="warning" heading="We could not load the engagements">
          <p>{{ e.message }}</p>
          <button type="button" class="text-button" (click)="more(true)">Try again</button>
        </ob-notice>
      } @else if (loaded()) {
        @if (items().length) {
          <p role="status">{{ countText() }}</p>
          <ul class="engl">
            @for (n of items(); track n.id) {
              <li class="engl__item">
                <h2 class="engl__title">
                  <a [routerLink]="['/engagements', n.id]">{{ n.title }}</a>
                </h2>
                <p class="engl__buyer">{{ n.buyerName }}</p>
                <p class="engl__summary">{{ n.summary }}</p>
                <dl class="engl__facts">
                  <div>
                    <dt>Feedback closes</dt>
                    <dd>{{ n.feedbackCloses | ukDate }}</dd>
                  </div>
                  <div>
                    <dt>Outcomes</dt>
                    <dd>{{ n.outcomes.length }}</dd>
                  </div>
                  @if (n.event; as event) {
                    <div>
                      <dt>Event</dt>
                      <dd>{{ whenOf(n) }}</dd>
                    </div>
                  }
                </dl>
              </li>
            }
          </ul>
          @if (nextCursor()) {
            <button type="button" class="ef-more" [attr.aria-disabled]="busy() ? 'true' : null" (click)="more()">
              {{ busy() ? 'Loading…' : 'Show more engagements' }}
            </button>
          }
        } @else {
          <ob-notice tone="empty" heading="No engagements are open just now">
            <p>
              When a buyer publishes draft outcomes for feedback, they appear here. <a routerLink="/opportunities">Find open tenders</a>.
            </p>
          </ob-notice>
        }
      } @else {
        <ob-loading label="Loading the engagements…" />
      }
    </div>
  `,
  styles: `
    .engl {
      margin: 1rem 0 2rem;
      padding: 0;
      list-style: none;
      max-width: 46rem;
    }
    .engl__item {
      padding: 1.25rem 0;
      border-top: 1px solid var(--ob-border);
    }
    .engl__title {
      margin: 0 0 0.25rem;
      font-size: 1.375rem;
      overflow-wrap: anywhere;
    }
    .engl__buyer {
      margin: 0 0 0.5rem;
      color: var(--ob-text-secondary);
    }
    .engl__summary {
      overflow-wrap: anywhere;
    }
    .engl__facts {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 2rem;
      margin: 0;
      dt {
        font-weight: 700;
      }
      dd {
        margin: 0;
      }
    }
    .ef-more {
      min-height: 2.75rem;
      padding: 0.375rem 1rem;
      border: 2px solid #1d4f91;
      border-radius: 6px;
      background: #fff;
      color: #1d4f91;
      font: inherit;
      font-weight: 700;
      cursor: pointer;
    }
  `,
})
export class EngagementListPage {
  private readonly api = inject(EngagementApi);

  protected readonly items = signal<EngagementNotice[]>([]);
  protected readonly total = signal(0);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loaded = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal<AppError | null>(null);
  protected readonly countText = computed(() => {
    const total = this.total();
    const shown = this.items().length;
    const open = `${total} ${total === 1 ? 'engagement is' : 'engagements are'} open for feedback`;
    return shown < total ? `${open}. Showing the newest ${shown}.` : `${open}.`;
  });

  constructor() {
    this.more(true);
  }

  protected whenOf(notice: EngagementNotice): string {
    return notice.event ? eventWhen(notice.event) : '';
  }

  protected more(first = false): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.openList(first ? null : this.nextCursor()).subscribe({
      next: (page) => {
        this.busy.set(false);
        this.items.update((list) => (first ? page.items : [...list, ...page.items]));
        this.total.set(page.total);
        this.nextCursor.set(page.nextCursor);
        this.loaded.set(true);
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        this.error.set(toAppError(failure));
      },
    });
  }
}
