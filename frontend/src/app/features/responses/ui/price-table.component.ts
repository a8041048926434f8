import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { RESPONSE_LIMITS, VatBasis } from '@openbrief/contracts';
import {
  PriceLineDraft,
  draftLineTotal,
  formatMoney,
  grandTotal,
  isBlankLine,
  priceLineProblems,
  vatBasisText,
} from '../data-access/price';
import { emptyLine } from '../data-access/response-draft';
import { fieldIds } from '../data-access/response-labels';

type LineField = 'description' | 'quantity' | 'unit' | 'unitPrice';

/**
 * The price breakdown: lines of description, quantity, unit and unit price. Line totals and the total are
 * computed (as the server computes them) and shown in the tender's currency and VAT basis, never typed.
 */
@Component({
  selector: 'ob-price-table',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'price' },
  template: `
    <p class="rf-hint">
      All prices in {{ currency() }}, {{ vatText() }}. Add a line for each thing you will charge for. Totals are worked out for you.
    </p>
    @if (missing()) {
      <p class="rf-error" id="price-lines-error"><span class="visually-hidden">Error: </span>Add at least one price line</p>
    }
    <div class="price__lines" [id]="priceId" tabindex="-1" [attr.aria-describedby]="missing() ? 'price-lines-error' : null">
      @for (line of lines(); track line.key; let i = $index) {
        <fieldset class="price__line">
          <legend class="price__legend">Line {{ i + 1 }}</legend>
          <div class="price__field price__field--description">
            <label class="price__label" [for]="id(line, 'description')">Description</label>
            @if (error(line, 'description'); as message) {
              <p class="rf-error" [id]="id(line, 'description') + '-error'">{{ message }}</p>
            }
            <input
              class="rf-control"
              type="text"
              [id]="id(line, 'description')"
              [value]="line.description"
              [readOnly]="!editable()"
              [attr.aria-invalid]="error(line, 'description') ? 'true' : null"
              [attr.aria-describedby]="error(line, 'description') ? id(line, 'description') + '-error' : null"
              (input)="set(i, 'description', $event)"
              (blur)="touch(line, 'description')"
            />
          </div>
          <div class="price__field">
            <label class="price__label" [for]="id(line, 'quantity')">Quantity</label>
            @if (error(line, 'quantity'); as message) {
              <p class="rf-error" [id]="id(line, 'quantity') + '-error'">{{ message }}</p>
            }
            <input
              class="rf-control"
              type="text"
              inputmode="decimal"
              autocomplete="off"
              [id]="id(line, 'quantity')"
              [value]="line.quantity"
              [readOnly]="!editable()"
              [attr.aria-invalid]="error(line, 'quantity') ? 'true' : null"
              [attr.aria-describedby]="error(line, 'quantity') ? id(line, 'quantity') + '-error' : null"
              (input)="set(i, 'quantity', $event)"
              (blur)="touch(line, 'quantity')"
            />
          </div>
          <div class="price__field">
            <label class="price__label" [for]="id(line, 'unit')">Unit <span class="price__optional">(optional)</span></label>
            @if (error(line, 'unit'); as message) {
              <p class="rf-error" [id]="id(line, 'unit') + '-error'">{{ message }}</p>
            }
            <input
              class="rf-control"
              type="text"
              placeholder="e.g. month"
              [id]="id(line, 'unit')"
              [value]="line.unit"
              [readOnly]="!editable()"
              [attr.aria-invalid]="error(line, 'unit') ? 'true' : null"
              [attr.aria-describedby]="error(line, 'unit') ? id(line, 'unit') + '-error' : null"
              (input)="set(i, 'unit', $event)"
              (blur)="touch(line, 'unit')"
            />
          </div>
          <div class="price__field">
            <label class="price__label" [for]="id(line, 'unitPrice')">Unit price ({{ currency() }})</label>
            @if (error(line, 'unitPrice'); as message) {
              <p class="rf-error" [id]="id(line, 'unitPrice') + '-error'">{{ message }}</p>
            }
            <input
              class="rf-control"
              type="text"
              inputmode="decimal"
              autocomplete="off"
              [id]="id(line, 'unitPrice')"
              [value]="line.unitPrice"
              [readOnly]="!editable()"
              [attr.aria-invalid]="error(line, 'unitPrice') ? 'true' : null"
              [attr.aria-describedby]="error(line, 'unitPrice') ? id(line, 'unitPrice') + '-error' : null"
              (input)="set(i, 'unitPrice', $event)"
              (blur)="touch(line, 'unitPrice')"
            />
          </div>
          <div class="price__field price__field--total">
            <span class="price__label" aria-hidden="true">Line total</span>
            <output class="price__total" [attr.aria-label]="'Line ' + (i + 1) + ' total'">{{ lineTotal(line) }}</output>
          </div>
          @if (editable()) {
            <button type="button" class="text-button price__remove" (click)="remove(i)">
              Remove<span class="visually-hidden"> line {{ i + 1 }}{{ line.description ? ': ' + line.description : '' }}</span>
            </button>
          }
        </fieldset>
      } @empty {
        <p class="price__empty">No price lines yet.</p>
      }
    </div>
    <p class="price__grand" id="price-total">
      Total price: <strong>{{ total() }}</strong><span class="price__basis"> ({{ vatText() }})</span>
    </p>
    <div class="visually-hidden" role="status">{{ spoken() }}</div>
    @if (editable()) {
      @if (lines().length < limits.priceLines) {
        <button type="button" class="rf-button" id="price-add" (click)="add()">Add a price line</button>
      } @else {
        <p class="rf-hint">You have the most lines a price can have ({{ limits.priceLines }}).</p>
      }
    }
  `,
  styleUrl: './price-table.component.scss',
})
export class PriceTable {
  readonly lines = input.required<readonly PriceLineDraft[]>();
  readonly currency = input('GBP');
  readonly vatBasis = input<VatBasis>(VatBasis.ExcludingVat);
  readonly editable = input(true);
  readonly missing = input(false);
  /** Show every problem, not only those of fields left (after a failed submit). */
  readonly showAllErrors = input(false);
  readonly linesChange = output<PriceLineDraft[]>();

