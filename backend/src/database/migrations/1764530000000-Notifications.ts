import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from './columns';

/**
 * Notifications: the in-app list, the e-mail outbox (written in the transaction that causes it, sent by the worker)
 * and who turned off e-mail of an optional kind. Everything goes with its person (CASCADE).
 */
export class Notifications1764530000000 implements MigrationInterface {
  name = 'Notifications1764530000000';

  async up(q: QueryRunner): Promise<void> {
    const c = columns(q);
    await q.createTable(
      new Table({
        name: 'notification',
        columns: [
          c.id(),
          c.ref('user_id'),
          c.varchar('kind', 30),
          c.varchar('title', 200),
          c.text('body'),
          c.varchar('link', 500, { isNullable: true }),
          c.varchar('dedupe_key', 200, { isNullable: true }),
          c.timestamp('created_at'),
          c.timestamp('read_at', true),
        ],
        indices: [
          new TableIndex({ name: 'uq_notification_dedupe', columnNames: ['user_id', 'dedupe_key'], isUnique: true }),
          new TableIndex({ name: 'ix_notification_user_created', columnNames: ['user_id', 'created_at'] }),
        ],
        foreignKeys: [userFk()],
      }),
    );
    await q.createTable(
      new Table({
        name: 'outbox_message',
        columns: [
          c.id(),
          c.ref('notification_id', true),
          c.ref('user_id'),
          c.varchar('kind', 30),
          c.varchar('subject', 200),
          c.text('text'),
          c.text('html', { isNullable: true }),
          c.integer('attempts', { default: 0 }),
          c.timestamp('next_attempt_at'),
          c.timestamp('claimed_until', true),
          c.timestamp('sent_at', true),
          c.timestamp('failed_at', true),
          c.varchar('last_error', 1000, { isNullable: true }),
          c.timestamp('created_at'),
        ],
        indices: [new TableIndex({ name: 'ix_outbox_message_due', columnNames: ['sent_at', 'failed_at', 'next_attempt_at'] })],
        foreignKeys: [userFk()],
      }),
    );
    await q.createTable(
      new Table({
        name: 'notification_preference',
        columns: [
          { ...c.ref('user_id'), isPrimary: true },
          { ...c.varchar('kind', 30), isPrimary: true },
          { name: 'email', type: 'boolean', isNullable: false },
          c.timestamp('updated_at'),
        ],
        foreignKeys: [userFk()],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('notification_preference');
    await q.dropTable('outbox_message');
    await q.dropTable('notification');
  }
}

function userFk(): TableForeignKey {
  return new TableForeignKey({
    columnNames: ['user_id'],
    referencedTableName: 'user_account',
    referencedColumnNames: ['id'],
    onDelete: 'CASCADE',
  });
}
