import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router } from '@angular/router';
import type { PublicTenderSort } from '@openbrief/contracts';
import { map } from 'rxjs';
import { type SearchChoices, sameSearch, searchFrom, searchParams } from '../data-access/tender-search';
import { OpportunityFilters } from '../ui/opportunity-filters.component';
import { OpportunityList } from '../ui/opportunity-list.component';
import { OpportunitySort } from '../ui/opportunity-sort.component';
import { SaveSearch } from '../ui/save-search.component';

/**
 * Search, filters and results. The URL holds every choice (the API's own parameter names), so a link
 * can be shared and Back and Forward step through earlier searches: the form and the list follow it.
 */
@Component({
  selector: 'ob-opportunities-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [OpportunityFilters, OpportunityList, OpportunitySort, SaveSearch],
  template: `
    <div class="container page">
      <h1>Opportunities</h1>
      <p class="lead narrow">
        Tenders that public bodies have published. Search them, or narrow the list with the filters, then select a tender to read what the
        buyer needs.
      </p>
      <div class="finder">
        <ob-opportunity-filters class="finder__form" [search]="search()" [error]="searchError()" (searched)="apply($event)" />
        <ob-opportunity-list class="finder__results" [search]="search()" (refused)="searchError.set($event)">
          <ob-opportunity-sort [search]="search()" (sorted)="sort($event)" />
        </ob-opportunity-list>
      </div>
      <ob-save-search [search]="search()" />
    </div>
  `,
  styles: `
    .finder {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 2rem;
      margin-top: 1.5rem;
    }

    .finder__results {
      display: block;
      min-width: 0;
    }

    @media (min-width: 48rem) {
      .finder {
        grid-template-columns: minmax(15rem, 1fr) minmax(0, 2fr);
        gap: 2.5rem;
        align-items: start;
      }
    }
  `,
})
export class OpportunitiesPage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly params = toSignal(this.route.queryParamMap.pipe(map(searchFrom)), {
    initialValue: searchFrom(this.route.snapshot.queryParamMap),
  });

  /** The search the URL holds; an equal one (the same link again) does not reload the list. */
  protected readonly search = computed(() => this.params(), { equal: sameSearch });
  protected readonly searchError = signal<string | null>(null);

  protected apply(search: SearchChoices): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: searchParams(search) });
  }

  protected sort(sort: PublicTenderSort): void {
    // searchFrom drops an order that is the default anyway, so the URL stays as short as it can be.
    const params: Record<string, string> = { ...searchParams(this.search()), sort };
    this.apply(searchFrom({ get: (name: string) => params[name] }));
  }
}