  protected readonly limits = RESPONSE_LIMITS;
  protected readonly priceId = fieldIds.price;
  protected readonly vatText = computed(() => vatBasisText(this.vatBasis()));
  protected readonly total = computed(() => formatMoney(grandTotal(this.lines()), this.currency()));
  protected readonly spoken = signal('');
  private readonly touched = signal<ReadonlySet<string>>(new Set());

  protected id(line: PriceLineDraft, field: LineField): string {
    return fieldIds.priceLine(line.key, field);
  }

  protected lineTotal(line: PriceLineDraft): string {
    const total = draftLineTotal(line);
    return total === null ? '–' : formatMoney(total, this.currency());
  }

  /** A field's problem, once the supplier has left it (so nobody is told off mid-word). */
  protected error(line: PriceLineDraft, field: LineField): string {
    if (isBlankLine(line)) return '';
    if (!this.showAllErrors() && !this.touched().has(this.id(line, field))) return '';
    return priceLineProblems(line).find((p) => p.field === field)?.message ?? '';
  }

  protected touch(line: PriceLineDraft, field: LineField): void {
    const key = this.id(line, field);
    if (!this.touched().has(key)) this.touched.update((set) => new Set([...set, key]));
  }

  protected set(index: number, field: LineField, event: Event): void {
    const value = (event.target as HTMLInputElement).value;
    this.linesChange.emit(this.lines().map((line, i) => (i === index ? { ...line, [field]: value } : line)));
  }

  protected add(): void {
    const line = emptyLine();
    this.linesChange.emit([...this.lines(), line]);
    setTimeout(() => document.getElementById(this.id(line, 'description'))?.focus());
  }

  protected remove(index: number): void {
    const removed = this.lines()[index];
    this.linesChange.emit(this.lines().filter((_, i) => i !== index));
    this.spoken.set(`Line ${index + 1}${removed?.description ? ` (${removed.description})` : ''} removed.`);
    setTimeout(() => document.getElementById('price-add')?.focus());
  }
}
