import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, signal } from '@angular/core';
import { type ModerationItem as Item, type ScaleDescriptor } from '@openbrief/contracts';
import { toAppError } from '../../../core/http/app-error';
import { type SummaryError } from '../../../shared/forms/form-errors';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { EvaluationApi } from '../data-access/evaluation.api';
import { MIN_REASON_CHARS } from '../data-access/declaration-draft';
import { itemKey, spreadText } from '../data-access/moderation-words';
import { scoreText } from '../data-access/score-text';

/** One response × criterion for the moderator: every score and justification, the spread and flag, and the consensus. */
@Component({
  selector: 'ob-moderation-item',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UkDatePipe],
  templateUrl: './moderation-item.component.html',
  styleUrls: ['../../../shared/ui/evaluation-forms.scss', './moderation-item.component.scss'],
})
export class ModerationItem {
  readonly panelId = input.required<string>();
  readonly item = input.required<Item>();
  readonly descriptors = input.required<readonly ScaleDescriptor[]>();
  readonly threshold = input.required<number>();
  readonly problems = output<SummaryError[]>();
  /** A consensus was recorded: the page reloads its figures. */
  readonly recorded = output<void>();

  private readonly api = inject(EvaluationApi);
  protected readonly score = linkedSignal(() => this.item().consensus?.score ?? null);
  protected readonly note = linkedSignal(() => this.item().consensus?.note ?? '');
  protected readonly errors = signal<SummaryError[]>([]);
  protected readonly busy = signal(false);
  protected readonly status = signal('');

  protected readonly id = computed(() => `moderate-${itemKey(this.item())}`);
  protected readonly title = computed(() => `${this.item().label}: ${this.item().criterionName}`);
  protected readonly spread = computed(() => spreadText(this.item(), this.threshold()));
  protected readonly scoreError = computed(() => this.errorAt(`${this.id()}-score`));
  protected readonly noteError = computed(() => this.errorAt(`${this.id()}-note`));

  protected text(score: number | null): string {
    return scoreText(score, this.descriptors());
  }

  protected typed(event: Event): void {
    this.note.set((event.target as HTMLTextAreaElement).value);
    this.status.set('');
  }

  protected choose(score: number): void {
    this.score.set(score);
    this.status.set('');
  }

  protected save(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const score = this.score();
    const note = this.note().trim();
    const errors: SummaryError[] = [];
    if (score === null) errors.push({ fieldId: `${this.id()}-score`, message: `Choose the consensus score for ${this.title()}` });
    if (note.length < MIN_REASON_CHARS) {
      errors.push({
        fieldId: `${this.id()}-note`,
        message: `Write a note of at least ${MIN_REASON_CHARS} characters on how the panel agreed the score for ${this.title()}`,
      });
    }
    this.errors.set(errors);
    this.problems.emit(errors);
    if (score === null || errors.length) return;
    this.busy.set(true);
    const { responseId, criterionId } = this.item();
    this.api.moderate(this.panelId(), responseId, criterionId, { score, note }).subscribe({
      next: () => {
        this.busy.set(false);
        this.status.set(`Consensus recorded: ${this.text(score)}. The individual scores stay on record unchanged.`);
        this.recorded.emit();
      },
      error: (cause: unknown) => {
        this.busy.set(false);
        const error = toAppError(cause);
        const found: SummaryError[] = error.details.map((d) => ({
          fieldId: d.field === 'note' ? `${this.id()}-note` : `${this.id()}-score`,
          message: d.message,
        }));
        const shown = found.length ? found : [{ fieldId: `${this.id()}-score`, message: error.message }];
        this.errors.set(shown);
        this.problems.emit(shown);
      },
    });
  }

  private errorAt(fieldId: string): string {
    return this.errors().find((e) => e.fieldId === fieldId)?.message ?? '';
  }
}
