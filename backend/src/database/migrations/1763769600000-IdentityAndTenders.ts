import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from './columns';

export class IdentityAndTenders1763769600000 implements MigrationInterface {
  name = 'IdentityAndTenders1763769600000';

  async up(q: QueryRunner): Promise<void> {
    const c = columns(q);
    await q.createTable(
      new Table({
        name: 'organisation',
        columns: [
          c.id(),
          c.varchar('name', 200),
          c.varchar('kind', 20),
          c.varchar('company_number', 20, { isNullable: true }),
          c.boolean('is_sme', false),
          c.timestamp('created_at'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'user_account',
        columns: [
          c.id(),
          c.ref('organisation_id'),
          c.varchar('email', 254),
          c.varchar('name', 200),
          c.varchar('password_hash', 200),
          c.varchar('role', 20),
          c.timestamp('created_at'),
        ],
        indices: [new TableIndex({ name: 'uq_user_email', columnNames: ['email'], isUnique: true })],
        foreignKeys: [fk('organisation_id', 'organisation', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'session',
        columns: [
          { ...c.varchar('token_hash', 64), isPrimary: true },
          c.ref('user_id'),
          c.timestamp('created_at'),
          c.timestamp('expires_at'),
        ],
        indices: [new TableIndex({ name: 'ix_session_user', columnNames: ['user_id'] })],
        foreignKeys: [fk('user_id', 'user_account', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'invitation',
        columns: [
          c.id(),
          c.ref('organisation_id'),
          c.varchar('email', 254),
          c.varchar('role', 20),
          c.varchar('token_hash', 64),
          c.ref('invited_by_id'),
          c.timestamp('expires_at'),
          c.timestamp('accepted_at', true),
          c.timestamp('created_at'),
        ],
        indices: [new TableIndex({ name: 'uq_invitation_token', columnNames: ['token_hash'], isUnique: true })],
        foreignKeys: [fk('organisation_id', 'organisation', 'CASCADE')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'tender',
        columns: [
          c.id(),
          c.ref('organisation_id'),
          c.varchar('reference', 40),
          c.varchar('title', 200),
          c.text('summary', { default: "''" }),
          c.varchar('status', 20),
          c.decimal('estimated_value'),
          c.varchar('currency', 3, { default: "'GBP'" }),
          c.timestamp('submission_deadline', true),
          c.timestamp('published_at', true),
          c.integer('published_version', { default: 0 }),
          c.integer('row_version'),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        indices: [
          new TableIndex({ name: 'uq_tender_reference', columnNames: ['reference'], isUnique: true }),
          new TableIndex({ name: 'ix_tender_organisation', columnNames: ['organisation_id'] }),
          new TableIndex({ name: 'ix_tender_status', columnNames: ['status'] }),
        ],
        foreignKeys: [fk('organisation_id', 'organisation', 'RESTRICT')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['tender', 'invitation', 'session', 'user_account', 'organisation']) {
      await q.dropTable(table);
    }
  }
}

function fk(column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT'): TableForeignKey {
  return new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });
}
