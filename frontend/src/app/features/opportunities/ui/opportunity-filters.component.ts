import { ChangeDetectionStrategy, Component, computed, input, linkedSignal, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import {
  ITL_REGIONS,
  PROCUREMENT_CATEGORY_LABELS,
  PUBLIC_TENDER_STATE_LABELS,
  VALUE_BANDS,
  type ProcurementCategory,
} from '@openbrief/contracts';
import { type SearchChoices, type SearchParam, filterCount, searchFrom, searchParams, withoutFilters } from '../data-access/tender-search';

type Draft = Partial<Record<SearchParam, string>>;

/**
 * The search box and the filters, GOV.UK style: labelled native controls in one form, applied together
 * with "Search" or "Apply filters". On small screens the filters fold away behind "Show filters". The
 * form shows the search the page's URL holds, and goes back to it when the URL changes (Back, Forward).
 */
@Component({
  selector: 'ob-opportunity-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  templateUrl: './opportunity-filters.component.html',
  styleUrl: './opportunity-filters.component.scss',
})
export class OpportunityFilters {
  /** The search the list shows now (from the URL). */
  readonly search = input.required<SearchChoices>();
  /** Why the server refused the search, shown under the search box. */
  readonly error = input<string | null>(null);
  readonly searched = output<SearchChoices>();

  protected readonly categories = Object.entries(PROCUREMENT_CATEGORY_LABELS) as [ProcurementCategory, string][];
  protected readonly regions = ITL_REGIONS;
  protected readonly bands = VALUE_BANDS;
  protected readonly states = Object.entries(PUBLIC_TENDER_STATE_LABELS);

  /** What the controls hold: the applied search until someone changes a control. */
  protected readonly draft = linkedSignal<Draft>(() => searchParams(this.search()));
  protected readonly open = signal(false);
  protected readonly chosen = computed(() => filterCount(this.search()));
  protected readonly clearParams = computed(() => searchParams(withoutFilters(this.search())));

  protected typed(name: SearchParam, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
    this.draft.update((d) => ({ ...d, [name]: value }));
  }

  protected ticked(name: SearchParam, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.draft.update((d) => ({ ...d, [name]: checked ? 'true' : '' }));
  }

  protected toggle(): void {
    this.open.update((open) => !open);
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const draft = this.draft();
    this.searched.emit(searchFrom({ get: (name: string) => draft[name as SearchParam] }));
  }
}
