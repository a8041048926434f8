import {
  ChangeDetectionStrategy,
  Component,
  Injector,
  afterNextRender,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { EvaluationResults } from '@openbrief/contracts';
import { toAppError } from '../../../../core/http/app-error';
import { AwardApi } from '../award.api';
import { formatPoints } from '../results/results-format';
import { leaderOf, rankedTotals } from '../results/results-view';
import { ordinal, reasonsMinimum } from './award-rules';

/**
 * The award decision: a ranked response (the leader chosen to start with) and the reasons. Choosing another
 * response departs from the ranking, so the form, like the server, asks for a fuller explanation.
 */
@Component({
  selector: 'ob-award-decision-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="award-form" novalidate (submit)="submit($event)">
      <fieldset class="award-form__group">
        <legend class="award-form__label">Which response wins the contract?</legend>
        @for (option of options(); track option.responseId) {
          <div class="award-form__choice">
            <input
              type="radio"
              name="award-response"
              [id]="'award-response-' + option.responseId"
              [checked]="chosen() === option.responseId"
              (change)="choose(option.responseId)"
            />
            <label [for]="'award-response-' + option.responseId">{{ option.text }}</label>
          </div>
        }
      </fieldset>
      @if (!isLeader()) {
        <div class="notice notice--warning" id="award-departs">
          <p>
            <strong>{{ chosenName() }} is not the highest-ranked response.</strong> Explain why you are departing from the ranking, in at
            least {{ minimum() }} characters. The decision and your reasons are recorded in the audit trail and the evaluation report.
          </p>
        </div>
      }
      <div class="award-form__group" [class.award-form__group--error]="reasonsError()">
        <label class="award-form__label" for="award-reasons">Reasons for the decision</label>
        <p class="award-form__hint" id="award-reasons-hint">
          At least {{ minimum() }} characters. You have written {{ reasons().trim().length }}.
        </p>
        @if (reasonsError()) {
          <p class="award-form__error" id="award-reasons-error"><span class="visually-hidden">Error:</span> {{ reasonsError() }}</p>
        }
        <textarea
          class="award-form__box"
          id="award-reasons"
          rows="5"
          [value]="reasons()"
          [attr.aria-invalid]="reasonsError() ? 'true' : null"
          [attr.aria-describedby]="'award-reasons-hint' + (reasonsError() ? ' award-reasons-error' : '')"
          (input)="typed($event)"
        ></textarea>
      </div>
      @if (failure()) {
        <div class="notice notice--warning" role="alert" id="award-failure" tabindex="-1">
          <p>The decision was not recorded. {{ failure() }}</p>
        </div>
      }
      <button type="submit" class="award-form__button" [attr.aria-disabled]="busy() ? 'true' : null">
        {{ busy() ? 'Recording the decision…' : 'Record the award decision' }}
      </button>
    </form>
  `,
  styleUrl: './award-forms.scss',
})
export class AwardDecisionForm {
  readonly panelId = input.required<string>();
  readonly results = input.required<EvaluationResults>();
  readonly decided = output<string>();

  private readonly api = inject(AwardApi);
  private readonly injector = inject(Injector);

  protected readonly options = computed(() =>
    rankedTotals(this.results())
      .filter((t) => t.rank !== null)
      .map((t) => ({ responseId: t.responseId, text: `${t.supplierName}: ranked ${ordinal(t.rank!)}, ${formatPoints(t.total)} points` })),
  );
  private readonly leaderId = computed(() => leaderOf(this.results())?.responseId ?? null);
  protected readonly chosen = linkedSignal(() => this.leaderId());
  protected readonly isLeader = computed(() => this.chosen() === this.leaderId());
  protected readonly chosenName = computed(() => this.results().totals.find((t) => t.responseId === this.chosen())?.supplierName ?? '');
  protected readonly minimum = computed(() => reasonsMinimum(this.isLeader()));
  protected readonly reasons = signal('');
  protected readonly reasonsError = signal('');
  protected readonly failure = signal('');
  protected readonly busy = signal(false);

  protected choose(responseId: string): void {
    this.chosen.set(responseId);
    this.reasonsError.set('');
  }

  protected typed(event: Event): void {
    this.reasons.set((event.target as HTMLTextAreaElement).value);
    if (this.reasons().trim().length >= this.minimum()) this.reasonsError.set('');
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const responseId = this.chosen();
    if (this.busy() || !responseId) return;
    const reasons = this.reasons().trim();
    this.failure.set('');
    if (reasons.length < this.minimum()) {
      this.reasonsError.set(
        this.isLeader()
          ? `Give your reasons for the decision in at least ${this.minimum()} characters`
          : `Explain why you are not awarding to the highest-ranked response, in at least ${this.minimum()} characters`,
      );
      document.getElementById('award-reasons')?.focus();
      return;
    }
    this.busy.set(true);
    this.api.decide(this.panelId(), { responseId, reasons }).subscribe({
      next: () => {
        this.busy.set(false);
        this.decided.emit(`Award decision recorded: ${this.chosenName()}. Assessment summaries are drafted for every supplier.`);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const appError = toAppError(error);
        const detail = appError.details.find((d) => d.field === 'reasons');
        if (detail) {
          this.reasonsError.set(detail.message);
          document.getElementById('award-reasons')?.focus();
        } else {
          this.failure.set(appError.message);
          afterNextRender(() => document.getElementById('award-failure')?.focus(), { injector: this.injector });
        }
      },
    });
  }
}
