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
import { type EvaluatorWorkspace } from '@openbrief/contracts';
import { toAppError } from '../../../core/http/app-error';
import { createLoader } from '../../../shared/data/load-state';
import { focusElementById } from '../../../shared/ui/focus';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { EvaluationApi } from '../data-access/evaluation.api';
import { ConflictDeclarations } from '../ui/conflict-declarations.component';
import { CriterionScores } from '../ui/criterion-scores.component';

type WorkspaceCriterion = EvaluatorWorkspace['criteria'][number];

/**
 * An evaluator's page for one panel: conflicts first (one declaration per bidder, before any response is seen), then
 * the responses to score with progress, then one "Submit" per criterion; once submitted, the panel's scores for it.
 */
@Component({
  selector: 'ob-panel-workspace-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, Loading, Notice, ConflictDeclarations, CriterionScores],
  templateUrl: './panel-workspace-page.component.html',
  styleUrls: ['../../../shared/ui/evaluation-forms.scss', './panel-workspace-page.component.scss'],
})
export class PanelWorkspacePage {
  /** Bound from the `:panelId` route parameter. */
  readonly panelId = input.required<string>();

  private readonly api = inject(EvaluationApi);
  private readonly injector = inject(Injector);
  protected readonly workspace = createLoader<EvaluatorWorkspace>();
  protected readonly submitting = signal<string | null>(null);
  protected readonly problems = signal<Record<string, string>>({});
  protected readonly spoken = signal('');

  protected readonly labels = computed<Record<string, string>>(() => {
    const state = this.workspace.state();
    return state.status === 'ready' ? Object.fromEntries(state.value.responses.map((r) => [r.responseId, r.label])) : {};
  });

  constructor() {
    effect(() => {
      const panelId = this.panelId();
      untracked(() => this.workspace.load(this.api.workspace(panelId)));
    });
  }

  protected reload(): void {
    this.workspace.load(this.api.workspace(this.panelId()));
  }

  protected declared(): void {
    this.spoken.set('Your declarations are recorded.');
    this.reload();
    this.focusWhenReady('workspace-title');
  }

  protected title(ws: EvaluatorWorkspace): string {
    if (!ws.declared) return 'Declare any conflicts of interest';
    return ws.criteria.length ? 'Your scoring' : 'Your declarations';
  }

  protected progress(ws: EvaluatorWorkspace): string {
    const scored = ws.responses.reduce((n, r) => n + r.scored, 0);
    const toScore = ws.responses.reduce((n, r) => n + r.toScore, 0);
    return `You have scored ${scored} of ${toScore} answers.`;
  }

  protected submit(criterion: WorkspaceCriterion): void {
    if (this.submitting()) return;
    this.submitting.set(criterion.id);
    this.problems.update((p) => ({ ...p, [criterion.id]: '' }));
    this.api.submitCriterion(this.panelId(), criterion.id).subscribe({
      next: () => {
        this.submitting.set(null);
        this.spoken.set(`Your scores for ${criterion.name} are submitted. The panel's scores for it are shown below it.`);
        this.reload();
        this.focusWhenReady(this.criterionHeadingId(criterion.id));
      },
      error: (cause: unknown) => {
        this.submitting.set(null);
        const error = toAppError(cause);
        const named = error.details.map((d) => d.message).join(' ');
        this.problems.update((p) => ({ ...p, [criterion.id]: named ? `${error.message} ${named}` : error.message }));
        this.focusWhenReady(`${this.criterionHeadingId(criterion.id)}-problem`);
      },
    });
  }

  protected criterionHeadingId(criterionId: string): string {
    return `criterion-${criterionId}`;
  }

  /** Waits for the reloaded page to render the element before moving focus to it. */
  private focusWhenReady(id: string): void {
    const ref = effect(
      () => {
        if (this.workspace.state().status !== 'ready') return;
        afterNextRender(() => focusElementById(id), { injector: this.injector });
        ref.destroy();
      },
      { injector: this.injector },
    );
  }
}
