import type { MigrationInterface, QueryRunner } from 'typeorm';

export class SealedResponses1764520000000 implements MigrationInterface {
  name = 'SealedResponses1764520000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
