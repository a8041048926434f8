import { MigrationInterface, QueryRunner } from 'typeorm';

/** Price investigations, award decisions (with the standstill) and assessment summaries. */
export class Award1764550000000 implements MigrationInterface {
  name = 'Award1764550000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
