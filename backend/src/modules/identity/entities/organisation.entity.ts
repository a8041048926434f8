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

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
