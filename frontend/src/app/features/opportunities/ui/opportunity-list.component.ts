import { ChangeDetectionStrategy, Component, OnInit, inject } from '@angular/core';
import { createLoader } from '../../../shared/data/load-state';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { PublicTendersApi } from '../data-access/public-tenders.api';
import { OpportunityCard } from './opportunity-card.component';
import { PublishedTenderSummary } from '@openbrief/contracts';

/** Loads and lists published tenders, with loading, error and empty states. */
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
          <h2 id="opportunity-list-title">
            {{ countLabel(state.value) }}
          </h2>
          @if (state.value.length === 0) {
            <ob-notice tone="empty" heading="There are no open opportunities right now">
              <p>New tenders appear here as soon as a buyer publishes them. Check back soon.</p>
            </ob-notice>
          } @else {
            <ul class="opportunity-list">
              @for (tender of state.value; track tender.id) {
                <li><ob-opportunity-card [tender]="tender" /></li>
              }
            </ul>
          }
        }
      }
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
  protected readonly loader = createLoader<PublishedTenderSummary[]>();

  ngOnInit(): void {
    this.reload();
  }

  protected reload(): void {
    this.loader.load(this.api.list());
  }

  protected countLabel(tenders: readonly PublishedTenderSummary[]): string {
    if (tenders.length === 0) return 'Open opportunities';
    return tenders.length === 1 ? '1 open opportunity' : `${tenders.length} open opportunities`;
  }
}
