import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { Organisation } from './entities/organisation.entity';

/** What the open data publishes of an organisation: its name, Companies House number, address and SME/VCSE status. */
export interface OrganisationProfile {
  id: string;
  name: string;
  companyNumber: string | null;
  isSme: boolean;
  isVcse: boolean;
  address: { streetAddress: string | null; locality: string | null; postalCode: string | null; countryName: string | null };
}

/** Read-only: organisations' published particulars, by id (for the open data's parties and bid statistics). */
@Injectable()
export class OrganisationProfiles {
  constructor(@InjectRepository(Organisation) private readonly organisations: Repository<Organisation>) {}

  async of(ids: readonly string[]): Promise<Map<string, OrganisationProfile>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows = await this.organisations.findBy({ id: In(unique) });
    return new Map(
      rows.map((o) => [
        o.id,
        {
          id: o.id,
          name: o.name,
          companyNumber: o.companyNumber,
          isSme: o.isSme,
          isVcse: o.isVcse,
          address: { streetAddress: o.streetAddress, locality: o.locality, postalCode: o.postalCode, countryName: o.countryName },
        },
      ]),
    );
  }
}
