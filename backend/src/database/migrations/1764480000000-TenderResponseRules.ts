import type { MigrationInterface, QueryRunner } from 'typeorm';

export class TenderResponseRules1764480000000 implements MigrationInterface {
  name = 'TenderResponseRules1764480000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
