import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import {
  ITL_REGIONS,
  type ItlRegion,
  MAIN_CATEGORY_FIELD,
  PROCUREMENT_CATEGORY_LABELS,
  ProcurementCategory,
  REGIONS_FIELD,
} from '@openbrief/contracts';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { CheckboxField } from './checkbox-field.component';
import { RadioOption } from './radios.component';
import { SelectField } from './select-field.component';

const CATEGORY_OPTIONS: readonly RadioOption[] = Object.values(ProcurementCategory).map((value) => ({
  value,
  label: PROCUREMENT_CATEGORY_LABELS[value],
}));

/**
 * What is mainly bought and where the work is delivered: the two things suppliers filter the public list by
 * (and the open data's mainProcurementCategory and delivery regions). The guided questions and the full editor
 * both show this. The first region's checkbox carries the group's id, so error links land on the group.
 */
@Component({
  selector: 'ob-classification-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CheckboxField, SelectField],
  host: { '[class.tf--error]': '!!regionsError()' },
  template: `
    <ob-select-field
      fieldId="main-category"
      [label]="category.label"
      [hint]="category.hint"
      [options]="categoryOptions"
      [value]="mainCategory()"
      (valueChange)="setCategory($event)"
    />
    <fieldset class="tf-fieldset regions" [attr.aria-describedby]="describedBy()">
      <legend class="tf-legend">{{ regionsField.label }} <span class="tf-optional">(optional)</span></legend>
      <div class="tf-hint" id="regions-hint">{{ regionsField.hint }}</div>
      @if (regionsError()) {
        <p class="tf-error" id="regions-error"><span class="visually-hidden">Error: </span>{{ regionsError() }}</p>
      }
      <div class="regions__list">
        @for (region of regions; track region.code; let first = $first) {
          <ob-checkbox-field
            [fieldId]="first ? 'regions' : 'regions-' + region.code"
            [label]="region.name"
            [value]="chosen().has(region.code)"
            (valueChange)="toggle(region.code, $event)"
          />
        }
      </div>
      <p class="regions__summary" aria-live="polite">{{ summary() }}</p>
    </fieldset>
  `,
  styles: `
    @use 'field-base';

    :host {
      display: block;
    }

    .tf-fieldset {
      min-width: 0;
      margin: 0 0 1.5rem;
      padding: 0;
      border: 0;
    }

    .tf-legend {
      margin-bottom: 0.5rem;
      padding: 0;
      font-weight: 700;
      font-size: 1.1875rem;
      line-height: 1.3;
    }

    .regions__list {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 0.625rem 1.5rem;
    }

    @media (min-width: 40rem) {
      .regions__list {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
    }

    .regions__summary {
      margin: 0.75rem 0 0;
    }
  `,
})
export class ClassificationFields {
  protected readonly store = inject(TenderEditorStore);
  protected readonly category = MAIN_CATEGORY_FIELD;
  protected readonly regionsField = REGIONS_FIELD;
  protected readonly categoryOptions = CATEGORY_OPTIONS;
  protected readonly regions = ITL_REGIONS;

  protected readonly mainCategory = computed(() => this.store.content()?.mainCategory ?? ProcurementCategory.Services);
  protected readonly chosen = computed(() => new Set<string>(this.store.content()?.regions ?? []));
  protected readonly regionsError = computed(() => this.store.errorFor('regions'));
  protected readonly describedBy = computed(() => (this.regionsError() ? 'regions-hint regions-error' : 'regions-hint'));
  /** Read back after each tick (and by screen readers, politely), so "none" is never mistaken for "not answered". */
  protected readonly summary = computed(() => {
    const chosen = this.chosen();
    if (!chosen.size) return 'None ticked: the work can be delivered anywhere in the UK.';
    return `${chosen.size} of ${ITL_REGIONS.length} ticked.`;
  });

  protected setCategory(value: string): void {
    this.store.patch({ mainCategory: value as ProcurementCategory });
  }

  /** Kept in the ITL order, whatever order they were ticked in, so the same choice always reads the same. */
  protected toggle(code: ItlRegion, on: boolean): void {
    const chosen = new Set<string>(this.chosen());
    if (on) chosen.add(code);
    else chosen.delete(code);
    this.store.patch({ regions: ITL_REGIONS.filter((r) => chosen.has(r.code)).map((r) => r.code) });
  }
}
