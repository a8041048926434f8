import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Vault1764510000000 implements MigrationInterface {
  name = 'Vault1764510000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
