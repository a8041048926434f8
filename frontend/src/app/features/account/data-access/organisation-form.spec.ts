import { OrganisationDetails, OrganisationKind } from '@openbrief/contracts';
import { describe, expect, it } from 'vitest';
import { addressLine, formFieldOf, toFormValue, toRequest } from './organisation-form';

const details: OrganisationDetails = {
  id: 'org-1',
  name: 'Brightpath Digital Ltd',
  kind: OrganisationKind.Supplier,
  companyNumber: null,
  isSme: true,
  isVcse: false,
  address: { streetAddress: '1 Quay Street', locality: 'Bristol', postalCode: null, countryName: 'United Kingdom' },
  contactPhone: null,
  editable: true,
};

describe('organisation form', () => {
  it('shows missing parts as empty text and sends empty or blank text back as null', () => {
    const value = toFormValue(details);
    expect(value).toMatchObject({ companyNumber: '', postalCode: '', contactPhone: '', locality: 'Bristol' });
    expect(toRequest({ ...value, name: '  Brightpath  ', locality: '   ' })).toEqual({
      name: 'Brightpath',
      companyNumber: null,
      isSme: true,
      isVcse: false,
      address: { streetAddress: '1 Quay Street', locality: null, postalCode: null, countryName: 'United Kingdom' },
      contactPhone: null,
    });
  });

  it('maps the API address fields onto the form controls', () => {
    expect(formFieldOf('address.postalCode')).toBe('postalCode');
    expect(formFieldOf('contactPhone')).toBe('contactPhone');
  });

  it('writes the address on one line, leaving out what is missing', () => {
    expect(addressLine(details)).toBe('1 Quay Street, Bristol, United Kingdom');
  });
});
