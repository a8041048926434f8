import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { type EvaluationPanel, type TenderEvaluation } from '@openbrief/contracts';
import { toAppError } from '../../../../core/http/app-error';
import { type SummaryError } from '../../../../shared/forms/form-errors';
import { PanelApi } from '../panel.api';
import { criterionFieldId, draftFrom, moderatorFieldId, panelErrors, toRequest } from './panel-form';

/**
 * Forms (or, before any score is submitted, re-forms) one lot's panel: a moderator from anyone in the team, and
 * per criterion the evaluators who score it, so not every evaluator scores everything.
 */
@Component({
  selector: 'ob-panel-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './panel-form.component.html',
  styleUrl: '../../../../shared/ui/evaluation-forms.scss',
})
export class PanelForm {
  readonly tenderId = input.required<string>();
  readonly lotId = input.required<string>();
  readonly criteria = input.required<readonly { id: string; name: string }[]>();
  readonly members = input.required<TenderEvaluation['members']>();
  readonly panel = input<EvaluationPanel | null>(null);
  readonly problems = output<SummaryError[]>();
  readonly formed = output<void>();

  private readonly api = inject(PanelApi);
  protected readonly draft = linkedSignal(() => draftFrom(this.panel()));
  protected readonly errors = signal<SummaryError[]>([]);
  protected readonly busy = signal(false);

  protected readonly evaluators = computed(() => this.members().filter((m) => m.role === 'evaluator'));
  protected readonly moderatorId = computed(() => moderatorFieldId(this.lotId()));

  protected criterionId(criterionId: string): string {
    return criterionFieldId(this.lotId(), criterionId);
  }

  protected error(fieldId: string): string {
    return this.errors().find((e) => e.fieldId === fieldId)?.message ?? '';
  }

  protected assigned(criterionId: string, userId: string): boolean {
    return this.draft().assignments[criterionId]?.includes(userId) ?? false;
  }

  protected chooseModerator(event: Event): void {
    const moderatorId = (event.target as HTMLSelectElement).value;
    this.draft.update((d) => ({ ...d, moderatorId }));
  }

  protected toggle(criterionId: string, userId: string, event: Event): void {
    const on = (event.target as HTMLInputElement).checked;
    this.draft.update((d) => {
      const current = (d.assignments[criterionId] ?? []).filter((id) => id !== userId);
      return { ...d, assignments: { ...d.assignments, [criterionId]: on ? [...current, userId] : current } };
    });
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const errors = panelErrors(this.lotId(), this.draft(), this.criteria());
    this.errors.set(errors);
    this.problems.emit(errors);
    if (errors.length) return;
    this.busy.set(true);
    this.api.formPanel(this.tenderId(), this.lotId(), this.panel()?.revision ?? 0, toRequest(this.draft())).subscribe({
      next: () => {
        this.busy.set(false);
        this.formed.emit();
      },
      error: (cause: unknown) => {
        this.busy.set(false);
        const error = toAppError(cause);
        const shown = [
          { fieldId: this.moderatorId(), message: error.message },
          ...error.details.map((d) => ({ fieldId: '', message: d.message })),
        ];
        this.errors.set(shown);
        this.problems.emit(shown);
      },
    });
  }
}
