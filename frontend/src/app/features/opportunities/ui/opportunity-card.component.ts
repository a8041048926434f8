import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ITL_REGIONS, PROCUREMENT_CATEGORY_LABELS, PUBLIC_TENDER_STATE_LABELS, PublishedTenderSummary } from '@openbrief/contracts';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { TenderValuePipe } from '../../../shared/pipes/tender-value.pipe';

const REGION_NAMES: ReadonlyMap<string, string> = new Map(ITL_REGIONS.map((r) => [r.code, r.name]));

/** Names of a tender's delivery regions; none means the work can be done anywhere in the UK. */
export function regionNames(codes: readonly string[] | undefined): string {
  if (!codes?.length) return 'Anywhere in the UK';
  return codes.map((code) => REGION_NAMES.get(code) ?? code).join(', ');
}

/** One tender in the public list: what it is, where, how much, until when, and whether small suppliers are welcome. */
@Component({
  selector: 'ob-opportunity-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, UkDatePipe, TenderValuePipe],
  templateUrl: './opportunity-card.component.html',
  styleUrl: './opportunity-card.component.scss',
})
export class OpportunityCard {
  readonly tender = input.required<PublishedTenderSummary>();

  protected readonly stateLabel = computed(() => PUBLIC_TENDER_STATE_LABELS[this.tender().state] ?? 'Published');
  protected readonly category = computed(() => PROCUREMENT_CATEGORY_LABELS[this.tender().mainCategory] ?? 'Not given');
  protected readonly regions = computed(() => regionNames(this.tender().regions));
}
