import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { CriterionType, LotContent, ScoringScale, ScaleDescriptor, TEXT_LIMITS } from '@openbrief/contracts';
import { formatPercent, overallShares, rescaleDescriptors } from '../data-access/content-ops';
import { descriptorField, lotField } from '../data-access/field-ids';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { CriteriaEditor } from './criteria-editor.component';
import { SCALE_OPTIONS, SOCIAL_VALUE_MINIMUM } from './editor-options';
import { EvaluationRulesFields } from './evaluation-rules-fields.component';
import { NumberField } from './number-field.component';
import { PriceMethodFields } from './price-method-fields.component';
import { SelectField } from './select-field.component';
import { TextField } from './text-field.component';

/** How one lot's bids are scored: criteria and weights, scale, minimum quality, price method, and the panel's rules. */
@Component({
  selector: 'ob-evaluation-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CriteriaEditor, EvaluationRulesFields, NumberField, PriceMethodFields, SelectField, TextField],
  template: `
    @let l = lot();
    @let m = l.evaluationModel;
    <div class="part">
      @if (headingLevel() === 3) {
        <h3 class="part__title">Criteria and weights</h3>
      } @else {
        <h4 class="part__title">Criteria and weights</h4>
      }
      <p class="part__hint">
        Give each criterion a weight. At each level the weights must add up to 100%: sub-criteria share out their parent’s weight.
      </p>
      <ob-criteria-editor [lot]="l" [lotNumber]="lotNumber()" />
      @if (socialValueShare() < socialValueMinimum && m.criteria.length) {
        <div class="warning" role="note">
          <strong class="warning__title">Social value is {{ percent(socialValueShare()) }} of the total score</strong>
          <p class="warning__text">
            Government guidance (PPN 06/20, now PPN 002) says to give social value at least
            {{ socialValueMinimum }}% of the total score, so it can make a real difference to who wins.
          </p>
        </div>
      }
    </div>

    <div class="part">
      @if (headingLevel() === 3) {
        <h3 class="part__title">Scoring scale</h3>
      } @else {
        <h4 class="part__title">Scoring scale</h4>
      }
      <ob-select-field
        [fieldId]="scaleId()"
        label="Scale evaluators use for each quality answer"
        size="s"
        [options]="scaleOptions"
        [value]="m.scale"
        (valueChange)="setScale($event)"
      />
      <table class="scale">
        <caption class="scale__caption">
          What each score means
        </caption>
        <thead>
          <tr>
            <th scope="col">Score</th>
            <th scope="col">Label</th>
            <th scope="col">What an answer needs</th>
          </tr>
        </thead>
        <tbody>
          @for (d of m.descriptors; track $index; let i = $index) {
            <tr>
              <th scope="row" class="scale__score">{{ d.score }}</th>
              <td class="scale__label">
                <ob-text-field
                  [fieldId]="descriptor(i, 'label')"
                  [label]="'Label for score ' + d.score"
                  [labelHidden]="true"
                  [compact]="true"
                  [maxLength]="limits.label"
                  [value]="d.label"
                  [error]="store.errorFor(descriptor(i, 'label'))"
                  (valueChange)="setDescriptor(i, { label: $event })"
                />
              </td>
              <td>
                <ob-text-field
                  [fieldId]="descriptor(i, 'description')"
                  [label]="'What an answer needs to score ' + d.score"
                  [labelHidden]="true"
                  [compact]="true"
                  [rows]="2"
                  [maxLength]="limits.description"
                  [value]="d.description"
                  [error]="store.errorFor(descriptor(i, 'description'))"
                  (valueChange)="setDescriptor(i, { description: $event })"
                />
              </td>
            </tr>
          }
        </tbody>
      </table>
      <ob-number-field
        [fieldId]="minQualityId()"
        label="Minimum quality score"
        hint="Bids scoring below this share of the quality marks are not taken further. Leave empty for no minimum."
        [optional]="true"
        suffix="%"
        width="4"
        [decimals]="false"
        [value]="m.minimumQualityPercent"
        [error]="store.errorFor(minQualityId())"
        (valueChange)="store.setModel(l.id, { minimumQualityPercent: $event })"
      />
    </div>

    <div class="part">
      @if (headingLevel() === 3) {
        <h3 class="part__title">Price</h3>
      } @else {
        <h4 class="part__title">Price</h4>
      }
      <ob-price-method-fields [lot]="l" />
    </div>

    <ob-evaluation-rules-fields [lot]="l" [headingLevel]="headingLevel()" />
  `,
  styleUrl: './evaluation-editor.component.scss',
})
export class EvaluationEditor {
  readonly lot = input.required<LotContent>();
  readonly lotNumber = input.required<number>();
  readonly headingLevel = input<3 | 4>(3);

  protected readonly store = inject(TenderEditorStore);
  protected readonly scaleOptions = SCALE_OPTIONS;
  protected readonly limits = TEXT_LIMITS.scaleDescriptor;
  protected readonly socialValueMinimum = SOCIAL_VALUE_MINIMUM;
  protected readonly percent = formatPercent;

  protected readonly scaleId = computed(() => lotField(this.lot().id, 'scale'));
  protected readonly minQualityId = computed(() => lotField(this.lot().id, 'min-quality'));

  /** Social value's share of the whole score (criteria of that type not inside another social value criterion). */
  protected readonly socialValueShare = computed(() => {
    const criteria = this.lot().evaluationModel.criteria;
    const shares = overallShares(criteria);
    const types = new Map(criteria.map((c) => [c.id, c.type]));
    return criteria
      .filter((c) => c.type === CriterionType.SocialValue && (!c.parentId || types.get(c.parentId) !== CriterionType.SocialValue))
      .reduce((sum, c) => sum + (shares.get(c.id) ?? 0), 0);
  });

  protected descriptor(index: number, part: 'label' | 'description'): string {
    return descriptorField(this.lot().id, index, part);
  }

  protected setScale(value: string): void {
    const model = this.lot().evaluationModel;
    const scale = value as ScoringScale;
    this.store.setModel(this.lot().id, { scale, descriptors: rescaleDescriptors(model.descriptors, model.scale, scale) });
  }

  protected setDescriptor(index: number, patch: Partial<ScaleDescriptor>): void {
    const descriptors = this.lot().evaluationModel.descriptors.map((d, i) => (i === index ? { ...d, ...patch } : d));
    this.store.setModel(this.lot().id, { descriptors });
  }
}
