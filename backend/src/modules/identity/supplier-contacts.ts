import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Organisation } from './entities/organisation.entity';
import { User } from './entities/user.entity';

/** How a document addresses a supplier (an assessment summary, reg 31(2)(a)–(c)); a part not recorded is null. */
export interface SupplierContact {
  postalAddress: string | null;
  email: string | null;
  identifier: string | null;
}

/** Read-only: an organisation's recorded address and identifier, and the e-mail of the person who acted for it. */
@Injectable()
export class SupplierContacts {
  /** Read in `m` (pass the transaction's manager inside one); `contactId` counts only if that person is of the organisation. */
  async of(m: EntityManager, organisationId: string, contactId: string | null): Promise<SupplierContact> {
    const organisation = await m.findOneBy(Organisation, { id: organisationId });
    const contact = contactId
      ? await m.findOne(User, { where: { id: contactId, organisationId }, select: { id: true, email: true } })
      : null;
    const address = organisation
      ? [organisation.streetAddress, organisation.locality, organisation.postalCode, organisation.countryName]
          .map((part) => part?.trim())
          .filter(Boolean)
          .join(', ')
      : '';
    return {
      postalAddress: address || null,
      email: contact?.email ?? null,
      identifier: organisation?.companyNumber ? `Companies House number ${organisation.companyNumber}` : null,
    };
  }
}
