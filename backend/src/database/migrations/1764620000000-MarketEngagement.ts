import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columns } from './columns';

/**
 * Preliminary market engagement: published draft outcomes (`engagement`, one per tender), supplier feedback
 * (`engagement_feedback`) and event registrations (`engagement_registration`, one per supplier organisation).
 * No foreign keys to `tender` or `organisation`: the engagement module reads them through their owners.
 */
export class MarketEngagement1764620000000 implements MigrationInterface {
  name = 'MarketEngagement1764620000000';

  async up(q: QueryRunner): Promise<void> {
    const c = columns(q);
    await q.createTable(
      new Table({
        name: 'engagement',
        columns: [
          c.id(),
          c.ref('tender_id'),
          c.ref('organisation_id'),
          c.varchar('buyer_name', 200),
          c.varchar('reference', 50),
          c.text('title'),
          c.text('summary'),
          c.text('questions'),
          c.text('outcomes'),
          c.text('event', { isNullable: true }),
          c.timestamp('feedback_closes'),
          c.varchar('status', 20),
          c.timestamp('published_at'),
          c.ref('published_by'),
          c.timestamp('closed_at', true),
          c.ref('closed_by', true),
        ],
        indices: [
          new TableIndex({ name: 'uq_engagement_tender', columnNames: ['tender_id'], isUnique: true }),
          // The public list: open ones, newest first, keyset-paged on (published_at, id).
          new TableIndex({ name: 'ix_engagement_listing', columnNames: ['status', 'published_at', 'id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'engagement_feedback',
        columns: [
          c.id(),
          c.ref('engagement_id'),
          c.ref('requirement_id'),
          c.varchar('kind', 20),
          c.text('text'),
          c.text('proposed_outcome', { isNullable: true }),
          c.ref('organisation_id'),
          c.varchar('organisation_name', 200),
          c.ref('author_id'),
          c.timestamp('created_at'),
          c.varchar('idempotency_key', 100, { isNullable: true }),
          c.timestamp('adopted_at', true),
          c.ref('adopted_by', true),
          c.varchar('adopted_by_name', 200, { isNullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'ix_engagement_feedback_engagement', columnNames: ['engagement_id', 'created_at'] }),
          new TableIndex({ name: 'ix_engagement_feedback_organisation', columnNames: ['engagement_id', 'organisation_id'] }),
          new TableIndex({
            name: 'uq_engagement_feedback_idempotency',
            columnNames: ['engagement_id', 'organisation_id', 'idempotency_key'],
            isUnique: true,
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'engagement_registration',
        columns: [
          c.id(),
          c.ref('engagement_id'),
          c.ref('organisation_id'),
          c.varchar('organisation_name', 200),
          c.ref('user_id'),
          c.varchar('contact_name', 200),
          c.varchar('contact_email', 254),
          c.integer('attendees'),
          c.text('access_needs'),
          c.timestamp('registered_at'),
        ],
        indices: [
          new TableIndex({
            name: 'uq_engagement_registration_organisation',
            columnNames: ['engagement_id', 'organisation_id'],
            isUnique: true,
          }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('engagement_registration');
    await q.dropTable('engagement_feedback');
    await q.dropTable('engagement');
  }
}
