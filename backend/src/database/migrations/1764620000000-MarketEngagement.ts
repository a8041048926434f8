import { MigrationInterface, QueryRunner } from 'typeorm';

/** Preliminary market engagement: published draft outcomes, supplier feedback, event registrations. Written by the engagement work (issue 15). */
export class MarketEngagement1764620000000 implements MigrationInterface {
  name = 'MarketEngagement1764620000000';

  async up(_q: QueryRunner): Promise<void> {
    // Filled in by its issue's work.
  }

  async down(_q: QueryRunner): Promise<void> {
    // Filled in by its issue's work.
  }
}
