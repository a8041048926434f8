import { ChangeDetectionStrategy, Component, effect, inject, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import {
  COMPANY_NUMBER_PATTERN,
  CONTACT_PHONE_PATTERN,
  ORGANISATION_LIMITS as LIMITS,
  OrganisationDetails,
  OrganisationKind,
} from '@openbrief/contracts';
import { toAppError } from '../../../core/http/app-error';
import { createLoader } from '../../../shared/data/load-state';
import { ErrorMessages, SummaryError, applyServerErrors, controlMessage, summarise } from '../../../shared/forms/form-errors';
import { ErrorSummary } from '../../../shared/ui/error-summary.component';
import { Loading } from '../../../shared/ui/loading.component';
import { Notice } from '../../../shared/ui/notice.component';
import { AccountApi } from '../data-access/account.api';
import { addressLine, formFieldOf, toFormValue, toRequest } from '../data-access/organisation-form';

const tooLong = (what: string, max: number) => `${what} must be ${max} characters or fewer`;

const MESSAGES: ErrorMessages = {
  name: { required: 'Enter the name of your organisation', maxlength: tooLong('The name', LIMITS.name) },
  companyNumber: { pattern: 'Enter the number in letters and digits only, like 01234567' },
  streetAddress: { maxlength: tooLong('The building and street', LIMITS.streetAddress) },
  locality: { maxlength: tooLong('The town or city', LIMITS.locality) },
  postalCode: { maxlength: tooLong('The postcode', LIMITS.postalCode) },
  countryName: { maxlength: tooLong('The country', LIMITS.countryName) },
  contactPhone: { pattern: 'Enter a phone number, like 020 7946 0000' },
};

type Field = 'name' | 'companyNumber' | 'streetAddress' | 'locality' | 'postalCode' | 'countryName' | 'contactPhone';

/**
 * The organisation's details: a form for those who may change them (a supplier's people, a buying
 * organisation's administrators), a summary for everyone else.
 */
@Component({
  selector: 'ob-organisation-section',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatFormFieldModule, MatInputModule, MatCheckboxModule, MatButtonModule, ErrorSummary, Loading, Notice],
  templateUrl: './organisation-section.component.html',
})
export class OrganisationSection {
  private readonly api = inject(AccountApi);
  private readonly loader = createLoader<OrganisationDetails>();
  private readonly fb = inject(NonNullableFormBuilder);

  protected readonly state = this.loader.state;
  protected readonly addressLine = addressLine;
  protected readonly supplierKind = OrganisationKind.Supplier;
  protected readonly form = this.fb.group({
    name: ['', [Validators.required, Validators.maxLength(LIMITS.name)]],
    companyNumber: ['', Validators.pattern(COMPANY_NUMBER_PATTERN)],
    isSme: [false],
    isVcse: [false],
    streetAddress: ['', Validators.maxLength(LIMITS.streetAddress)],
    locality: ['', Validators.maxLength(LIMITS.locality)],
    postalCode: ['', Validators.maxLength(LIMITS.postalCode)],
    countryName: ['', Validators.maxLength(LIMITS.countryName)],
    contactPhone: ['', Validators.pattern(CONTACT_PHONE_PATTERN)],
  });
  protected readonly errors = signal<SummaryError[]>([]);
  protected readonly saving = signal(false);
  protected readonly saved = signal(false);

  constructor() {
    this.loader.load(this.api.organisation());
    // The form starts from the details as loaded; after a save it is reset from the server's answer instead.
    effect(() => {
      const state = this.state();
      if (state.status === 'ready') untracked(() => this.form.reset(toFormValue(state.value)));
    });
  }

  protected message(name: Field): string {
    return controlMessage(this.form.controls[name], MESSAGES[name]);
  }

  protected submit(): void {
    if (this.saving()) return;
    this.saved.set(false);
    if (!this.form.controls.name.value.trim()) this.form.controls.name.setErrors({ required: true });
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.errors.set(summarise(this.form, MESSAGES, 'organisation'));
      return;
    }
    this.saving.set(true);
    this.api.updateOrganisation(toRequest(this.form.getRawValue())).subscribe({
      next: (details) => {
        this.saving.set(false);
        this.errors.set([]);
        this.form.reset(toFormValue(details));
        this.saved.set(true);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const appError = toAppError(error);
        const details = appError.details.map((d) => ({ ...d, field: d.field ? formFieldOf(d.field) : d.field }));
        const unmatched = applyServerErrors(this.form, details);
        const fieldErrors = summarise(this.form, MESSAGES, 'organisation');
        const general = fieldErrors.length === 0 ? [appError.message] : unmatched;
        this.errors.set([...fieldErrors, ...general.map((message) => ({ fieldId: '', message }))]);
      },
    });
  }
}
