import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { EVALUATION_RULE_FIELDS, EvaluationRules, LotContent } from '@openbrief/contracts';
import { scaleMaximum } from '../data-access/content-ops';
import { RulesPart, rulesField } from '../data-access/field-ids';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { CheckboxField } from './checkbox-field.component';
import { TIE_BREAK_OPTIONS } from './editor-options';
import { setLotRules } from './lot-rules';
import { NumberField } from './number-field.component';
import { Radios } from './radios.component';

/**
 * How a lot's panel works and how close results are settled: blind marking, prices hidden until moderation,
 * justifications, the spread that needs moderation, the tie-break rule and the near-tie margin. Published with the tender.
 */
@Component({
  selector: 'ob-evaluation-rules-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CheckboxField, NumberField, Radios],
  template: `
    @let r = rules();
    <div class="part">
      @if (headingLevel() === 3) {
        <h3 class="part__title">How the panel works</h3>
      } @else {
        <h4 class="part__title">How the panel works</h4>
      }
      <ob-checkbox-field
        [fieldId]="id('blindMarking')"
        [label]="fields.blindMarking.label"
        [hint]="fields.blindMarking.hint"
        [value]="r.blindMarking"
        [error]="store.errorFor(id('blindMarking'))"
        (valueChange)="set({ blindMarking: $event })"
      />
      <ob-checkbox-field
        [fieldId]="id('priceHiddenUntilModerated')"
        [label]="fields.priceHiddenUntilModerated.label"
        [hint]="fields.priceHiddenUntilModerated.hint"
        [value]="r.priceHiddenUntilModerated"
        [error]="store.errorFor(id('priceHiddenUntilModerated'))"
        (valueChange)="set({ priceHiddenUntilModerated: $event })"
      />
      <ob-number-field
        [fieldId]="id('minJustificationChars')"
        [label]="fields.minJustificationChars.label"
        [hint]="fields.minJustificationChars.hint"
        width="4"
        [decimals]="false"
        [value]="r.minJustificationChars"
        [error]="store.errorFor(id('minJustificationChars'))"
        (valueChange)="set({ minJustificationChars: required($event) })"
      />
      <ob-number-field
        [fieldId]="id('moderationSpread')"
        [label]="fields.moderationSpread.label"
        [hint]="spreadHint()"
        [optional]="true"
        width="4"
        [decimals]="false"
        [value]="r.moderationSpread"
        [error]="store.errorFor(id('moderationSpread'))"
        (valueChange)="set({ moderationSpread: $event })"
      />
    </div>

    <div class="part">
      @if (headingLevel() === 3) {
        <h3 class="part__title">Ties and close results</h3>
      } @else {
        <h4 class="part__title">Ties and close results</h4>
      }
      <ob-radios
        [fieldId]="id('tieBreak')"
        [legend]="fields.tieBreak.label"
        [hint]="fields.tieBreak.hint"
        [options]="tieOptions"
        [value]="r.tieBreak"
        [error]="store.errorFor(id('tieBreak'))"
        (valueChange)="set({ tieBreak: $any($event) })"
      />
      <ob-number-field
        [fieldId]="id('nearTieMargin')"
        [label]="fields.nearTieMargin.label"
        [hint]="fields.nearTieMargin.hint"
        width="4"
        [value]="r.nearTieMargin"
        [error]="store.errorFor(id('nearTieMargin'))"
        (valueChange)="set({ nearTieMargin: required($event) })"
      />
    </div>
  `,
  styleUrl: './evaluation-editor.component.scss',
})
export class EvaluationRulesFields {
  readonly lot = input.required<LotContent>();
  readonly headingLevel = input<3 | 4>(3);

  protected readonly store = inject(TenderEditorStore);
  protected readonly fields = EVALUATION_RULE_FIELDS;
  protected readonly tieOptions = TIE_BREAK_OPTIONS;
  protected readonly rules = computed(() => this.lot().evaluationModel.rules);
  protected readonly spreadHint = computed(() => {
    const max = scaleMaximum(this.lot().evaluationModel.scale);
    const { min, max: most } = EVALUATION_RULE_FIELDS.moderationSpread;
    return (
      'Individual scores this far apart are flagged for discussion. ' +
      `Leave empty for half the scale (${max / 2} on this 0 to ${max} scale), or give a whole number from ${min} to ${most}.`
    );
  });

  protected id(key: RulesPart): string {
    return rulesField(this.lot().id, key);
  }

  protected set(patch: Partial<Omit<EvaluationRules, 'price'>>): void {
    setLotRules(this.store, this.lot().id, patch);
  }

  /** An emptied box is not a number: the editor says so instead of quietly keeping the old one. */
  protected required(value: number | null): number {
    return value ?? Number.NaN;
  }
}
