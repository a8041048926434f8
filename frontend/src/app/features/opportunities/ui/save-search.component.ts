import { HttpClient } from '@angular/common/http';
import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, DestroyRef, computed, effect, inject, input, signal } from '@angular/core';
import { type CreateSavedSearchRequest, Role, SAVED_SEARCH_NAME_MAX, type SavedSearchWithFeed } from '@openbrief/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { toAppError } from '../../../core/http/app-error';
import { type SearchChoices, searchParams } from '../data-access/tender-search';

const FEED = '/api/v1/public/tenders.atom';

/** The search's feed address: its words and filters (the feed is always newest first). */
export function feedUrl(search: SearchChoices): string {
  const { sort: _sort, ...filters } = searchParams(search);
  const query = new URLSearchParams(filters).toString();
  return query ? `${FEED}?${query}` : FEED;
}

/**
 * Under the list: a link to the search's Atom feed (also announced to browsers and feed readers with a
 * rel="alternate" link in the head) and, for a signed-in supplier, "Save this search" with e-mail alerts.
 */
@Component({
  selector: 'ob-save-search',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="save" aria-labelledby="save-search-heading">
      <h2 id="save-search-heading" class="save__heading">Keep up with this search</h2>
      @if (isSupplier()) {
        <form class="save__form" novalidate (submit)="save($event)">
          <div class="save__group" [class.save__group--error]="error()">
            <label class="save__label" for="save-search-name">Name for this search</label>
            <p class="save__hint" id="save-search-name-hint">We will e-mail you when a new tender matches it.</p>
            @if (error()) {
              <p class="save__error" id="save-search-name-error"><span class="visually-hidden">Error:</span> {{ error() }}</p>
            }
            <input
              id="save-search-name"
              class="save__input"
              type="text"
              autocomplete="off"
              [maxLength]="nameMax"
              [value]="name()"
              [attr.aria-describedby]="'save-search-name-hint' + (error() ? ' save-search-name-error' : '')"
              [attr.aria-invalid]="error() ? 'true' : null"
              (input)="name.set($any($event.target).value)"
            />
          </div>
          <button type="submit" class="button-link" [attr.aria-disabled]="busy() ? 'true' : null">
            {{ busy() ? 'Saving…' : 'Save this search' }}
          </button>
        </form>
        @if (saved()) {
          <p class="save__done" role="status">Search saved. We will e-mail you when a new tender matches “{{ saved() }}”.</p>
        }
      }
      <p class="save__feed"><a [href]="feed()" type="application/atom+xml">Follow this search in a feed reader (Atom feed)</a></p>
    </section>
  `,
  styles: `
    :host {
      display: block;
      margin-top: 2rem;
    }
    .save__heading {
      font-size: 1.25rem;
    }
    .save__label {
      display: block;
      font-weight: 700;
    }
    .save__hint {
      margin: 0.25rem 0 0.5rem;
      color: var(--ob-text-secondary);
    }
    .save__input {
      width: 100%;
      max-width: 30rem;
      min-height: 2.75rem;
      margin-bottom: 1rem;
    }
    .save__group--error {
      padding-left: 0.875rem;
      border-left: 5px solid var(--ob-error);
    }
    .save__error {
      margin: 0 0 0.5rem;
      color: var(--ob-error);
      font-weight: 700;
    }
  `,
})
export class SaveSearch {
  readonly search = input.required<SearchChoices>();

  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthService);
  private readonly document = inject(DOCUMENT);
  protected readonly nameMax = SAVED_SEARCH_NAME_MAX;
  protected readonly isSupplier = computed(() => this.auth.role() === Role.Supplier);
  protected readonly feed = computed(() => feedUrl(this.search()));
  protected readonly name = signal('');
  protected readonly error = signal('');
  protected readonly busy = signal(false);
  /** The name of the search just saved, for the confirmation. */
  protected readonly saved = signal('');

  constructor() {
    const link = this.document.createElement('link');
    link.rel = 'alternate';
    link.type = 'application/atom+xml';
    link.title = 'Tenders matching this search';
    this.document.head.appendChild(link);
    inject(DestroyRef).onDestroy(() => link.remove());
    effect(() => {
      link.href = this.feed();
      this.saved.set('');
      this.name.set(this.search().q ?? '');
    });
  }

  protected save(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const name = this.name().trim();
    if (!name) return this.error.set('Enter a name for this search');
    this.busy.set(true);
    this.error.set('');
    const { sort: _sort, ...query } = this.search();
    const request: CreateSavedSearchRequest = { name, query };
    this.http.post<SavedSearchWithFeed>('/api/v1/saved-searches', request).subscribe({
      next: (made) => {
        this.busy.set(false);
        this.saved.set(made.name);
      },
      error: (failure: unknown) => {
        this.busy.set(false);
        this.error.set(toAppError(failure).message);
      },
    });
  }
}
