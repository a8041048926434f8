import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SupplierAccounts1764490000000 implements MigrationInterface {
  name = 'SupplierAccounts1764490000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
