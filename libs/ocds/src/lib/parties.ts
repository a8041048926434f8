import type { OrganisationInput } from './inputs';
import type { OcdsAddress, OcdsParty, OcdsPartyRole } from './ocds.types';

/** org-id.guide's list for Companies House. */
export const COMPANIES_HOUSE_SCHEME = 'GB-COH';
/**
 * For an organisation with no Companies House number: Openbrief's own organisation id under a local scheme. It is
 * not an org-id.guide list (none holds these ids), so consumers can only match it within this publisher's data.
 */
export const LOCAL_ORGANISATION_SCHEME = 'OPENBRIEF-ORG';

/** A Companies House number: eight digits, or two letters (SC, NI, OC…) and six digits. */
const COMPANY_NUMBER = /^(?:\d{8}|[A-Z]{2}\d{6})$/;

/** The party's identifier: Companies House when the number looks like one, else the local scheme. */
export function organisationIdentifier(o: OrganisationInput): { scheme: string; id: string } {
  const number = o.companyNumber?.trim().toUpperCase() ?? '';
  return COMPANY_NUMBER.test(number) ? { scheme: COMPANIES_HOUSE_SCHEME, id: number } : { scheme: LOCAL_ORGANISATION_SCHEME, id: o.id };
}

/** The party id: `<scheme>-<id>`, so the same organisation has the same party id in every release and record. */
export function partyId(o: OrganisationInput): string {
  const { scheme, id } = organisationIdentifier(o);
  return `${scheme}-${id}`;
}

export function party(
  o: OrganisationInput,
  roles: OcdsPartyRole[],
  contact?: { name: string; email: string; phone: string | null },
): OcdsParty {
  const address = addressOf(o);
  const contactPoint = contact && {
    ...(contact.name.trim() ? { name: contact.name.trim() } : {}),
    ...(contact.email.trim() ? { email: contact.email.trim() } : {}),
    ...(contact.phone?.trim() ? { telephone: contact.phone.trim() } : {}),
  };
  return {
    id: partyId(o),
    name: o.name,
    identifier: { ...organisationIdentifier(o), legalName: o.name },
    ...(address ? { address } : {}),
    ...(contactPoint && Object.keys(contactPoint).length ? { contactPoint } : {}),
    roles,
    ...(o.isVcse !== undefined ? { details: { vcse: o.isVcse } } : {}),
  };
}

export const partyReference = (o: OrganisationInput) => ({ id: partyId(o), name: o.name });

function addressOf(o: OrganisationInput): OcdsAddress | null {
  const a = o.address;
  if (!a) return null;
  const out: OcdsAddress = {};
  if (a.streetAddress?.trim()) out.streetAddress = a.streetAddress.trim();
  if (a.locality?.trim()) out.locality = a.locality.trim();
  if (a.postalCode?.trim()) out.postalCode = a.postalCode.trim();
  if (a.countryName?.trim()) out.countryName = a.countryName.trim();
  return Object.keys(out).length ? out : null;
}
