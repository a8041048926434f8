import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/** A GOV.UK-style single checkbox: a large target, its label beside it and a one-line hint read with it. */
@Component({
  selector: 'ob-checkbox-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.tf--error]': '!!error()' },
  template: `
    @if (error()) {
      <p class="tf-error" [id]="fieldId() + '-error'"><span class="visually-hidden">Error: </span>{{ error() }}</p>
    }
    <div class="check">
      <input
        class="check__input"
        type="checkbox"
        [id]="fieldId()"
        [checked]="value()"
        [attr.aria-describedby]="describedBy()"
        [attr.aria-invalid]="error() ? 'true' : null"
        (change)="valueChange.emit($any($event.target).checked)"
      />
      <label class="check__label" [for]="fieldId()">{{ label() }}</label>
      @if (hint()) {
        <div class="tf-hint check__hint" [id]="fieldId() + '-hint'">{{ hint() }}</div>
      }
    </div>
  `,
  styleUrl: './checkbox-field.component.scss',
})
export class CheckboxField {
  readonly fieldId = input.required<string>();
  readonly label = input.required<string>();
  readonly hint = input<string>();
  readonly value = input(false);
  readonly error = input<string>('');
  readonly valueChange = output<boolean>();

  protected describedBy(): string | null {
    const ids = [this.hint() ? `${this.fieldId()}-hint` : '', this.error() ? `${this.fieldId()}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : null;
  }
}
