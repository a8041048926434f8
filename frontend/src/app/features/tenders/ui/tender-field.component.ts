import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { FindingJustification, TENDER_FIELDS, TenderFieldName, TenderFieldSpec } from '@openbrief/contracts';
import { CheckedTextareaComponent } from '../check/checked-textarea.component';
import { TextField } from './text-field.component';

/**
 * One text field of a tender as the field registry (TENDER_FIELDS) describes it: its label, hint, size,
 * limit and whether the checker reads it as the buyer types. The guided questions and the full editor
 * both show fields through this, so the same field looks and behaves the same in both.
 */
@Component({
  selector: 'ob-tender-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormsModule, CheckedTextareaComponent, TextField],
  template: `
    @let f = spec();
    @if (f.checked) {
      <ob-checked-textarea
        [inputId]="fieldId()"
        [label]="label()"
        [hint]="f.hint"
        [requirementId]="requirementId()"
        [estimatedValue]="estimatedValue()"
        [justifications]="justifications()"
        [rows]="f.rows"
        [maxLength]="f.limit"
        [ngModel]="value() ?? ''"
        (ngModelChange)="valueChange.emit($event)"
        (justify)="justify.emit($event)"
      />
      @if (error()) {
        <p class="field-error" [id]="fieldId() + '-error'"><span class="visually-hidden">Error: </span>{{ error() }}</p>
      }
    } @else {
      <ob-text-field
        [fieldId]="fieldId()"
        [label]="label()"
        [hint]="f.hint"
        [optional]="f.optional"
        [rows]="f.rows"
        [maxLength]="f.limit"
        [pageHeading]="pageHeading()"
        [size]="size()"
        [width]="width()"
        [compact]="compact()"
        [suggestions]="suggestions()"
        [value]="value()"
        [error]="error()"
        (valueChange)="valueChange.emit($event)"
      />
    }
  `,
  styles: `
    :host {
      display: block;
    }
    .field-error {
      margin: -1rem 0 1rem;
      color: var(--ob-error);
      font-weight: 700;
    }
  `,
})
export class TenderField {
  /** Which field, in TENDER_FIELDS. */
  readonly name = input.required<TenderFieldName>();
  /** The control's DOM id (field-ids.ts), so error summaries and comments can link to it. */
  readonly fieldId = input.required<string>();
  readonly value = input<string | null>('');
  readonly error = input<string>('');
  /** A page of its own (the guided questions): the field's question is the page's h1. */
  readonly pageHeading = input(false);
  readonly size = input<'s' | 'default' | 'm'>('default');
  readonly width = input<'full' | '20' | '10' | '5'>('full');
  readonly compact = input(false);
  readonly suggestions = input<readonly string[]>([]);
  /** For a checked field: the requirement it belongs to, and what the checker weighs findings against. */
  readonly requirementId = input<string>();
  readonly estimatedValue = input<number | null>(null);
  readonly justifications = input<FindingJustification[]>([]);

  readonly valueChange = output<string>();
  readonly justify = output<FindingJustification>();

  protected readonly spec = computed<TenderFieldSpec>(() => TENDER_FIELDS[this.name()]);
  protected readonly label = computed(() => {
    const f = this.spec();
    return this.pageHeading() ? (f.question ?? f.label) : f.label;
  });
}
