import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { RadioOption } from './radios.component';

/** A native select, labelled in the GOV.UK way. Use it only for short lists of known choices. */
@Component({
  selector: 'ob-select-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.tf--compact]': 'compact()' },
  template: `
    <label class="tf-label" [class.visually-hidden]="labelHidden()" [class.tf-label--s]="size() === 's'" [for]="fieldId()">{{
      label()
    }}</label>
    @if (hint()) {
      <div class="tf-hint" [id]="fieldId() + '-hint'">{{ hint() }}</div>
    }
    <select
      class="tf-control tf-select"
      [id]="fieldId()"
      [attr.aria-describedby]="hint() ? fieldId() + '-hint' : null"
      (change)="changed($event)"
    >
      @for (option of options(); track option.value) {
        <option [value]="option.value" [selected]="option.value === value()">{{ option.label }}</option>
      }
    </select>
  `,
  styleUrl: './select-field.component.scss',
})
export class SelectField {
  readonly fieldId = input.required<string>();
  readonly label = input.required<string>();
  readonly hint = input<string>();
  readonly options = input.required<readonly RadioOption[]>();
  readonly value = input<string | null>(null);
  readonly size = input<'s' | 'default'>('default');
  readonly labelHidden = input(false);
  readonly compact = input(false);

  readonly valueChange = output<string>();

  protected changed(event: Event): void {
    this.valueChange.emit((event.target as HTMLSelectElement).value);
  }
}
