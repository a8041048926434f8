import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { AwardState } from '@openbrief/contracts';
import { toAppError } from '../../../../core/http/app-error';
import { formatUkDate } from '../../../../shared/pipes/uk-date.pipe';
import { AwardApi } from '../award.api';
import { standstillView } from './award-rules';

/**
 * After the summaries: publishing the contract award notice (only once every summary is issued, as reg 31 requires),
 * which starts the standstill; then, once it has ended, recording that the contract was entered into.
 */
@Component({
  selector: 'ob-standstill-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let d = state().decision;
    <section aria-labelledby="notice-title">
      <h2 id="notice-title" tabindex="-1">Contract award notice</h2>
      @if (d?.noticePublishedAt) {
        <p>Published at {{ uk(d!.noticePublishedAt!) }} (UK time).</p>
      } @else {
        <p>Publishing the notice starts the standstill. You can publish it once every assessment summary has been issued.</p>
        @if (state().noticeBlockedBy) {
          <p class="standstill__blocked" id="notice-blocked">{{ state().noticeBlockedBy }}</p>
        }
        <button
          type="button"
          class="award-form__button"
          [disabled]="!!state().noticeBlockedBy || !d || busy()"
          [attr.aria-describedby]="state().noticeBlockedBy ? 'notice-blocked' : null"
          (click)="publish()"
        >
          {{ busy() ? 'Publishing…' : 'Publish the contract award notice' }}
        </button>
      }
    </section>

    <section aria-labelledby="standstill-title">
      <h2 id="standstill-title" tabindex="-1">Standstill</h2>
      @if (standstill(); as st) {
        <dl class="summary-list">
          <dt>Last day of the standstill</dt>
          <dd id="standstill-last-day">{{ st.lastDay }}</dd>
          <dt>The standstill ends</dt>
          <dd id="standstill-ends">{{ st.endsAt }}</dd>
          <dt>How it is counted</dt>
          <dd>{{ st.counted }}</dd>
        </dl>
        @if (d?.contractEnteredAt) {
          <p>
            <strong>The contract was entered into at {{ uk(d!.contractEnteredAt!) }} (UK time).</strong>
          </p>
        } @else {
          @if (!st.ended) {
            <p id="contract-wait">You can mark the contract as entered into once the standstill has ended, after {{ st.lastDay }}.</p>
          }
          <button
            type="button"
            class="award-form__button"
            [disabled]="!st.ended || busy()"
            [attr.aria-describedby]="st.ended ? null : 'contract-wait'"
            (click)="enter()"
          >
            Mark the contract as entered into
          </button>
        }
      } @else {
        <p>
          The standstill starts on the day the award notice is published and lasts at least 8 working days. The contract cannot be entered
          into before it ends.
        </p>
      }
      @if (failure()) {
        <div class="notice notice--warning" role="alert">
          <p>{{ failure() }}</p>
        </div>
      }
    </section>
  `,
  styleUrl: './award-forms.scss',
  styles: `
    section {
      margin-top: 2.5rem;
    }
    .standstill__blocked {
      padding-left: 1rem;
      border-left: 5px solid #b35c00;
      font-weight: 700;
    }
  `,
})
export class StandstillSection {
  readonly panelId = input.required<string>();
  readonly state = input.required<AwardState>();
  /** The device's clock when the page last loaded. */
  readonly now = input.required<number>();
  readonly changed = output<{ message: string; focus: string }>();

  private readonly api = inject(AwardApi);
  protected readonly busy = signal(false);
  protected readonly failure = signal('');
  protected readonly standstill = computed(() => {
    const decision = this.state().decision;
    return decision ? standstillView(decision, this.now()) : null;
  });

  protected uk(iso: string): string {
    return formatUkDate(iso);
  }

  protected publish(): void {
    this.act(
      this.api.publishNotice(this.panelId()),
      'The contract award notice is published. The standstill has started.',
      'standstill-title',
    );
  }

  protected enter(): void {
    this.act(this.api.enterContract(this.panelId()), 'Recorded: the contract has been entered into.', 'standstill-title');
  }

  private act(call: ReturnType<AwardApi['publishNotice']>, message: string, focus: string): void {
    if (this.busy()) return;
    this.busy.set(true);
    this.failure.set('');
    call.subscribe({
      next: () => {
        this.busy.set(false);
        this.changed.emit({ message, focus });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.failure.set(toAppError(error).message);
      },
    });
  }
}
