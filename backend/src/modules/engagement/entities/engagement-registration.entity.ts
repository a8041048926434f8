import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A supplier organisation's places at the engagement event: one row per organisation, changed in place. */
@Entity('engagement_registration')
@Index('uq_engagement_registration_organisation', ['engagementId', 'organisationId'], { unique: true })
export class EngagementRegistrationRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'engagement_id', type: 'varchar', length: 36 })
  engagementId!: string;

  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ name: 'organisation_name', type: 'varchar', length: 200 })
  organisationName!: string;

  /** Who registered (last): the buying team's contact for the event. */
  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'contact_name', type: 'varchar', length: 200 })
  contactName!: string;

  @Column({ name: 'contact_email', type: 'varchar', length: 254 })
  contactEmail!: string;

  @Column({ type: 'integer' })
  attendees!: number;

  @Column({ name: 'access_needs', type: 'text' })
  accessNeeds!: string;

  @Column({ name: 'registered_at' })
  registeredAt!: Date;
}
