import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { TEXT_LIMITS } from '@openbrief/contracts';
import { TenderEditorStore } from '../data-access/tender-editor.store';
import { TextField } from './text-field.component';

/** Who suppliers contact with questions; an e-mail address is needed to publish. */
@Component({
  selector: 'ob-contact-fields',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TextField],
  template: `
    @let contact = value();
    <ob-text-field
      fieldId="contact-name"
      label="Name or team"
      hint="For example, “Procurement team” or a named person."
      [optional]="true"
      autocomplete="off"
      [maxLength]="limits.name"
      [value]="contact.name"
      [error]="store.errorFor('contact-name')"
      (valueChange)="store.setContact({ name: $event })"
    />
    <ob-text-field
      fieldId="contact-email"
      label="E-mail address"
      hint="Needed to publish. Use a shared inbox that is checked every day, not a personal address."
      type="email"
      autocomplete="off"
      [spellcheck]="false"
      [maxLength]="limits.email"
      [value]="contact.email"
      [error]="store.errorFor('contact-email')"
      (valueChange)="store.setContact({ email: $event })"
    />
    <ob-text-field
      fieldId="contact-phone"
      label="Phone number"
      type="tel"
      width="20"
      [optional]="true"
      autocomplete="off"
      [maxLength]="limits.phone"
      [value]="contact.phone"
      [error]="store.errorFor('contact-phone')"
      (valueChange)="store.setContact({ phone: $event.trim() ? $event : null })"
    />
  `,
})
export class ContactFields {
  protected readonly store = inject(TenderEditorStore);
  protected readonly limits = TEXT_LIMITS.contact;
  protected readonly value = computed(() => this.store.content()!.contact);
}
