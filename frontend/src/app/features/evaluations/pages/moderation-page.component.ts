import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { type ModerationView } from '@openbrief/contracts';
import { toAppError } from '../../../core/http/app-error';
import { type SummaryError } from '../../../shared/forms/form-errors';
import { createLoader } from '../../../shared/data/load-state';
import { ErrorSummary } from '../../../shared/ui/error-summary.component';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { EvaluationApi } from '../data-access/evaluation.api';
import { alphaText, itemKey, offsetText, visibleItems } from '../data-access/moderation-words';
import { ModerationItem } from '../ui/moderation-item.component';

/**
 * The moderator's page: agreement per criterion and each evaluator's offset first (where to look), then every
 * response × criterion with its scores, spread and flag, and a consensus score and note for each.
 */
@Component({
  selector: 'ob-moderation-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, ErrorSummary, Loading, Notice, ModerationItem],
  templateUrl: './moderation-page.component.html',
  styleUrls: ['../../../shared/ui/evaluation-forms.scss', './moderation-page.component.scss'],
})
export class ModerationPage {
  readonly panelId = input.required<string>();

  private readonly api = inject(EvaluationApi);
  protected readonly moderation = createLoader<ModerationView>();
  /** Replaced in place after each consensus, so the page never blanks under the moderator. */
  protected readonly view = linkedSignal<ModerationView | null>(() => {
    const state = this.moderation.state();
    return state.status === 'ready' ? state.value : null;
  });
  protected readonly flaggedOnly = signal(false);
  protected readonly summary = signal<SummaryError[]>([]);
  protected readonly refreshProblem = signal('');

  protected readonly items = computed(() => visibleItems(this.view()?.items ?? [], this.flaggedOnly()));
  protected readonly counts = computed(() => {
    const items = this.view()?.items ?? [];
    return { all: items.length, flagged: items.filter((i) => i.flagged).length, moderated: items.filter((i) => i.consensus).length };
  });

  protected readonly key = itemKey;
  protected readonly alpha = alphaText;
  protected readonly offset = offsetText;

  constructor() {
    effect(() => {
      const panelId = this.panelId();
      untracked(() => this.moderation.load(this.api.moderation(panelId)));
    });
  }

  protected reload(): void {
    this.moderation.load(this.api.moderation(this.panelId()));
  }

  protected toggle(event: Event): void {
    this.flaggedOnly.set((event.target as HTMLInputElement).checked);
  }

  protected problems(errors: SummaryError[]): void {
    this.summary.set(errors);
  }

  protected recorded(): void {
    this.refreshProblem.set('');
    this.api.moderation(this.panelId()).subscribe({
      next: (view) => this.view.set(view),
      error: (cause: unknown) => this.refreshProblem.set(toAppError(cause).message),
    });
  }
}
