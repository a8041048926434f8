import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RESPONSE_RULE_FIELDS, ResponseRules } from '@openbrief/contracts';
import { responseRuleField } from '../data-access/field-ids';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { CheckboxField } from './checkbox-field.component';
import { NumberField } from './number-field.component';

/**
 * "How suppliers respond": attachments (whether, how many, how large) and two-person opening. Both editors
 * show this one component, with the words of RESPONSE_RULE_FIELDS, which the tender pack uses too.
 */
@Component({
  selector: 'ob-response-rules-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [CheckboxField, NumberField],
  template: `
    @let r = rules();
    <ob-checkbox-field
      [fieldId]="id('attachmentsAllowed')"
      [label]="fields.attachmentsAllowed.label"
      [hint]="fields.attachmentsAllowed.hint"
      [value]="r.attachmentsAllowed"
      [error]="store.errorFor(id('attachmentsAllowed'))"
      (valueChange)="set({ attachmentsAllowed: $event })"
    />
    @if (r.attachmentsAllowed) {
      <div class="limits">
        <ob-number-field
          [fieldId]="id('maxAttachments')"
          [label]="fields.maxAttachments.label"
          [hint]="fields.maxAttachments.hint"
          width="3"
          [decimals]="false"
          [value]="r.maxAttachments"
          [error]="store.errorFor(id('maxAttachments'))"
          (valueChange)="setNumber('maxAttachments', $event)"
        />
        <ob-number-field
          [fieldId]="id('maxAttachmentMb')"
          [label]="fields.maxAttachmentMb.label"
          [hint]="fields.maxAttachmentMb.hint"
          width="3"
          suffix="MB"
          [decimals]="false"
          [value]="r.maxAttachmentMb"
          [error]="store.errorFor(id('maxAttachmentMb'))"
          (valueChange)="setNumber('maxAttachmentMb', $event)"
        />
      </div>
    }
    <ob-checkbox-field
      [fieldId]="id('twoPersonOpening')"
      [label]="fields.twoPersonOpening.label"
      [hint]="fields.twoPersonOpening.hint"
      [value]="r.twoPersonOpening"
      [error]="store.errorFor(id('twoPersonOpening'))"
      (valueChange)="set({ twoPersonOpening: $event })"
    />
  `,
  styles: `
    :host {
      display: block;
    }

    // The numbers belong to the checkbox above them: indented under it, as GOV.UK reveals conditional questions.
    .limits {
      margin: -0.75rem 0 1.75rem 1.1875rem;
      padding-left: 1.9375rem;
      border-left: 4px solid var(--ob-border, #b1b4b6);
    }
  `,
})
export class ResponseRulesFields {
  protected readonly store = inject(TenderEditorStore);
  protected readonly fields = RESPONSE_RULE_FIELDS;
  protected readonly id = responseRuleField;
  protected readonly rules = computed(() => this.store.content()!.responseRules);

  protected set(patch: Partial<ResponseRules>): void {
    this.store.setResponseRules(patch);
  }

  /** An emptied box is not a number: the editor says so (responseRuleProblems) instead of quietly keeping the old one. */
  protected setNumber(key: 'maxAttachments' | 'maxAttachmentMb', value: number | null): void {
    this.store.setResponseRules({ [key]: value ?? Number.NaN });
  }
}
