import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { PublishedTenderPage, PublishedTenderSummary } from '@openbrief/contracts';
import { Subscription, tap } from 'rxjs';
import { toAppError } from '../../../core/http/app-error';
import { createLoader } from '../../../shared/data/load-state';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { PublicTendersApi } from '../data-access/public-tenders.api';
import { type SearchChoices, countLabel, isNarrowed, searchProblem } from '../data-access/tender-search';
import { OpportunityCard } from './opportunity-card.component';

/**
 * Lists the published tenders that match a search a page at a time, with loading, error and empty states.
 * A new search replaces the list and announces how many match; "Show more" appends the next page, moves
 * focus to its first tender and announces how many are shown. Content (the sort control) goes under the count.
 */
@Component({
  selector: 'ob-opportunity-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [OpportunityCard, Loading, Notice],
  template: `
    @let state = loader.state();
    <section aria-labelledby="opportunity-list-title">
      <div class="list-head">
        <h2 id="opportunity-list-title" class="list-head__count">{{ heading() }}</h2>
        <ng-content />
      </div>
      @switch (state.status) {
        @case ('loading') {
          <ob-loading label="Loading opportunities…" />
        }
        @case ('error') {
          @if (state.error.status === 400) {
            <p>There is a problem with your search. Change it and try again.</p>
          } @else {
            <ob-notice tone="warning" heading="We could not load opportunities">
              <p>{{ state.error.message }}</p>
              <button type="button" class="text-button" (click)="reload()">Try again</button>
            </ob-notice>
          }
        }
        @case ('ready') {
          @if (tenders().length === 0) {
            @if (narrowed()) {
              <ob-notice tone="empty" heading="No opportunities match your search">
                <p>Try fewer or different words, or clear some of the filters.</p>
              </ob-notice>
            } @else {
              <ob-notice tone="empty" heading="There are no opportunities right now">
                <p>New tenders appear here as soon as a buyer publishes them. Check back soon.</p>
              </ob-notice>
            }
          } @else {
            <ul class="opportunity-list">
              @for (tender of tenders(); track tender.id) {
                <li><ob-opportunity-card [tender]="tender" /></li>
              }
            </ul>
            @if (moreError(); as message) {
              <ob-notice tone="warning" heading="We could not load more opportunities">
                <p>{{ message }}</p>
              </ob-notice>
            }
            @if (nextCursor()) {
              <div class="button-row">
                <button type="button" class="button-link button-link--secondary" [disabled]="loadingMore()" (click)="showMore()">
                  {{ loadingMore() ? 'Loading more opportunities…' : 'Show more opportunities' }}
                </button>
              </div>
            }
          }
        }
      }
      <p class="visually-hidden" aria-live="polite">{{ announcement() }}</p>
    </section>
  `,
  styles: `
    .list-head {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-end;
      justify-content: space-between;
      gap: 0.75rem 1.5rem;
      margin-bottom: 1.25rem;
    }

    .list-head__count {
      margin: 0;
    }

    .opportunity-list {
      display: grid;
      gap: 1.25rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
  `,
})
export class OpportunityList {
  /** What to list; empty: every public tender, newest first. A new value starts the list afresh. */
  readonly search = input<SearchChoices>({});
  /** The server's reason when it refuses the search (400), for the search box to show; null once a search succeeds. */
  readonly refused = output<string | null>();

  private readonly api = inject(PublicTendersApi);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  protected readonly loader = createLoader<PublishedTenderPage>();
  protected readonly tenders = signal<readonly PublishedTenderSummary[]>([]);
  protected readonly total = signal(0);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loadingMore = signal(false);
  protected readonly moreError = signal<string | null>(null);
  protected readonly announcement = signal('');
  protected readonly narrowed = computed(() => isNarrowed(this.search()));
  protected readonly heading = computed(() => (this.loader.state().status === 'ready' ? countLabel(this.total()) : 'Opportunities'));
  private more?: Subscription;
  /** The first list of a visit is not announced: the page has just been read out. Later searches are. */
  private searched = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.more?.unsubscribe());
    effect(() => {
      this.search();
      untracked(() => this.reload());
    });
  }

  protected reload(): void {
    const search = this.search();
    const announce = this.searched;
    this.searched = true;
    this.more?.unsubscribe();
    this.loadingMore.set(false);
    this.moreError.set(null);
    // The first page starts the list afresh; showMore() appends the later ones.
    this.loader.load(
      this.api.list(search).pipe(
        tap({
          next: (page) => {
            this.tenders.set([]);
            this.append(page);
            this.refused.emit(null);
            if (announce) this.announcement.set(countLabel(page.total));
          },
          error: (error: unknown) => {
            const problem = toAppError(error);
            if (problem.status !== 400) return;
            const reason = searchProblem(problem);
            this.refused.emit(reason);
            this.announcement.set(`There is a problem with your search: ${reason}`);
          },
        }),
      ),
    );
  }

  protected showMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.moreError.set(null);
    this.more = this.api.list(this.search(), cursor).subscribe({
      next: (page) => {
        const firstNew = this.tenders().length;
        this.append(page);
        this.loadingMore.set(false);
        const shown = this.tenders().length;
        this.announcement.set(`${page.items.length} more loaded. Showing ${shown} of ${page.total} opportunities.`);
        afterNextRender(() => this.focusTender(firstNew), { injector: this.injector });
      },
      error: (error: unknown) => {
        this.loadingMore.set(false);
        this.moreError.set(toAppError(error).message);
      },
    });
  }

  private append(page: PublishedTenderPage): void {
    // A tender republished while someone reads can come round again: show it once.
    const seen = new Set(this.tenders().map((t) => t.id));
    this.tenders.update((list) => [...list, ...page.items.filter((t) => !seen.has(t.id))]);
    this.total.set(page.total);
    this.nextCursor.set(page.nextCursor);
  }

  /** The link of the nth tender in the list: keyboard and screen-reader users carry on from there. */
  private focusTender(index: number): void {
    const link = this.host.nativeElement.querySelectorAll<HTMLElement>('.opportunity-list > li')[index]?.querySelector<HTMLElement>('h3 a');
    link?.focus();
  }
}
