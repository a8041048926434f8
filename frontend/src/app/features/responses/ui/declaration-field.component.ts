import { ChangeDetectionStrategy, Component, computed, input, output } from '@angular/core';
import { Declaration, RESPONSE_LIMITS } from '@openbrief/contracts';
import { DeclarationDraft } from '../data-access/response-draft';
import { fieldIds } from '../data-access/response-labels';

/** "Do you meet this requirement?" Yes or no for a pass/fail requirement, with optional evidence. */
@Component({
  selector: 'ob-declaration-field',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'declaration' },
  template: `
    <fieldset class="declaration__fieldset" [attr.aria-describedby]="missing() ? fieldId() + '-error' : null">
      <legend class="rf-label">{{ declaration().requirementOutcome }}</legend>
      <p class="rf-hint">Pass or fail: a response that does not meet this requirement cannot win.</p>
      @if (missing()) {
        <p class="rf-error" [id]="fieldId() + '-error'">
          <span class="visually-hidden">Error: </span>Say whether you meet this requirement
        </p>
      }
      <div class="declaration__choices" [id]="fieldId()">
        <label class="declaration__choice">
          <input type="radio" [name]="fieldId()" [checked]="value().meets === true" [disabled]="!editable()" (change)="choose(true)" />
          Yes, we meet it
        </label>
        <label class="declaration__choice">
          <input type="radio" [name]="fieldId()" [checked]="value().meets === false" [disabled]="!editable()" (change)="choose(false)" />
          No
        </label>
      </div>
      <label class="rf-label declaration__evidence-label" [for]="fieldId() + '-evidence'"
        >Evidence <span class="declaration__optional">(optional)</span></label
      >
      <div class="rf-hint" [id]="fieldId() + '-evidence-hint'">
        For example a certificate number or a policy, in {{ evidenceLimit.toLocaleString('en-GB') }} characters or fewer.
      </div>
      <textarea
        class="rf-control rf-textarea"
        rows="2"
        [id]="fieldId() + '-evidence'"
        [value]="value().evidence"
        [readOnly]="!editable()"
        [attr.aria-describedby]="fieldId() + '-evidence-hint'"
        [attr.aria-invalid]="value().evidence.length > evidenceLimit ? 'true' : null"
        (input)="evidence($event)"
      ></textarea>
      @if (value().evidence.length > evidenceLimit) {
        <p class="rf-error">
          {{ (value().evidence.length - evidenceLimit).toLocaleString('en-GB') }} characters too many: this evidence will not be saved
        </p>
      }
    </fieldset>
  `,
  styleUrl: './declaration-field.component.scss',
})
export class DeclarationField {
  readonly declaration = input.required<Declaration>();
  readonly value = input.required<DeclarationDraft>();
  readonly editable = input(true);
  readonly missing = input(false);
  readonly valueChange = output<DeclarationDraft>();

  protected readonly evidenceLimit = RESPONSE_LIMITS.evidenceChars;
  protected readonly fieldId = computed(() => fieldIds.declaration(this.declaration().requirementId));

  protected choose(meets: boolean): void {
    this.valueChange.emit({ ...this.value(), meets });
  }

  protected evidence(event: Event): void {
    this.valueChange.emit({ ...this.value(), evidence: (event.target as HTMLTextAreaElement).value });
  }
}
