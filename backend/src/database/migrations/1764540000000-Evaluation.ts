import { MigrationInterface, QueryRunner } from 'typeorm';

/** Evaluation panels, conflict declarations, gate decisions, individual and moderated scores. */
export class Evaluation1764540000000 implements MigrationInterface {
  name = 'Evaluation1764540000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
