import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, input, output, signal, viewChild } from '@angular/core';
import { UkDatePipe } from '../../../shared/pipes/uk-date.pipe';
import { isoToUkInput, ukInputToIso } from '../data-access/uk-time';

/**
 * A date and time, typed and shown in UK time (GMT or BST) whatever the browser's time zone,
 * stored as an ISO instant. Reads the chosen time back in words, so mistakes are easy to spot.
 */
@Component({
  selector: 'ob-datetime-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [UkDatePipe],
  host: { '[class.tf--error]': '!!shownError()' },
  template: `
    <label class="tf-label" [for]="fieldId()"
      >{{ label() }}
      @if (optional()) {
        <span class="tf-optional"> (optional)</span>
      }
    </label>
    <div class="tf-hint" [id]="fieldId() + '-hint'">{{ hint() || 'UK time. For example, 31/01/2028 12:00.' }}</div>
    @if (shownError()) {
      <p class="tf-error" [id]="fieldId() + '-error'"><span class="visually-hidden">Error: </span>{{ shownError() }}</p>
    }
    <div class="tf-row">
      <input
        #control
        class="tf-control tf-datetime"
        type="datetime-local"
        [id]="fieldId()"
        [attr.aria-describedby]="describedBy()"
        [attr.aria-invalid]="shownError() ? 'true' : null"
        (input)="changed($event)"
        (change)="changed($event)"
      />
      @if (value()) {
        <button type="button" class="text-button tf-clear" (click)="clear()">
          Clear<span class="visually-hidden"> {{ label() }}</span>
        </button>
      }
    </div>
    @if (value()) {
      <p class="tf-readback" [id]="fieldId() + '-readback'">{{ value() | ukDate }}</p>
    }
  `,
  styleUrl: './datetime-field.component.scss',
})
export class DateTimeField {
  readonly fieldId = input.required<string>();
  readonly label = input.required<string>();
  readonly hint = input<string>();
  readonly value = input<string | null>(null);
  readonly error = input<string>('');
  readonly optional = input(false);

  readonly valueChange = output<string | null>();

  private readonly control = viewChild.required<ElementRef<HTMLInputElement>>('control');
  private readonly incomplete = signal(false);

  protected readonly shownError = computed(() =>
    this.incomplete() ? 'Enter a complete date and time, including the hour and minutes' : this.error(),
  );
  protected readonly describedBy = computed(() => {
    const id = this.fieldId();
    return [`${id}-hint`, this.shownError() ? `${id}-error` : '', this.value() ? `${id}-readback` : ''].filter(Boolean).join(' ');
  });

  constructor() {
    effect(() => {
      const value = this.value();
      const element = this.control().nativeElement;
      const shown = ukInputToIso(element.value);
      const same = shown === value || (!!shown && !!value && Date.parse(shown) === Date.parse(value));
      if (!same) element.value = isoToUkInput(value);
    });
  }

  protected changed(event: Event): void {
    const element = event.target as HTMLInputElement;
    if (element.validity.badInput) {
      this.incomplete.set(true);
      return;
    }
    this.incomplete.set(false);
    const iso = element.value ? ukInputToIso(element.value) : null;
    if (iso !== this.value()) this.valueChange.emit(iso);
  }

  protected clear(): void {
    this.incomplete.set(false);
    this.control().nativeElement.value = '';
    this.valueChange.emit(null);
    this.control().nativeElement.focus();
  }
}
