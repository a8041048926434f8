import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from './columns';

/**
 * Comment threads on tenders. `requirement_id` has no foreign key on purpose: saving a tender
 * replaces its requirement rows, and a thread must outlive its requirement ("requirement deleted").
 */
export class TenderComments1764118800000 implements MigrationInterface {
  name = 'TenderComments1764118800000';

  async up(q: QueryRunner): Promise<void> {
    const c = columns(q);
    await q.createTable(
      new Table({
        name: 'comment_thread',
        columns: [
          c.id(),
          c.ref('tender_id'),
          c.ref('requirement_id', true),
          c.varchar('requirement_excerpt', 200, { isNullable: true }),
          c.varchar('field', 30, { isNullable: true }),
          c.text('quote', { isNullable: true }),
          c.varchar('anchor_start', 300, { isNullable: true }),
          c.varchar('anchor_end', 300, { isNullable: true }),
          c.varchar('status', 10),
          c.timestamp('created_at'),
          c.timestamp('last_activity_at'),
          c.ref('resolved_by_id', true),
          c.varchar('resolved_by_name', 200, { isNullable: true }),
          c.timestamp('resolved_at', true),
        ],
        indices: [new TableIndex({ name: 'ix_comment_thread_tender', columnNames: ['tender_id'] })],
        foreignKeys: [fk('tender_id', 'tender')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'tender_comment',
        columns: [
          c.id(),
          c.ref('thread_id'),
          c.ref('tender_id'),
          c.varchar('kind', 10),
          c.ref('author_id'),
          c.varchar('author_name', 200),
          c.text('body'),
          c.text('mentions'),
          c.timestamp('created_at'),
        ],
        indices: [
          new TableIndex({ name: 'ix_tender_comment_thread', columnNames: ['thread_id'] }),
          new TableIndex({ name: 'ix_tender_comment_tender', columnNames: ['tender_id'] }),
        ],
        foreignKeys: [fk('thread_id', 'comment_thread')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('tender_comment');
    await q.dropTable('comment_thread');
  }
}

function fk(column: string, table: string): TableForeignKey {
  return new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'CASCADE' });
}
