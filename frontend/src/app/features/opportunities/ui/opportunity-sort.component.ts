import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { PUBLIC_TENDER_SORTS, type PublicTenderSort } from '@openbrief/contracts';
import { type SearchChoices, effectiveSort } from '../data-access/tender-search';

const ORDERS = Object.entries(PUBLIC_TENDER_SORTS) as [PublicTenderSort, string][];

/** The list's order. It applies as soon as it changes: it reorders the results and moves nothing else. */
@Component({
  selector: 'ob-opportunity-sort',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <label class="sort__label" for="opportunity-sort">Sort by</label>
    <select id="opportunity-sort" class="sort__select" name="sort" (change)="changed($event)">
      @for (order of orders(); track order[0]) {
        <option [value]="order[0]" [selected]="order[0] === current()">{{ order[1] }}</option>
      }
    </select>
  `,
  styles: `
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
    }

    .sort__label {
      font-weight: 700;
    }

    .sort__select {
      min-height: 2.5rem;
      padding: 0.25rem 0.5rem;
      border: 2px solid var(--ob-text);
      border-radius: 0;
      background: #fff;
      font: inherit;
    }
  `,
})
export class OpportunitySort {
  readonly search = input.required<SearchChoices>();
  readonly sorted = output<PublicTenderSort>();

  protected readonly current = computed(() => effectiveSort(this.search()));
  /** "Best match" means nothing without words to match, so it is offered only with them. */
  protected readonly orders = computed(() => ORDERS.filter(([sort]) => sort !== 'relevance' || this.search().q !== undefined));

  protected changed(event: Event): void {
    this.sorted.emit((event.target as HTMLSelectElement).value as PublicTenderSort);
  }
}
