import type { CurrentUser, OrganisationDetails } from '@openbrief/contracts';
import type { Organisation } from './entities/organisation.entity';
import type { User } from './entities/user.entity';

export function toCurrentUser(user: User, organisation: Organisation): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisation: { id: organisation.id, name: organisation.name, kind: organisation.kind },
  };
}

export function toOrganisationDetails(organisation: Organisation, editable: boolean): OrganisationDetails {
  return {
    id: organisation.id,
    name: organisation.name,
    kind: organisation.kind,
    companyNumber: organisation.companyNumber,
    isSme: organisation.isSme,
    isVcse: organisation.isVcse,
    address: {
      streetAddress: organisation.streetAddress,
      locality: organisation.locality,
      postalCode: organisation.postalCode,
      countryName: organisation.countryName,
    },
    contactPhone: organisation.contactPhone,
    editable,
  };
}
