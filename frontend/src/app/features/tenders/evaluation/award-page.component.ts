import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { AwardState, EvaluationResults, TenderDetail } from '@openbrief/contracts';
import { catchError, forkJoin, of } from 'rxjs';
import { toAppError } from '../../../core/http/app-error';
import { formatUkDate } from '../../../shared/pipes/uk-date.pipe';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { TendersApi } from '../data-access/tenders.api';
import { AwardApi } from './award.api';
import { AssessmentSummaryCard } from './award/assessment-summary-card.component';
import { AwardDecisionForm } from './award/award-decision-form.component';
import { StandstillSection } from './award/standstill-section.component';

interface AwardData {
  state: AwardState;
  results: EvaluationResults;
}

/**
 * Awarding a lot, in the order the law sets: the decision with reasons; an assessment summary for every assessed
 * supplier, edited and issued; the contract award notice, which starts the standstill; then the contract.
 */
@Component({
  selector: 'ob-award-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, Loading, Notice, AwardDecisionForm, AssessmentSummaryCard, StandstillSection],
  templateUrl: './award-page.component.html',
  styleUrl: './award-page.component.scss',
})
export class AwardPage {
  /** Bound from the route: the tender and the lot's panel. */
  readonly id = input.required<string>();
  readonly panelId = input.required<string>();

  private readonly api = inject(AwardApi);
  private readonly tenders = inject(TendersApi);
  private readonly injector = inject(Injector);

  protected readonly data = signal<AwardData | null>(null);
  protected readonly loadError = signal('');
  protected readonly tender = signal<TenderDetail | null>(null);
  protected readonly spoken = signal('');
  protected readonly now = signal(Date.now());

  protected readonly issuedCount = computed(() => this.data()?.state.summaries.filter((s) => s.status === 'issued').length ?? 0);

  constructor() {
    effect(() => {
      const id = this.id();
      this.panelId();
      untracked(() => {
        this.refresh();
        // The heading's context only: the page works without it.
        this.tenders
          .get(id)
          .pipe(catchError(() => of(null)))
          .subscribe((tender) => this.tender.set(tender));
      });
    });
  }

  protected uk(iso: string): string {
    return formatUkDate(iso);
  }

  protected refresh(then?: () => void): void {
    this.loadError.set('');
    this.now.set(Date.now());
    const panelId = this.panelId();
    forkJoin({ state: this.api.state(panelId), results: this.api.results(panelId) }).subscribe({
      next: (data) => {
        this.data.set(data);
        then?.();
      },
      error: (cause: unknown) => this.loadError.set(toAppError(cause).message),
    });
  }

  /** After any change: reload, say what happened, and put focus where the next step is. */
  protected changed(message: string, focus: string): void {
    this.refresh(() => {
      if (!message) return;
      this.spoken.set(message);
      afterNextRender(() => document.getElementById(focus)?.focus(), { injector: this.injector });
    });
  }
}
