import { MigrationInterface, QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { columns } from './columns';

/** Outcome-based authoring: the full tender, lots, requirements, evaluation criteria, versions and history. */
export class TenderAuthoring1763856000000 implements MigrationInterface {
  name = 'TenderAuthoring1763856000000';

  async up(q: QueryRunner): Promise<void> {
    const c = columns(q);
    await q.addColumns(
      'tender',
      [
        c.text('problem', { default: "''" }),
        c.text('users', { default: "''" }),
        c.text('work_done', { default: "''" }),
        c.text('constraints', { default: "''" }),
        c.decimal('budget_min'),
        c.decimal('budget_max'),
        c.varchar('vat_basis', 20, { default: "'excluding_vat'" }),
        c.integer('contract_length_months', { isNullable: true }),
        c.text('extension_options', { default: "''" }),
        c.varchar('location', 200, { default: "''" }),
        c.varchar('procedure', 30, { default: "'open'" }),
        c.text('single_lot_reason', { isNullable: true }),
        c.timestamp('clarification_deadline', true),
        c.timestamp('evaluation_start', true),
        c.timestamp('evaluation_end', true),
        c.timestamp('expected_award', true),
        c.timestamp('contract_start', true),
        c.varchar('contact_name', 200, { default: "''" }),
        c.varchar('contact_email', 254, { default: "''" }),
        c.varchar('contact_phone', 40, { isNullable: true }),
        c.text('justifications', { default: "'[]'" }),
      ].map((o) => new TableColumn(o)),
    );
    await q.createTable(
      new Table({
        name: 'lot',
        columns: [
          c.id(),
          c.ref('tender_id'),
          c.integer('number'),
          c.varchar('title', 200),
          c.text('description', { default: "''" }),
          c.decimal('estimated_value'),
          c.varchar('scale', 10, { default: "'0-4'" }),
          c.text('descriptors'),
          c.integer('minimum_quality_percent', { isNullable: true }),
          c.varchar('price_method', 30, { default: "'proportional'" }),
        ],
        indices: [new TableIndex({ name: 'ix_lot_tender', columnNames: ['tender_id'] })],
        foreignKeys: [fk('tender_id', 'tender')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'requirement',
        columns: [
          c.id(),
          c.ref('lot_id'),
          c.ref('tender_id'),
          c.varchar('heading', 200, { isNullable: true }),
          c.integer('position'),
          c.varchar('kind', 20),
          c.varchar('priority', 20),
          c.text('outcome'),
          c.text('why_it_matters', { default: "''" }),
          c.text('measure_description', { default: "''" }),
          c.varchar('measure_baseline', 200, { isNullable: true }),
          c.varchar('measure_target', 200, { isNullable: true }),
          c.varchar('measure_unit', 60, { isNullable: true }),
          c.text('room_for_proposals', { default: "''" }),
          c.text('justification', { isNullable: true }),
        ],
        indices: [
          new TableIndex({ name: 'ix_requirement_lot', columnNames: ['lot_id'] }),
          new TableIndex({ name: 'ix_requirement_tender', columnNames: ['tender_id'] }),
        ],
        foreignKeys: [fk('lot_id', 'lot')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'criterion',
        columns: [
          c.id(),
          c.ref('lot_id'),
          c.ref('parent_id', true),
          c.integer('position'),
          c.varchar('name', 200),
          c.varchar('type', 20),
          { name: 'weight', type: 'decimal', precision: 5, scale: 2, isNullable: false },
          c.text('description', { default: "''" }),
          c.text('requirement_ids'),
          c.integer('word_limit', { isNullable: true }),
        ],
        indices: [new TableIndex({ name: 'ix_criterion_lot', columnNames: ['lot_id'] })],
        foreignKeys: [fk('lot_id', 'lot')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'tender_version',
        columns: [
          c.id(),
          c.ref('tender_id'),
          c.integer('version'),
          c.text('snapshot'),
          c.text('change_note', { isNullable: true }),
          c.timestamp('published_at'),
          c.ref('published_by_id'),
          c.varchar('pack_sha256', 64, { isNullable: true }),
        ],
        indices: [new TableIndex({ name: 'uq_tender_version', columnNames: ['tender_id', 'version'], isUnique: true })],
        foreignKeys: [fk('tender_id', 'tender')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'tender_revision',
        columns: [
          c.id(),
          c.ref('tender_id'),
          c.integer('revision'),
          c.text('content'),
          c.text('changed_fields'),
          c.ref('changed_by_id'),
          c.varchar('changed_by_name', 200),
          c.timestamp('changed_at'),
        ],
        indices: [new TableIndex({ name: 'uq_tender_revision', columnNames: ['tender_id', 'revision'], isUnique: true })],
        foreignKeys: [fk('tender_id', 'tender')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['tender_revision', 'tender_version', 'criterion', 'requirement', 'lot']) await q.dropTable(table);
    for (const column of [
      'problem',
      'users',
      'work_done',
      'constraints',
      'budget_min',
      'budget_max',
      'vat_basis',
      'contract_length_months',
      'extension_options',
      'location',
      'procedure',
      'single_lot_reason',
      'clarification_deadline',
      'evaluation_start',
      'evaluation_end',
      'expected_award',
      'contract_start',
      'contact_name',
      'contact_email',
      'contact_phone',
      'justifications',
    ]) {
      await q.dropColumn('tender', column);
    }
  }
}

function fk(column: string, table: string): TableForeignKey {
  return new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete: 'CASCADE' });
}
