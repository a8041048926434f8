import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type EvaluatorResponseView, type EvaluatorScore, type EvaluatorWorkspace } from '@openbrief/contracts';
import { forkJoin } from 'rxjs';
import { toAppError } from '../../../core/http/app-error';
import { type SummaryError } from '../../../shared/forms/form-errors';
import { createLoader } from '../../../shared/data/load-state';
import { ErrorSummary } from '../../../shared/ui/error-summary.component';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { EvaluationApi } from '../data-access/evaluation.api';
import { ScoreForm } from '../ui/score-form.component';

interface ScoringData {
  workspace: EvaluatorWorkspace;
  view: EvaluatorResponseView;
}

/**
 * One response as one evaluator may read it (their criteria's answers only; the name hidden under blind marking),
 * each answer followed by its score form. Words past the limit stay visible but marked as not considered.
 */
@Component({
  selector: 'ob-scoring-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorSummary, Loading, Notice, ScoreForm],
  templateUrl: './scoring-page.component.html',
  styleUrl: './scoring-page.component.scss',
})
export class ScoringPage {
  readonly panelId = input.required<string>();
  readonly responseId = input.required<string>();

  private readonly api = inject(EvaluationApi);
  protected readonly data = createLoader<ScoringData>();
  /** The evaluator's scores as last saved: updated in place so a save never re-renders the page under them. */
  protected readonly scores = linkedSignal<EvaluatorScore[]>(() => {
    const state = this.data.state();
    return state.status === 'ready' ? state.value.view.scores : [];
  });
  protected readonly summary = signal<SummaryError[]>([]);
  protected readonly staleProblem = signal('');

  protected readonly price = computed(() => {
    const state = this.data.state();
    const price = state.status === 'ready' ? state.value.view.price : null;
    return price ? new Intl.NumberFormat('en-GB', { style: 'currency', currency: price.currency }).format(price.total) : null;
  });

  constructor() {
    effect(() => {
      const panelId = this.panelId();
      const responseId = this.responseId();
      untracked(() => this.load(panelId, responseId));
    });
  }

  protected reload(): void {
    this.load(this.panelId(), this.responseId());
  }

  protected scoreFor(criterionId: string): EvaluatorScore | null {
    return this.scores().find((s) => s.criterionId === criterionId) ?? null;
  }

  protected stored(score: EvaluatorScore): void {
    this.scores.update((all) => [...all.filter((s) => s.criterionId !== score.criterionId), score]);
  }

  protected problems(errors: SummaryError[]): void {
    this.summary.set(errors);
  }

  /** Another tab saved (or submitted) meanwhile: fetch this response's scores again, quietly. */
  protected refreshScores(): void {
    this.api.response(this.panelId(), this.responseId()).subscribe({
      next: (view) => this.scores.set(view.scores),
      error: (cause: unknown) => this.staleProblem.set(toAppError(cause).message),
    });
  }

  protected nextResponse(data: ScoringData): string | null {
    const list = data.workspace.responses;
    const index = list.findIndex((r) => r.responseId === data.view.responseId);
    return index >= 0 && index < list.length - 1 ? list[index + 1]!.responseId : null;
  }

  private load(panelId: string, responseId: string): void {
    this.data.load(forkJoin({ workspace: this.api.workspace(panelId), view: this.api.response(panelId, responseId) }));
  }
}
