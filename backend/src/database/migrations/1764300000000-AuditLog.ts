import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { columns } from './columns';

/**
 * The hash-chained audit log (modules/audit). Append-only: the application never updates or deletes
 * a row, and `npm run audit:verify` finds any row someone else changed. `seq` is unique, so two
 * appends can never both claim the same place in the chain.
 */
export class AuditLog1764300000000 implements MigrationInterface {
  name = 'AuditLog1764300000000';

  async up(q: QueryRunner): Promise<void> {
    const c = columns(q);
    await q.createTable(
      new Table({
        name: 'audit_event',
        columns: [
          c.id(),
          c.integer('seq'),
          c.timestamp('occurred_at'),
          c.ref('actor_user_id', true),
          c.varchar('actor_name', 200),
          c.ref('actor_organisation_id', true),
          c.varchar('action', 60),
          c.varchar('subject', 100),
          c.ref('tender_id', true),
          c.varchar('digest', 64),
          c.text('details'),
          c.varchar('prev_hash', 64),
          c.varchar('hash', 64),
        ],
        indices: [
          new TableIndex({ name: 'ux_audit_event_seq', columnNames: ['seq'], isUnique: true }),
          new TableIndex({ name: 'ix_audit_event_tender', columnNames: ['tender_id'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_event');
  }
}
