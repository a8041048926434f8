import { OrganisationKind } from '@openbrief/contracts';
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity('organisation')
export class Organisation {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: OrganisationKind;

  @Column({ name: 'company_number', type: 'varchar', length: 20, nullable: true })
  companyNumber!: string | null;

  @Column({ name: 'is_sme', type: 'boolean', default: false })
  isSme!: boolean;

  /** Voluntary, community or social enterprise (self-declared), reported in the open data beside SME status. */
  @Column({ name: 'is_vcse', type: 'boolean', default: false })
  isVcse!: boolean;

  // The address in OCDS party.address's parts, so the open data can publish it without parsing.
  @Column({ name: 'street_address', type: 'varchar', length: 200, nullable: true })
  streetAddress!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  locality!: string | null;

  @Column({ name: 'postal_code', type: 'varchar', length: 20, nullable: true })
  postalCode!: string | null;

  @Column({ name: 'country_name', type: 'varchar', length: 100, nullable: true })
  countryName!: string | null;

  @Column({ name: 'contact_phone', type: 'varchar', length: 40, nullable: true })
  contactPhone!: string | null;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
