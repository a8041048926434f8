import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { EVALUATION_TEXT_LIMITS, PriceResult } from '@openbrief/contracts';
import { toAppError } from '../../../../core/http/app-error';
import { AwardApi } from '../award.api';

/** The server's minimum: a note of what was found, not a tick. */
export const INVESTIGATION_NOTE_MIN = EVALUATION_TEXT_LIMITS.recordedReasonMin;

/**
 * What the investigation of an abnormally low price found. The price is never excluded automatically: the buyer
 * asks the supplier to explain it, then records whether the explanation was accepted (rejecting disqualifies).
 */
@Component({
  selector: 'ob-price-investigation-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="investigation" novalidate (submit)="submit($event)">
      <fieldset class="investigation__group" [class.investigation__group--error]="outcomeError()">
        <legend class="investigation__label">What did the investigation of {{ price().supplierName }}’s price find?</legend>
        @if (outcomeError()) {
          <p class="investigation__error" [id]="id('outcome-error')"><span class="visually-hidden">Error:</span> {{ outcomeError() }}</p>
        }
        <div class="investigation__choice">
          <input
            type="radio"
            [id]="id('accepted')"
            [name]="id('outcome')"
            [checked]="outcome() === 'accepted'"
            (change)="choose('accepted')"
          />
          <label [for]="id('accepted')">Accepted: the supplier showed it can deliver at this price</label>
        </div>
        <div class="investigation__choice">
          <input
            type="radio"
            [id]="id('rejected')"
            [name]="id('outcome')"
            [checked]="outcome() === 'rejected'"
            (change)="choose('rejected')"
          />
          <label [for]="id('rejected')">Rejected: the response is disqualified</label>
        </div>
      </fieldset>
      <div class="investigation__group" [class.investigation__group--error]="noteError()">
        <label class="investigation__label" [for]="id('note')">What the supplier said and why you decided this</label>
        @if (noteError()) {
          <p class="investigation__error" [id]="id('note-error')"><span class="visually-hidden">Error:</span> {{ noteError() }}</p>
        }
        <textarea
          class="investigation__box"
          rows="3"
          [id]="id('note')"
          [value]="note()"
          [attr.aria-invalid]="noteError() ? 'true' : null"
          [attr.aria-describedby]="noteError() ? id('note-error') : null"
          (input)="typed($event)"
        ></textarea>
      </div>
      @if (failure()) {
        <p class="investigation__error" role="alert">{{ failure() }}</p>
      }
      <button type="submit" class="investigation__button" [attr.aria-disabled]="busy() ? 'true' : null">
        {{ busy() ? 'Recording…' : 'Record the investigation' }}
      </button>
    </form>
  `,
  styleUrl: './price-investigation-form.component.scss',
})
export class PriceInvestigationForm {
  readonly panelId = input.required<string>();
  readonly price = input.required<PriceResult>();
  readonly recorded = output<string>();

  private readonly api = inject(AwardApi);
  protected readonly outcome = signal<'accepted' | 'rejected' | null>(null);
  protected readonly note = signal('');
  protected readonly outcomeError = signal('');
  protected readonly noteError = signal('');
  protected readonly failure = signal('');
  protected readonly busy = signal(false);

  protected id(part: string): string {
    return `investigation-${this.price().responseId}-${part}`;
  }

  protected choose(outcome: 'accepted' | 'rejected'): void {
    this.outcome.set(outcome);
    this.outcomeError.set('');
  }

  protected typed(event: Event): void {
    this.note.set((event.target as HTMLTextAreaElement).value);
    if (this.note().trim().length >= INVESTIGATION_NOTE_MIN) this.noteError.set('');
  }

  protected submit(event: Event): void {
    event.preventDefault();
    if (this.busy()) return;
    const outcome = this.outcome();
    const note = this.note().trim();
    this.failure.set('');
    this.outcomeError.set(outcome ? '' : 'Choose whether the price was accepted or rejected');
    this.noteError.set(
      note.length >= INVESTIGATION_NOTE_MIN
        ? ''
        : `Say what the supplier said and why you decided this, in at least ${INVESTIGATION_NOTE_MIN} characters`,
    );
    if (!outcome || this.noteError()) {
      document.getElementById(this.id(outcome ? 'note' : 'accepted'))?.focus();
      return;
    }
    this.busy.set(true);
    this.api.recordInvestigation(this.panelId(), this.price().responseId, { outcome, note }).subscribe({
      next: () => {
        this.busy.set(false);
        const name = this.price().supplierName;
        this.recorded.emit(
          outcome === 'accepted'
            ? `Investigation recorded: ${name}’s price was accepted.`
            : `Investigation recorded: ${name}’s price was rejected and the response is disqualified.`,
        );
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const appError = toAppError(error);
        const noteDetail = appError.details.find((d) => d.field === 'note');
        if (noteDetail) this.noteError.set(noteDetail.message);
        else this.failure.set(appError.message);
      },
    });
  }
}
