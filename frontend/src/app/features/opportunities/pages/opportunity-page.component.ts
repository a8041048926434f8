import { ChangeDetectionStrategy, Component, Injector, afterNextRender, computed, effect, inject, input } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { Router, RouterLink } from '@angular/router';
import { HOW_TO_RESPOND_SUMMARY, PublishedTenderView, Role, TenderStatus } from '@openbrief/contracts';
import { AuthService } from '../../../core/auth/auth.service';
import { pageTitle } from '../../../core/routing/page-title.strategy';
import { createLoader } from '../../../shared/data/load-state';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { StatusTag } from '../../../shared/ui/status-tag.component';
import { PublicTendersApi } from '../data-access/public-tenders.api';
import { hasPassed } from '../data-access/supplier-view';
import { TenderNarrative } from '../../../shared/ui/tender/tender-narrative.component';
import { TenderKeyFacts } from '../../../shared/ui/tender/tender-key-facts.component';
import { TenderScoring } from '../../../shared/ui/tender/tender-scoring.component';
import { OpennessPanel } from '../ui/openness-panel.component';
import { PublishedClarifications } from '../ui/published-clarifications.component';
import { RespondSteps } from '../ui/respond-steps.component';
import { SupplierActions } from '../ui/supplier-actions.component';
import { SupplierQuestions } from '../ui/supplier-questions.component';
import { TenderTimetable } from '../ui/tender-timetable.component';

@Component({
  selector: 'ob-opportunity-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    RouterLink,
    UkDatePipe,
    Loading,
    Notice,
    StatusTag,
    TenderNarrative,
    TenderScoring,
    TenderKeyFacts,
    TenderTimetable,
    OpennessPanel,
    RespondSteps,
    PublishedClarifications,
    SupplierActions,
    SupplierQuestions,
  ],
  templateUrl: './opportunity-page.component.html',
  styleUrl: './opportunity-page.component.scss',
})
export class OpportunityPage {
  /** Bound from the `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(PublicTendersApi);
  private readonly title = inject(Title);
  private readonly injector = inject(Injector);
  private readonly auth = inject(AuthService);
  protected readonly user = this.auth.user;
  protected readonly loader = createLoader<PublishedTenderView>();
  protected readonly published = TenderStatus.Published;
  protected readonly howToRespond = HOW_TO_RESPOND_SUMMARY;

  protected readonly isSupplier = computed(() => this.auth.role() === Role.Supplier);
  /** Where "Sign in" and "Create a free supplier account" bring the reader back to. */
  protected readonly here = computed(() => `/opportunities/${this.id()}`);

  /** Only a tender still open for responses invites one. */
  protected readonly openForBids = computed(() => {
    const state = this.loader.state();
    if (state.status !== 'ready') return false;
    const { status, timetable } = state.value.tender;
    return status === TenderStatus.Published && !hasPassed(timetable.submissionDeadline);
  });

  constructor() {
    // On a fresh page load the reader starts at the top anyway; only in-app navigation moves focus.
    const inApp = inject(Router).navigated;
    effect(() => this.loader.load(this.api.get(this.id())));
    effect(() => {
      const state = this.loader.state();
      if (state.status === 'ready') this.title.setTitle(pageTitle(state.value.tender.title));
      if (state.status === 'error') this.title.setTitle(pageTitle('Opportunity not found'));
      // The app focused the loading page's h1 after navigating; it is gone now, so the loaded page's h1 takes over.
      if (state.status !== 'loading' && inApp) afterNextRender(() => this.focusHeading(), { injector: this.injector });
    });
  }

  private focusHeading(): void {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    const heading = document.querySelector<HTMLElement>('main h1');
    if (!heading) return;
    heading.setAttribute('tabindex', '-1');
    heading.focus();
  }
}
