import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { type EvaluatorScore, type ScaleDescriptor } from '@openbrief/contracts';
import { toAppError } from '../../../core/http/app-error';
import { type SummaryError } from '../../../shared/forms/form-errors';
import { formatUkDate } from '../../../shared/pipes/uk-date.pipe';
import { EvaluationApi } from '../data-access/evaluation.api';
import { justificationCount, justificationFieldId, scoreErrors, scoreFieldId } from '../data-access/score-draft';
import { scoreText } from '../data-access/score-text';

/**
 * One evaluator's score of one answer: the scale's descriptors as radio buttons beside it, a justification with its
 * minimum length, saved with the revision it was read at. A submitted score is shown, not edited: it changes only in
 * moderation.
 */
@Component({
  selector: 'ob-score-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './score-form.component.html',
  styleUrls: ['../../../shared/ui/evaluation-forms.scss', './score-form.component.scss'],
})
export class ScoreForm {
  readonly panelId = input.required<string>();
  readonly responseId = input.required<string>();
  readonly criterion = input.required<{ id: string; name: string }>();
  readonly saved = input<EvaluatorScore | null>(null);
  readonly descriptors = input.required<readonly ScaleDescriptor[]>();
  readonly minChars = input.required<number>();
  /** Validation or save problems for the page's one error summary (empty once saved). */
  readonly problems = output<SummaryError[]>();
  readonly stored = output<EvaluatorScore>();
  /** Someone saved this score elsewhere meanwhile: the page reloads the response. */
  readonly stale = output<void>();

  private readonly api = inject(EvaluationApi);
  protected readonly score = linkedSignal(() => this.saved()?.score ?? null);
  protected readonly justification = linkedSignal(() => this.saved()?.justification ?? '');
  protected readonly errors = signal<SummaryError[]>([]);
  protected readonly busy = signal(false);
  protected readonly status = signal('');
  /** The evaluator's own text when a save collided with another, kept to copy. */
  protected readonly lostText = signal('');

  protected readonly submitted = computed(() => !!this.saved()?.submittedAt);
  protected readonly scoreId = computed(() => scoreFieldId(this.criterion().id));
  protected readonly justificationId = computed(() => justificationFieldId(this.criterion().id));
  protected readonly count = computed(() => justificationCount(this.justification(), this.minChars()));
  protected readonly scoreError = computed(() => this.errors().find((e) => e.fieldId === this.scoreId())?.message ?? '');
  protected readonly justificationError = computed(() => this.errors().find((e) => e.fieldId === this.justificationId())?.message ?? '');
  protected readonly savedText = computed(() => scoreText(this.saved()?.score ?? null, this.descriptors()));

  protected choose(score: number): void {
    this.score.set(score);
    this.status.set('');
  }

  protected typed(event: Event): void {
    this.justification.set((event.target as HTMLTextAreaElement).value);
    this.status.set('');
  }

  protected save(event: Event): void {
    event.preventDefault();
    if (this.busy() || this.submitted()) return;
    const score = this.score();
    const errors = scoreErrors(this.criterion(), score, this.justification(), this.minChars());
    this.errors.set(errors);
    this.problems.emit(errors);
    if (errors.length || score === null) return;
    this.busy.set(true);
    this.lostText.set('');
    const justification = this.justification().trim();
    const { id } = this.criterion();
    this.api.saveScore(this.panelId(), this.responseId(), id, this.saved()?.revision ?? 0, { score, justification }).subscribe({
      next: (stored) => {
        this.busy.set(false);
        this.status.set(`Saved at ${formatUkDate(new Date()).replace(/ on .*/, '')}. You can change it until you submit this criterion.`);
        this.stored.emit(stored);
      },
      error: (cause: unknown) => this.failed(cause, justification),
    });
  }

  private failed(cause: unknown, justification: string): void {
    this.busy.set(false);
    const error = toAppError(cause);
    if (error.status === 409 || error.status === 412) {
      // The score was saved in another tab or by a submission meanwhile: show the stored version, keep theirs to copy.
      this.lostText.set(justification);
      this.status.set('');
      const message = `Your score for ${this.criterion().name} was changed elsewhere since you opened this page. We have loaded the saved version: check it and save again if you need to.`;
      this.errors.set([]);
      this.problems.emit([{ fieldId: this.scoreId(), message }]);
      this.stale.emit();
      return;
    }
    const details = error.details.map((d) => ({
      fieldId: d.field === 'justification' ? this.justificationId() : this.scoreId(),
      message: d.message,
    }));
    const errors = details.length ? details : [{ fieldId: this.scoreId(), message: error.message }];
    this.errors.set(errors);
    this.problems.emit(errors);
  }
}
