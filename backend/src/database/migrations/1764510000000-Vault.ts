import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columns } from './columns';

/**
 * The vault's data keys (modules/vault): one per sealed record, stored only wrapped by the master key whose id
 * is kept beside it, so `npm run keys:rotate` can re-wrap every row. The wrapped key is base64 text: it is small,
 * and text keeps one column type on both drivers.
 */
export class Vault1764510000000 implements MigrationInterface {
  name = 'Vault1764510000000';

  async up(q: QueryRunner): Promise<void> {
    const c = columns(q);
    await q.createTable(
      new Table({
        name: 'vault_data_key',
        columns: [c.id(), c.varchar('master_key_id', 16), c.text('wrapped_key'), c.timestamp('created_at')],
        indices: [new TableIndex({ name: 'ix_vault_data_key_master', columnNames: ['master_key_id'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('vault_data_key');
  }
}
