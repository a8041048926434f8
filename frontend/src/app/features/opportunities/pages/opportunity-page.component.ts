import { ChangeDetectionStrategy, Component, computed, effect, inject, input } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterLink } from '@angular/router';
import { PublishedTenderView, TenderStatus } from '@openbrief/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { pageTitle } from '../../../core/routing/page-title.strategy';
import { createLoader } from '../../../shared/data/load-state';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { StatusTag } from '../../../shared/ui/status-tag.component';
import { PublicTendersApi } from '../data-access/public-tenders.api';
import { TenderNarrative } from '../../../shared/ui/tender/tender-narrative.component';
import { TenderKeyFacts } from '../../../shared/ui/tender/tender-key-facts.component';
import { TenderScoring } from '../../../shared/ui/tender/tender-scoring.component';

@Component({
  selector: 'ob-opportunity-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, UkDatePipe, Loading, Notice, StatusTag, TenderNarrative, TenderScoring, TenderKeyFacts],
  templateUrl: './opportunity-page.component.html',
  styleUrl: './opportunity-page.component.scss',
})
export class OpportunityPage {
  /** Bound from the `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(PublicTendersApi);
  private readonly title = inject(Title);
  protected readonly user = inject(AuthService).user;
  protected readonly loader = createLoader<PublishedTenderView>();
  protected readonly published = TenderStatus.Published;

  /** Only a tender still open for bids invites a response. */
  protected readonly openForBids = computed(() => {
    const state = this.loader.state();
    if (state.status !== 'ready') return false;
    const { status, timetable } = state.value.tender;
    const deadline = timetable.submissionDeadline;
    return status === TenderStatus.Published && (!deadline || new Date(deadline).getTime() > Date.now());
  });

  constructor() {
    effect(() => this.loader.load(this.api.get(this.id())));
    effect(() => {
      const state = this.loader.state();
      if (state.status === 'ready') this.title.setTitle(pageTitle(state.value.tender.title));
      if (state.status === 'error') this.title.setTitle(pageTitle('Opportunity not found'));
    });
  }
}
