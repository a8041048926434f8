import { OrganisationDetails, UpdateOrganisationRequest } from '@openbrief/contracts';

/** The organisation form's values: every text as a string (empty when not given). */
export interface OrganisationFormValue {
  name: string;
  companyNumber: string;
  isSme: boolean;
  isVcse: boolean;
  streetAddress: string;
  locality: string;
  postalCode: string;
  countryName: string;
  contactPhone: string;
}

export function toFormValue(details: OrganisationDetails): OrganisationFormValue {
  return {
    name: details.name,
    companyNumber: details.companyNumber ?? '',
    isSme: details.isSme,
    isVcse: details.isVcse,
    streetAddress: details.address.streetAddress ?? '',
    locality: details.address.locality ?? '',
    postalCode: details.address.postalCode ?? '',
    countryName: details.address.countryName ?? '',
    contactPhone: details.contactPhone ?? '',
  };
}

const orNull = (text: string): string | null => text.trim() || null;

/** The request the API takes: trimmed, with empty parts as null. */
export function toRequest(value: OrganisationFormValue): UpdateOrganisationRequest {
  return {
    name: value.name.trim(),
    companyNumber: orNull(value.companyNumber),
    isSme: value.isSme,
    isVcse: value.isVcse,
    address: {
      streetAddress: orNull(value.streetAddress),
      locality: orNull(value.locality),
      postalCode: orNull(value.postalCode),
      countryName: orNull(value.countryName),
    },
    contactPhone: orNull(value.contactPhone),
  };
}

/** Server field names ("address.postalCode") to form control names ("postalCode"). */
export function formFieldOf(apiField: string): string {
  return apiField.startsWith('address.') ? apiField.slice('address.'.length) : apiField;
}

/** One line for a read-only view: the parts given, joined. */
export function addressLine(details: OrganisationDetails): string {
  const { streetAddress, locality, postalCode, countryName } = details.address;
  return [streetAddress, locality, postalCode, countryName].filter((part): part is string => !!part).join(', ');
}
