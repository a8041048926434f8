import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';

export interface RadioOption {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
}

/** GOV.UK radios: a fieldset whose legend asks the question, large round targets, optional hints. */
@Component({
  selector: 'ob-radios',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.tf--error]': '!!error()', '[class.tf--compact]': 'compact()' },
  template: `
    <fieldset class="tf-fieldset" [attr.aria-describedby]="describedBy()">
      <legend class="tf-legend" [class.tf-legend--s]="legendSize() === 's'" [class.tf-legend--m]="legendSize() === 'm'">
        {{ legend() }}
      </legend>
      @if (hint()) {
        <div class="tf-hint" [id]="fieldId() + '-hint'">{{ hint() }}</div>
      }
      @if (error()) {
        <p class="tf-error" [id]="fieldId() + '-error'"><span class="visually-hidden">Error: </span>{{ error() }}</p>
      }
      <div class="tf-radios" [class.tf-radios--inline]="inline()" [class.tf-radios--small]="small()">
        @for (option of options(); track option.value; let i = $index) {
          <div class="tf-radio">
            <input
              class="tf-radio__input"
              type="radio"
              [id]="optionId(i)"
              [name]="fieldId()"
              [value]="option.value"
              [checked]="option.value === value()"
              [attr.aria-describedby]="option.hint ? optionId(i) + '-hint' : null"
              (change)="valueChange.emit(option.value)"
            />
            <label class="tf-radio__label" [for]="optionId(i)">{{ option.label }}</label>
            @if (option.hint) {
              <div class="tf-radio__hint" [id]="optionId(i) + '-hint'">{{ option.hint }}</div>
            }
          </div>
        }
      </div>
    </fieldset>
  `,
  styleUrl: './radios.component.scss',
})
export class Radios {
  /** Also the first radio's id, so an error summary can focus it, and the group's name. */
  readonly fieldId = input.required<string>();
  readonly legend = input.required<string>();
  readonly hint = input<string>();
  readonly options = input.required<readonly RadioOption[]>();
  readonly value = input<string | null>(null);
  readonly error = input<string>('');
  readonly legendSize = input<'s' | 'default' | 'm'>('default');
  readonly inline = input(false);
  readonly small = input(false);
  readonly compact = input(false);

  readonly valueChange = output<string>();

  protected readonly describedBy = computed(() => {
    const id = this.fieldId();
    const ids = [this.hint() ? `${id}-hint` : '', this.error() ? `${id}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : null;
  });

  protected optionId(index: number): string {
    return index === 0 ? this.fieldId() : `${this.fieldId()}-${index}`;
  }
}
