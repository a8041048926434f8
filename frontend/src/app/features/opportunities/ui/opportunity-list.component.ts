import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  OnInit,
  afterNextRender,
  inject,
  signal,
} from '@angular/core';
import { PublishedTenderPage, PublishedTenderSummary } from '@openbrief/contracts';
import { Subscription, tap } from 'rxjs';
import { toAppError } from '../../../core/http/app-error';
import { createLoader } from '../../../shared/data/load-state';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { PublicTendersApi } from '../data-access/public-tenders.api';
import { OpportunityCard } from './opportunity-card.component';

/**
 * Lists published tenders a page at a time, with loading, error and empty states. "Show more"
 * appends the next page, moves focus to its first tender and announces how many are shown.
 */
@Component({
  selector: 'ob-opportunity-list',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [OpportunityCard, Loading, Notice],
  template: `
    @let state = loader.state();
    <section aria-labelledby="opportunity-list-title">
      @switch (state.status) {
        @case ('loading') {
          <h2 id="opportunity-list-title">Open opportunities</h2>
          <ob-loading label="Loading open opportunities…" />
        }
        @case ('error') {
          <h2 id="opportunity-list-title">Open opportunities</h2>
          <ob-notice tone="warning" heading="We could not load opportunities">
            <p>{{ state.error.message }}</p>
            <button type="button" class="text-button" (click)="reload()">Try again</button>
          </ob-notice>
        }
        @case ('ready') {
          <h2 id="opportunity-list-title">{{ countLabel(total()) }}</h2>
          @if (tenders().length === 0) {
            <ob-notice tone="empty" heading="There are no open opportunities right now">
              <p>New tenders appear here as soon as a buyer publishes them. Check back soon.</p>
            </ob-notice>
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
    .opportunity-list {
      display: grid;
      gap: 1.25rem;
      margin: 0;
      padding: 0;
      list-style: none;
    }
  `,
})
export class OpportunityList implements OnInit {
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
  private more?: Subscription;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.more?.unsubscribe());
  }

  ngOnInit(): void {
    this.reload();
  }

  protected reload(): void {
    this.more?.unsubscribe();
    this.loadingMore.set(false);
    this.moreError.set(null);
    // The first page starts the list afresh; showMore() appends the later ones.
    this.loader.load(
      this.api.list().pipe(
        tap((page) => {
          this.tenders.set([]);
          this.append(page);
        }),
      ),
    );
  }

  protected showMore(): void {
    const cursor = this.nextCursor();
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.moreError.set(null);
    this.more = this.api.list(cursor).subscribe({
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

  protected countLabel(total: number): string {
    if (total === 0) return 'Open opportunities';
    return total === 1 ? '1 open opportunity' : `${total} open opportunities`;
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
