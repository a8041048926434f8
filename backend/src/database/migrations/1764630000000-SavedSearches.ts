import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columns } from './columns';

/**
 * Saved searches of the public list (issue 15): a supplier's search, whether it alerts by e-mail, and the hash of
 * its feed's secret token. No foreign key to `user_account`: the marketplace module reads people through identity.
 */
export class SavedSearches1764630000000 implements MigrationInterface {
  name = 'SavedSearches1764630000000';

  async up(q: QueryRunner): Promise<void> {
    const c = columns(q);
    await q.createTable(
      new Table({
        name: 'saved_search',
        columns: [
          c.id(),
          c.ref('user_id'),
          c.ref('organisation_id'),
          c.varchar('name', 100),
          c.text('query'),
          c.boolean('alerts', true),
          c.varchar('feed_token_hash', 64),
          c.timestamp('created_at'),
          c.timestamp('last_alerted_at', true),
        ],
        indices: [
          new TableIndex({ name: 'ix_saved_search_user', columnNames: ['user_id', 'created_at'] }),
          new TableIndex({ name: 'ix_saved_search_alerts', columnNames: ['alerts', 'id'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('saved_search');
  }
}
