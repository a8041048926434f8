import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PublishedTenderSummary } from '@openbrief/contracts';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { TenderValuePipe } from '../../../shared/pipes/tender-value.pipe';

@Component({
  selector: 'ob-opportunity-card',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, UkDatePipe, TenderValuePipe],
  templateUrl: './opportunity-card.component.html',
  styleUrl: './opportunity-card.component.scss',
})
export class OpportunityCard {
  readonly tender = input.required<PublishedTenderSummary>();
}
