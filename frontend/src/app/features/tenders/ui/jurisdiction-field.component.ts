import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { JURISDICTION_FIELD, Jurisdiction } from '@openbrief/contracts';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { JURISDICTION_OPTIONS } from './editor-options';
import { SelectField } from './select-field.component';

/** Whose law governs the contract: it sets the bank holidays skipped when the standstill's working days are counted. */
@Component({
  selector: 'ob-jurisdiction-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [SelectField],
  template: `
    <ob-select-field
      fieldId="jurisdiction"
      [label]="field.label"
      [hint]="field.hint"
      [options]="options"
      [value]="value()"
      (valueChange)="store.setContract({ jurisdiction: $any($event) })"
    />
  `,
  styles: `
    :host {
      display: block;
    }
  `,
})
export class JurisdictionField {
  protected readonly store = inject(TenderEditorStore);
  protected readonly field = JURISDICTION_FIELD;
  protected readonly options = JURISDICTION_OPTIONS;
  protected readonly value = computed(() => this.store.content()?.contract.jurisdiction ?? Jurisdiction.EnglandAndWales);
}
