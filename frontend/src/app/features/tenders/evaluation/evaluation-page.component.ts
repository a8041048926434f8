import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  effect,
  inject,
  input,
  linkedSignal,
  signal,
  untracked,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { CriterionType, type EvaluationPanel, RequirementKind, type TenderDetail, type TenderEvaluation } from '@openbrief/contracts';
import { forkJoin } from 'rxjs';
import { toAppError } from '../../../core/http/app-error';
import { type SummaryError } from '../../../shared/forms/form-errors';
import { createLoader } from '../../../shared/data/load-state';
import { ErrorSummary } from '../../../shared/ui/error-summary.component';
import { focusElementById } from '../../../shared/ui/focus';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { TendersApi } from '../data-access/tenders.api';
import { PanelApi } from './panel.api';
import { ConflictHandling } from './panel/conflict-handling.component';
import { Gates } from './panel/gates.component';
import { PanelForm } from './panel/panel-form.component';
import { PanelSummary } from './panel/panel-summary.component';

type OverviewLot = TenderEvaluation['lots'][number];

/** A lot with what its forms need from the published tender, computed once per change (stable inputs for children). */
interface LotView {
  lot: OverviewLot;
  criteria: { id: string; name: string }[];
  criterionNames: Record<string, string>;
  passFail: { id: string; outcome: string }[];
}

interface EvaluationData {
  overview: TenderEvaluation;
  tender: TenderDetail;
}

/**
 * The buying team's overview of a tender's evaluation, lot by lot: form the panel, see declarations and record how
 * each conflict was handled, apply the gates, follow progress, and go on to results and award.
 */
@Component({
  selector: 'ob-evaluation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorSummary, Loading, Notice, PanelForm, PanelSummary, ConflictHandling, Gates],
  templateUrl: './evaluation-page.component.html',
  styleUrl: './evaluation-page.component.scss',
})
export class EvaluationPage {
  /** Bound from the `:id` route parameter. */
  readonly id = input.required<string>();

  private readonly api = inject(PanelApi);
  private readonly tenders = inject(TendersApi);
  private readonly injector = inject(Injector);
  protected readonly data = createLoader<EvaluationData>();
  /** Replaced in place after each change, so forms further down keep their place and focus. */
  protected readonly overview = linkedSignal<TenderEvaluation | null>(() => {
    const state = this.data.state();
    return state.status === 'ready' ? state.value.overview : null;
  });
  protected readonly lots = computed<LotView[]>(() => {
    const state = this.data.state();
    const overview = this.overview();
    if (state.status !== 'ready' || !overview) return [];
    return overview.lots.map((lot) => {
      const criteria = scoredCriteria(state.value.tender, lot.lotId);
      return {
        lot,
        criteria,
        criterionNames: Object.fromEntries(criteria.map((c) => [c.id, c.name])),
        passFail: passFail(state.value.tender, lot.lotId),
      };
    });
  });
  protected readonly summary = signal<SummaryError[]>([]);
  protected readonly reforming = signal<Record<string, boolean>>({});
  protected readonly spoken = signal('');
  protected readonly refreshProblem = signal('');

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.data.load(forkJoin({ overview: this.api.overview(id), tender: this.tenders.get(id) })));
    });
  }

  protected reload(): void {
    this.data.load(forkJoin({ overview: this.api.overview(this.id()), tender: this.tenders.get(this.id()) }));
  }

  protected canReform(panel: EvaluationPanel): boolean {
    return panel.progress.submitted === 0;
  }

  protected startReform(lotId: string): void {
    this.reforming.update((r) => ({ ...r, [lotId]: true }));
  }

  protected problems(errors: SummaryError[]): void {
    this.summary.set(errors);
  }

  /** After a change: fetch the overview again, say what happened, and put focus where the change shows. */
  protected changed(message: string, focusId: string, lotId?: string): void {
    this.summary.set([]);
    if (lotId) this.reforming.update((r) => ({ ...r, [lotId]: false }));
    this.refreshProblem.set('');
    this.api.overview(this.id()).subscribe({
      next: (overview) => {
        this.overview.set(overview);
        this.spoken.set(message);
        afterNextRender(() => focusElementById(focusId), { injector: this.injector });
      },
      error: (cause: unknown) => this.refreshProblem.set(toAppError(cause).message),
    });
  }
}

/** The criteria evaluators score: leaves of the tree, price left to its formula. */
function scoredCriteria(tender: TenderDetail, lotId: string): { id: string; name: string }[] {
  const criteria = tender.lots.find((l) => l.id === lotId)?.evaluationModel.criteria ?? [];
  const parents = new Set(criteria.map((c) => c.parentId).filter((id): id is string => id !== null));
  return criteria.filter((c) => !parents.has(c.id) && c.type !== CriterionType.Price).map((c) => ({ id: c.id, name: c.name }));
}

function passFail(tender: TenderDetail, lotId: string): { id: string; outcome: string }[] {
  const lot = tender.lots.find((l) => l.id === lotId);
  return (lot?.requirements ?? []).filter((r) => r.kind === RequirementKind.Mandatory).map((r) => ({ id: r.id, outcome: r.outcome }));
}
