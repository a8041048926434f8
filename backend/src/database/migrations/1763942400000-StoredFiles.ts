import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { columns } from './columns';

/** Generated documents (published tender packs), kept in the database so every instance can serve them. */
export class StoredFiles1763942400000 implements MigrationInterface {
  name = 'StoredFiles1763942400000';

  async up(q: QueryRunner): Promise<void> {
    const c = columns(q);
    await q.createTable(
      new Table({
        name: 'stored_file',
        columns: [
          { ...c.varchar('key', 300), isPrimary: true },
          c.varchar('content_type', 100),
          c.varchar('sha256', 64),
          c.integer('size'),
          { name: 'content', type: q.connection.driver.options.type === 'postgres' ? 'bytea' : 'blob', isNullable: false },
          c.timestamp('created_at'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('stored_file');
  }
}
