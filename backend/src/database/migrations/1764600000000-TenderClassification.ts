import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tender classification (main category, delivery regions) and the engagement outcome texts, on the tender's working copy. Written by the classification work (issue 15). */
export class TenderClassification1764600000000 implements MigrationInterface {
  name = 'TenderClassification1764600000000';

  async up(_q: QueryRunner): Promise<void> {
    // Filled in by its issue's work.
  }

  async down(_q: QueryRunner): Promise<void> {
    // Filled in by its issue's work.
  }
}
