import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Clarifications1764500000000 implements MigrationInterface {
  name = 'Clarifications1764500000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
