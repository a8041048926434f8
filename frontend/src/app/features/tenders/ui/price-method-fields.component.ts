import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { EVALUATION_RULE_FIELDS, LotContent, PRICE_PARAMETER_FIELDS, PriceMethod, PriceParameters } from '@openbrief/contracts';
import { lotField, priceParameterField, rulesField } from '../data-access/field-ids';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { PRICE_METHOD_OPTIONS } from './editor-options';
import { RulesPatch, setLotRules } from './lot-rules';
import { NumberField } from './number-field.component';
import { PriceMethodChart } from './price-method-chart.component';
import { Radios } from './radios.component';
import { revealField } from './reveal-field';

/**
 * How price is scored in a lot: the method, only the parameters that method needs, a chart of how the score moves
 * with the price, and the threshold for abnormally low prices.
 */
@Component({
  selector: 'ob-price-method-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [NumberField, PriceMethodChart, Radios],
  template: `
    @let m = lot().evaluationModel;
    @let p = m.rules.price;
    <ob-radios
      [fieldId]="methodId()"
      legend="How price is scored"
      hint="The formula is published with the tender, so suppliers know how their price will be marked."
      [options]="options"
      [value]="m.priceMethod"
      [error]="store.errorFor(methodId())"
      (valueChange)="setMethod($event)"
    />

    @switch (m.priceMethod) {
      @case (methods.LinearBudgetToFloor) {
        <div class="parameters">
          <ob-number-field
            [fieldId]="parameterId('ceilingPrice')"
            [label]="fields.ceilingPrice.label"
            [hint]="ceilingHint()"
            [optional]="true"
            prefix="£"
            [grouping]="true"
            [value]="p.ceilingPrice"
            [error]="store.errorFor(parameterId('ceilingPrice'))"
            (valueChange)="setPrice({ ceilingPrice: $event })"
          />
          <ob-number-field
            [fieldId]="parameterId('floorPrice')"
            [label]="fields.floorPrice.label"
            [hint]="fields.floorPrice.hint"
            [optional]="true"
            prefix="£"
            [grouping]="true"
            [value]="p.floorPrice"
            [error]="store.errorFor(parameterId('floorPrice'))"
            (valueChange)="setPrice({ floorPrice: $event })"
          />
        </div>
      }
      @case (methods.Logarithmic) {
        <div class="parameters">
          <ob-number-field
            [fieldId]="parameterId('logRatio')"
            [label]="fields.logRatio.label"
            [hint]="fields.logRatio.hint + ' With 2, a price 41% above the lowest gets half the marks.'"
            width="4"
            [value]="p.logRatio"
            [error]="store.errorFor(parameterId('logRatio'))"
            (valueChange)="setPrice({ logRatio: required($event) })"
          />
        </div>
      }
      @case (methods.WholeLifeCost) {
        <div class="parameters">
          <ob-number-field
            [fieldId]="parameterId('discountRatePercent')"
            [label]="fields.discountRatePercent.label"
            [hint]="fields.discountRatePercent.hint"
            width="4"
            [value]="p.discountRatePercent"
            [error]="store.errorFor(parameterId('discountRatePercent'))"
            (valueChange)="setPrice({ discountRatePercent: required($event) })"
          />
          @if (lengthMonths() === null) {
            <p class="parameters__note" role="note">
              Whole-life cost counts recurring costs over the contract length, which is not set yet. Enter it under
              <a href="#contract-length" (click)="goToLength($event)">Budget and contract</a>.
            </p>
          }
        </div>
      }
    }

    <ob-price-method-chart [chartId]="chartId()" [method]="m.priceMethod" [parameters]="p" [budgetMax]="budgetMax()" />

    <ob-number-field
      [fieldId]="abnormallyLowId()"
      [label]="ruleFields.abnormallyLowPercent.label"
      [hint]="ruleFields.abnormallyLowPercent.hint"
      width="3"
      [decimals]="false"
      [value]="m.rules.abnormallyLowPercent"
      [error]="store.errorFor(abnormallyLowId())"
      (valueChange)="setRules({ abnormallyLowPercent: required($event) })"
    />
  `,
  styles: `
    :host {
      display: block;
    }

    // Parameters belong to the method chosen above them: indented, as GOV.UK reveals conditional questions.
    .parameters {
      margin: -0.75rem 0 1.75rem 1.1875rem;
      padding-left: 1.9375rem;
      border-left: 4px solid var(--ob-border, #b1b4b6);
    }

    .parameters__note {
      max-width: 36rem;
      margin: 0 0 1rem;
      font-size: 1rem;
    }
  `,
})
export class PriceMethodFields {
  readonly lot = input.required<LotContent>();

  protected readonly store = inject(TenderEditorStore);
  protected readonly options = PRICE_METHOD_OPTIONS;
  protected readonly methods = PriceMethod;
  protected readonly fields = PRICE_PARAMETER_FIELDS;
  protected readonly ruleFields = EVALUATION_RULE_FIELDS;

  protected readonly methodId = computed(() => lotField(this.lot().id, 'price-method'));
  protected readonly chartId = computed(() => `lot-${this.lot().id}-price-chart`);
  protected readonly abnormallyLowId = computed(() => rulesField(this.lot().id, 'abnormallyLowPercent'));
  protected readonly budgetMax = computed(() => this.store.content()?.budget.max ?? null);
  protected readonly lengthMonths = computed(() => this.store.content()?.contract.lengthMonths ?? null);
  protected readonly ceilingHint = computed(() => {
    const max = this.budgetMax();
    const budget = max !== null && Number.isFinite(max) ? `, now £${max.toLocaleString('en-GB')}` : ', which is not set yet';
    return `${PRICE_PARAMETER_FIELDS.ceilingPrice.hint.replace(/\.$/, '')}${budget}.`;
  });

  protected parameterId(key: keyof PriceParameters): string {
    return priceParameterField(this.lot().id, key);
  }

  protected setMethod(value: string): void {
    this.store.setModel(this.lot().id, { priceMethod: value as PriceMethod });
  }

  protected setPrice(patch: Partial<PriceParameters>): void {
    this.setRules({ price: patch });
  }

  protected setRules(patch: RulesPatch): void {
    setLotRules(this.store, this.lot().id, patch);
  }

  protected goToLength(event: Event): void {
    event.preventDefault();
    revealField('contract-length');
  }

  /** An emptied box is not a number: the editor says so instead of quietly keeping the old one. */
  protected required(value: number | null): number {
    return value ?? Number.NaN;
  }
}
