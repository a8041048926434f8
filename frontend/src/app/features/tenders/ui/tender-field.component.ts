import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { FindingJustification, TENDER_FIELDS, TenderFieldName, TenderFieldSpec, checkedTextKey } from '@openbrief/contracts';
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
        [optional]="f.optional"
        [pageHeading]="pageHeading()"
        [error]="error()"
        [requirementId]="checkKey()"
        [estimatedValue]="estimatedValue()"
        [justifications]="justifications()"
        [rows]="f.rows || 2"
        [maxLength]="f.limit"
        [ngModel]="value() ?? ''"
        (ngModelChange)="valueChange.emit($event)"
        (justify)="justify.emit($event)"
      />
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
  /**
   * For a checked field: the requirement, lot or criterion it belongs to (none for the tender's own texts such
   * as the problem), and what the checker weighs findings against.
   */
  readonly requirementId = input<string>();
  readonly estimatedValue = input<number | null>(null);
  readonly justifications = input<FindingJustification[]>([]);

  readonly valueChange = output<string>();
  readonly justify = output<FindingJustification>();

  protected readonly spec = computed<TenderFieldSpec>(() => TENDER_FIELDS[this.name()]);
  /**
   * Whom a justification is for: an outcome's is its requirement's id (the checker reads outcomes as requirements);
   * any other checked text's is its key in contracts' checkedTexts (`problem`, `<requirement id>/measure`), as the server reads it.
   */
  protected readonly checkKey = computed(() => {
    const owner = this.requirementId();
    return this.name() === 'outcome' ? owner : checkedTextKey(this.name(), owner);
  });
  protected readonly label = computed(() => {
    const f = this.spec();
    return this.pageHeading() ? (f.question ?? f.label) : f.label;
  });
}
