import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { LiveTextDirective } from './live-text.directive';

/**
 * A labelled text input or textarea in the GOV.UK pattern: label, hint, error message, then the
 * control, with a character count once the text nears its limit. The control's id is `fieldId`,
 * so error summaries can link straight to it.
 */
@Component({
  selector: 'ob-text-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LiveTextDirective],
  host: { '[class.tf--error]': '!!error()', '[class.tf--compact]': 'compact()' },
  template: `
    @if (pageHeading()) {
      <h1 class="tf-heading">
        <label class="tf-label tf-label--l" [for]="fieldId()">{{ label() }}</label>
      </h1>
    } @else {
      <label
        class="tf-label"
        [class.visually-hidden]="labelHidden()"
        [class.tf-label--s]="size() === 's'"
        [class.tf-label--m]="size() === 'm'"
        [for]="fieldId()"
        >{{ label() }}
        @if (optional()) {
          <span class="tf-optional"> (optional)</span>
        }
      </label>
    }
    @if (hint()) {
      <div class="tf-hint" [id]="fieldId() + '-hint'">{{ hint() }}</div>
    }
    @if (error()) {
      <p class="tf-error" [id]="fieldId() + '-error'"><span class="visually-hidden">Error: </span>{{ error() }}</p>
    }
    @if (rows()) {
      <textarea
        class="tf-control tf-textarea"
        [id]="fieldId()"
        [obLiveText]="fieldId()"
        [rows]="rows()"
        [style.min-height.em]="rows() * 1.4 + 0.9"
        [value]="value() ?? ''"
        [attr.aria-describedby]="describedBy()"
        [attr.aria-invalid]="invalid()"
        [attr.spellcheck]="spellcheck()"
        (input)="changed($event)"
      ></textarea>
    } @else {
      <input
        class="tf-control"
        [class]="'tf-width-' + width()"
        [id]="fieldId()"
        [obLiveText]="fieldId()"
        [type]="type()"
        [value]="value() ?? ''"
        [attr.autocomplete]="autocomplete()"
        [attr.list]="suggestions().length ? fieldId() + '-list' : null"
        [attr.spellcheck]="spellcheck()"
        [attr.aria-describedby]="describedBy()"
        [attr.aria-invalid]="invalid()"
        (input)="changed($event)"
      />
    }
    @if (suggestions().length) {
      <datalist [id]="fieldId() + '-list'">
        @for (suggestion of suggestions(); track suggestion) {
          <option [value]="suggestion"></option>
        }
      </datalist>
    }
    @if (showCount()) {
      <div class="tf-count" [class.tf-count--over]="remaining() < 0" [id]="fieldId() + '-count'" aria-hidden="true">
        {{ countMessage() }}
      </div>
      <div class="visually-hidden" aria-live="polite">{{ announcedCount() }}</div>
    }
  `,
  styleUrl: './text-field.component.scss',
})
export class TextField {
  readonly fieldId = input.required<string>();
  readonly label = input.required<string>();
  readonly hint = input<string>();
  readonly value = input<string | null>('');
  readonly error = input<string>('');
  /** Textarea rows; 0 makes a single-line input. */
  readonly rows = input(0);
  readonly maxLength = input<number>();
  readonly type = input<'text' | 'email' | 'tel'>('text');
  readonly width = input<'full' | '20' | '10' | '5'>('full');
  readonly size = input<'s' | 'default' | 'm'>('default');
  readonly autocomplete = input<string>();
  readonly spellcheck = input<boolean | null>(null);
  readonly optional = input(false);
  /** GOV.UK question page: the label is the page's h1. */
  readonly pageHeading = input(false);
  readonly compact = input(false);
  readonly labelHidden = input(false);
  /** Earlier answers offered as the buyer types (a datalist). */
  readonly suggestions = input<readonly string[]>([]);

  readonly valueChange = output<string>();

  protected readonly length = computed(() => (this.value() ?? '').length);
  protected readonly remaining = computed(() => (this.maxLength() ?? Infinity) - this.length());
  protected readonly showCount = computed(() => {
    const max = this.maxLength();
    return !!max && this.length() >= max * 0.8;
  });
  protected readonly countMessage = computed(() => countText(this.remaining()));
  /** Screen readers hear the count only after a pause in typing. */
  protected readonly announcedCount = signal('');
  private countTimer: ReturnType<typeof setTimeout> | undefined;

  protected readonly invalid = computed(() => (this.error() || this.remaining() < 0 ? 'true' : null));
  protected readonly describedBy = computed(() => {
    const id = this.fieldId();
    const ids = [this.hint() ? `${id}-hint` : '', this.error() ? `${id}-error` : '', this.showCount() ? `${id}-count` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : null;
  });

  protected changed(event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement).value;
    this.valueChange.emit(value);
    const max = this.maxLength();
    if (!max) return;
    clearTimeout(this.countTimer);
    this.countTimer = setTimeout(() => {
      this.announcedCount.set(value.length >= max * 0.8 ? countText(max - value.length) : '');
    }, 1000);
  }
}

function countText(remaining: number): string {
  const n = Math.abs(remaining).toLocaleString('en-GB');
  const unit = Math.abs(remaining) === 1 ? 'character' : 'characters';
  return remaining >= 0 ? `You have ${n} ${unit} remaining` : `You have ${n} ${unit} too many`;
}
