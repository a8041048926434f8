import { ChangeDetectionStrategy, Component, ElementRef, computed, effect, input, output, viewChild } from '@angular/core';

/** "£250,000", "30%", " 1 500 " → number; empty → null; anything else → NaN (shown as an error). */
export function parseNumber(text: string): number | null {
  const cleaned = text.replace(/[£,%\s]/g, '');
  if (!cleaned) return null;
  return /^-?\d*\.?\d+$|^-?\d+\.$/.test(cleaned) ? Number(cleaned) : NaN;
}

/**
 * A number typed as text (GOV.UK advice: no spinner buttons), with an optional prefix such as £
 * or suffix such as %. What the buyer types stays as typed until it leaves the field, so a value
 * that cannot be read is kept for them to correct, and reported as NaN.
 */
@Component({
  selector: 'ob-number-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[class.tf--error]': '!!error() && !compact()', '[class.tf--compact]': 'compact()' },
  template: `
    <label class="tf-label" [class.visually-hidden]="labelHidden()" [class.tf-label--s]="size() === 's'" [for]="fieldId()"
      >{{ label() }}
      @if (optional()) {
        <span class="tf-optional"> (optional)</span>
      }
    </label>
    @if (hint()) {
      <div class="tf-hint" [id]="fieldId() + '-hint'">{{ hint() }}</div>
    }
    @if (error() && !compact()) {
      <p class="tf-error" [id]="fieldId() + '-error'"><span class="visually-hidden">Error: </span>{{ error() }}</p>
    }
    <div class="tf-affix">
      @if (prefix()) {
        <span class="tf-prefix" aria-hidden="true">{{ prefix() }}</span>
      }
      <input
        #control
        class="tf-control"
        [class]="'tf-width-' + width()"
        type="text"
        [id]="fieldId()"
        [attr.inputmode]="decimals() ? 'decimal' : 'numeric'"
        autocomplete="off"
        spellcheck="false"
        [attr.aria-describedby]="describedBy()"
        [attr.aria-invalid]="error() || invalid() ? 'true' : null"
        (input)="changed($event)"
        (blur)="tidy()"
      />
      @if (suffix()) {
        <span class="tf-suffix" aria-hidden="true">{{ suffix() }}</span>
      }
    </div>
  `,
  styleUrl: './number-field.component.scss',
})
export class NumberField {
  readonly fieldId = input.required<string>();
  readonly label = input.required<string>();
  readonly hint = input<string>();
  readonly value = input<number | null>(null);
  readonly error = input<string>('');
  readonly prefix = input<string>();
  readonly suffix = input<string>();
  readonly decimals = input(true);
  /** Show thousands separators once the buyer leaves the field (for money). */
  readonly grouping = input(false);
  readonly width = input<'10' | '5' | '4' | '3'>('10');
  readonly size = input<'s' | 'default'>('default');
  readonly labelHidden = input(false);
  readonly optional = input(false);
  /** Inside a table-like row: no spacing or error bar of its own (the row shows the error). */
  readonly compact = input(false);
  /** Invalid because of something shown elsewhere (for example, weights that do not add up). */
  readonly invalid = input(false);
  /** Ids of elements outside the field that describe it (for example, a row's error message). */
  readonly describedByExtra = input<string | null>(null);

  readonly valueChange = output<number | null>();

  private readonly control = viewChild.required<ElementRef<HTMLInputElement>>('control');

  protected readonly describedBy = computed(() => {
    const id = this.fieldId();
    const ids = [
      this.hint() ? `${id}-hint` : '',
      this.error() && !this.compact() ? `${id}-error` : '',
      this.describedByExtra() ?? '',
    ].filter(Boolean);
    return ids.length ? ids.join(' ') : null;
  });

  constructor() {
    // Writes the value into the box only when it differs from what is typed there.
    effect(() => {
      const value = this.value();
      const element = this.control().nativeElement;
      if (!Object.is(parseNumber(element.value), value)) element.value = this.format(value);
    });
  }

  protected changed(event: Event): void {
    this.valueChange.emit(parseNumber((event.target as HTMLInputElement).value));
  }

  protected tidy(): void {
    const element = this.control().nativeElement;
    const value = parseNumber(element.value);
    if (value !== null && Number.isFinite(value)) element.value = this.format(value);
  }

  private format(value: number | null): string {
    if (value === null || Number.isNaN(value)) return '';
    return this.grouping() ? value.toLocaleString('en-GB', { maximumFractionDigits: 2 }) : String(value);
  }
}
