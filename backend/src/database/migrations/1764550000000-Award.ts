import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columns } from './columns';

/**
 * Price investigations, award decisions (with the standstill) and assessment summaries. No foreign keys to the
 * evaluation's or the tenders' tables: the award module reads them only through those modules' services.
 */
export class Award1764550000000 implements MigrationInterface {
  name = 'Award1764550000000';

  async up(q: QueryRunner): Promise<void> {
    const c = columns(q);
    await q.createTable(
      new Table({
        name: 'price_investigation',
        columns: [
          c.id(),
          c.ref('panel_id'),
          c.ref('response_id'),
          c.varchar('outcome', 10),
          c.text('note'),
          c.ref('recorded_by'),
          c.varchar('recorded_by_name', 200),
          c.timestamp('recorded_at'),
        ],
        indices: [new TableIndex({ name: 'uq_price_investigation_response', columnNames: ['panel_id', 'response_id'], isUnique: true })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'award_decision',
        columns: [
          c.id('panel_id'),
          c.ref('tender_id'),
          c.ref('lot_id'),
          c.ref('response_id'),
          c.varchar('supplier_name', 200),
          c.text('reasons'),
          c.boolean('departs_from_ranking', false),
          c.ref('decided_by'),
          c.varchar('decided_by_name', 200),
          c.timestamp('decided_at'),
          c.varchar('jurisdiction', 20),
          c.timestamp('notice_published_at', true),
          c.varchar('standstill_last_day', 10, { isNullable: true }),
          c.timestamp('standstill_ends_at', true),
          c.timestamp('contract_entered_at', true),
        ],
        indices: [new TableIndex({ name: 'ix_award_decision_tender', columnNames: ['tender_id'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'assessment_summary',
        columns: [
          c.id(),
          c.ref('panel_id'),
          c.ref('response_id'),
          c.ref('organisation_id'),
          c.text('content'),
          c.varchar('status', 10),
          c.timestamp('issued_at', true),
          c.ref('issued_by', true),
          c.varchar('sha256', 64, { isNullable: true }),
          c.integer('revision', { default: 1 }),
        ],
        indices: [
          new TableIndex({ name: 'uq_assessment_summary_response', columnNames: ['panel_id', 'response_id'], isUnique: true }),
          new TableIndex({ name: 'ix_assessment_summary_organisation', columnNames: ['organisation_id'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('assessment_summary');
    await q.dropTable('award_decision');
    await q.dropTable('price_investigation');
  }
}
