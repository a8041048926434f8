import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columns } from './columns';

/**
 * Evaluation panels, conflict declarations, gate decisions, individual and moderated scores. Rows refer to tenders,
 * lots, responses and people by id only: those are other modules' tables, and an evaluation is kept for the file.
 */
export class Evaluation1764540000000 implements MigrationInterface {
  name = 'Evaluation1764540000000';

  async up(q: QueryRunner): Promise<void> {
    const c = columns(q);
    await q.createTable(
      new Table({
        name: 'evaluation_panel',
        columns: [
          c.id(),
          c.ref('tender_id'),
          c.ref('lot_id'),
          c.ref('moderator_id'),
          c.text('evaluators'),
          c.integer('revision'),
          c.ref('formed_by'),
          c.timestamp('created_at'),
          c.timestamp('updated_at'),
        ],
        indices: [new TableIndex({ name: 'uq_evaluation_panel_lot', columnNames: ['tender_id', 'lot_id'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'conflict_declaration',
        columns: [
          c.id(),
          c.ref('panel_id'),
          c.ref('member_id'),
          c.ref('response_id'),
          { name: 'conflict', type: 'boolean', isNullable: false },
          c.text('details'),
          c.timestamp('declared_at'),
          c.text('handling', { isNullable: true }),
          c.ref('handled_by', true),
          c.timestamp('handled_at', true),
        ],
        indices: [
          new TableIndex({ name: 'uq_conflict_declaration', columnNames: ['panel_id', 'member_id', 'response_id'], isUnique: true }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'gate_decision',
        columns: [
          c.id(),
          c.ref('panel_id'),
          c.ref('response_id'),
          c.ref('requirement_id'),
          { name: 'passed', type: 'boolean', isNullable: false },
          c.text('reason'),
          c.ref('decided_by'),
          c.timestamp('decided_at'),
        ],
        indices: [new TableIndex({ name: 'uq_gate_decision', columnNames: ['panel_id', 'response_id', 'requirement_id'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'individual_score',
        columns: [
          c.id(),
          c.ref('panel_id'),
          c.ref('response_id'),
          c.ref('criterion_id'),
          c.ref('evaluator_id'),
          c.integer('score'),
          c.text('justification'),
          c.timestamp('submitted_at', true),
          c.integer('revision'),
          c.timestamp('updated_at'),
        ],
        indices: [
          new TableIndex({
            name: 'uq_individual_score',
            columnNames: ['panel_id', 'response_id', 'criterion_id', 'evaluator_id'],
            isUnique: true,
          }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'consensus_score',
        columns: [
          c.id(),
          c.ref('panel_id'),
          c.ref('response_id'),
          c.ref('criterion_id'),
          c.integer('score'),
          c.text('note'),
          c.ref('moderated_by'),
          c.timestamp('moderated_at'),
        ],
        indices: [new TableIndex({ name: 'uq_consensus_score', columnNames: ['panel_id', 'response_id', 'criterion_id'], isUnique: true })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['consensus_score', 'individual_score', 'gate_decision', 'conflict_declaration', 'evaluation_panel']) {
      await q.dropTable(table);
    }
  }
}
