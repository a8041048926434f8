import { ChangeDetectionStrategy, Component } from '@angular/core';
import { OpportunityList } from '../ui/opportunity-list.component';

@Component({
  selector: 'ob-opportunities-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [OpportunityList],
  template: `
    <div class="container page">
      <h1>Opportunities</h1>
      <p class="lead narrow">
        Tenders that public bodies have published and are open for responses. Select a tender to read what the buyer needs.
      </p>
      <ob-opportunity-list />
    </div>
  `,
})
export class OpportunitiesPage {}
