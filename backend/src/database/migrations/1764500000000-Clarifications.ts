import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columns } from './columns';

/**
 * Registered interest and clarification questions. No foreign keys to `tender`: the clarifications module
 * reads tenders only through the tenders module, and a question must outlive nothing it points at.
 */
export class Clarifications1764500000000 implements MigrationInterface {
  name = 'Clarifications1764500000000';

  async up(q: QueryRunner): Promise<void> {
    const c = columns(q);
    await q.createTable(
      new Table({
        name: 'tender_interest',
        columns: [
          c.id(),
          c.ref('tender_id'),
          c.ref('organisation_id'),
          c.ref('user_id'),
          c.timestamp('registered_at'),
          c.timestamp('withdrawn_at', true),
        ],
        // One row per organisation and tender, so at most one active registration.
        indices: [
          new TableIndex({ name: 'uq_tender_interest_organisation', columnNames: ['tender_id', 'organisation_id'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'clarification_question',
        columns: [
          c.id(),
          c.ref('tender_id'),
          c.ref('organisation_id'),
          c.varchar('organisation_name', 200),
          c.ref('asked_by'),
          c.text('text'),
          c.timestamp('asked_at'),
          c.varchar('status', 20),
          c.text('draft_answer', { default: "''" }),
          c.text('answer', { isNullable: true }),
          c.timestamp('answered_at', true),
          c.ref('answered_by', true),
          c.text('private_reason', { isNullable: true }),
          c.integer('published_number', { isNullable: true }),
          c.integer('revision', { default: 1 }),
        ],
        indices: [
          new TableIndex({ name: 'ix_clarification_question_tender', columnNames: ['tender_id', 'asked_at'] }),
          new TableIndex({ name: 'ix_clarification_question_organisation', columnNames: ['organisation_id'] }),
          new TableIndex({ name: 'uq_clarification_question_number', columnNames: ['tender_id', 'published_number'], isUnique: true }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('clarification_question');
    await q.dropTable('tender_interest');
  }
}
