import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisation details a supplier keeps on its account page: VCSE status, an OCDS-shaped address and a phone number. */
export class SupplierAccounts1764490000000 implements MigrationInterface {
  name = 'SupplierAccounts1764490000000';

  async up(q: QueryRunner): Promise<void> {
    const postgres = q.connection.driver.options.type === 'postgres';
    // Plain ALTER TABLE on both databases: TypeORM would rebuild the SQLite table, and a rebuild while foreign keys
    // are on (as when a migration is reverted) would cascade-delete every row that points at an organisation.
    await q.query(`ALTER TABLE organisation ADD COLUMN is_vcse boolean NOT NULL DEFAULT ${postgres ? 'false' : '0'}`);
    await q.query('ALTER TABLE organisation ADD COLUMN street_address varchar(200)');
    await q.query('ALTER TABLE organisation ADD COLUMN locality varchar(100)');
    await q.query('ALTER TABLE organisation ADD COLUMN postal_code varchar(20)');
    await q.query('ALTER TABLE organisation ADD COLUMN country_name varchar(100)');
    await q.query('ALTER TABLE organisation ADD COLUMN contact_phone varchar(40)');
  }

  async down(q: QueryRunner): Promise<void> {
    for (const column of ['contact_phone', 'country_name', 'postal_code', 'locality', 'street_address', 'is_vcse'])
      await q.query(`ALTER TABLE organisation DROP COLUMN ${column}`);
  }
}
