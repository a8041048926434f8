import { MigrationInterface, QueryRunner } from 'typeorm';

/** Full-text search and filters for the public list: SQLite FTS5 in the embedded default, PostgreSQL full-text search with DATABASE_URL. Written by the search work (issue 15). */
export class PublicSearch1764610000000 implements MigrationInterface {
  name = 'PublicSearch1764610000000';

  async up(_q: QueryRunner): Promise<void> {
    // Filled in by its issue's work.
  }

  async down(_q: QueryRunner): Promise<void> {
    // Filled in by its issue's work.
  }
}
