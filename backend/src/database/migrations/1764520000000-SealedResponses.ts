import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from './columns';

/**
 * Suppliers' responses, sealed: every column that holds what a supplier wrote (`content`, `meta`, `snapshot`)
 * is base64 of AES-256-GCM under the response's data key (vault_data_key). Plain columns say whose a
 * response is, where it stands, sizes and hashes; never an answer, a price, a file name or a file.
 */
export class SealedResponses1764520000000 implements MigrationInterface {
  name = 'SealedResponses1764520000000';

  async up(q: QueryRunner): Promise<void> {
    const c = columns(q);
    await q.createTable(
      new Table({
        name: 'supplier_response',
        columns: [
          c.id(),
          c.ref('tender_id'),
          c.ref('lot_id'),
          c.ref('organisation_id'),
          c.ref('created_by'),
          c.varchar('status', 12),
          c.integer('tender_version'),
          c.ref('data_key_id'),
          c.text('content'),
          c.integer('revision'),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        indices: [
          new TableIndex({
            name: 'uq_supplier_response_lot_organisation',
            columnNames: ['tender_id', 'lot_id', 'organisation_id'],
            isUnique: true,
          }),
          new TableIndex({ name: 'ix_supplier_response_tender', columnNames: ['tender_id'] }),
          new TableIndex({ name: 'ix_supplier_response_organisation', columnNames: ['organisation_id'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'response_attachment',
        columns: [
          c.id(),
          c.ref('response_id'),
          c.varchar('storage_key', 200),
          c.text('meta'),
          c.integer('size'),
          c.ref('created_by'),
          c.timestamp('created_at'),
        ],
        indices: [new TableIndex({ name: 'ix_response_attachment_response', columnNames: ['response_id'] })],
        foreignKeys: [fk('response_id', 'supplier_response')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'response_submission',
        columns: [
          c.id(),
          c.ref('response_id'),
          c.integer('sequence'),
          c.timestamp('submitted_at'),
          c.ref('submitted_by'),
          c.integer('tender_version'),
          c.varchar('sha256', 64),
          c.text('snapshot'),
          c.varchar('idempotency_key', 100, { isNullable: true }),
          c.timestamp('withdrawn_at', true),
        ],
        indices: [
          new TableIndex({ name: 'uq_response_submission_sequence', columnNames: ['response_id', 'sequence'], isUnique: true }),
          new TableIndex({
            name: 'uq_response_submission_idempotency',
            columnNames: ['response_id', 'idempotency_key'],
            isUnique: true,
          }),
        ],
        foreignKeys: [fk('response_id', 'supplier_response')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'response_opening',
        columns: [
          { name: 'tender_id', type: 'varchar', length: '36', isPrimary: true },
          c.varchar('state', 24),
          c.ref('requested_by'),
          c.timestamp('requested_at'),
          c.ref('confirmed_by', true),
          c.timestamp('opened_at', true),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('response_opening');
    await q.dropTable('response_submission');
    await q.dropTable('response_attachment');
    await q.dropTable('supplier_response');
  }
}

function fk(column: string, table: string): TableForeignKey {
  return new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'CASCADE' });
}
