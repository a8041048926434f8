import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columns } from './columns';

/** Live co-editing: every Yjs update is appended before it is acknowledged; snapshots compact the log. */
export class CollaborationStore1764028800000 implements MigrationInterface {
  name = 'CollaborationStore1764028800000';

  async up(q: QueryRunner): Promise<void> {
    const c = columns(q);
    const binary = q.connection.driver.options.type === 'postgres' ? 'bytea' : 'blob';
    await q.createTable(
      new Table({
        name: 'collab_update',
        columns: [
          { name: 'id', type: 'integer', isPrimary: true, isGenerated: true, generationStrategy: 'increment' },
          c.varchar('document', 100),
          { name: 'data', type: binary, isNullable: false },
          c.timestamp('created_at'),
        ],
        indices: [new TableIndex({ name: 'ix_collab_update_document', columnNames: ['document', 'id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'collab_document',
        columns: [
          { ...c.varchar('document', 100), isPrimary: true },
          { name: 'state', type: binary, isNullable: false },
          c.timestamp('updated_at'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('collab_document');
    await q.dropTable('collab_update');
  }
}
