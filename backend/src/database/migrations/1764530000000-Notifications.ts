import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Notifications1764530000000 implements MigrationInterface {
  name = 'Notifications1764530000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
