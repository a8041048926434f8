import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A supplier's saved search of the public list (docs/search.md). `query` is the canonical JSON of the search's words and
 * filters (never the page or the order), so the same search is stored the same way; the feed's token is kept only as a hash.
 */
@Entity('saved_search')
@Index('ix_saved_search_user', ['userId', 'createdAt'])
// Alert matching reads the searches with alerts on, a page at a time in id order.
@Index('ix_saved_search_alerts', ['alerts', 'id'])
export class SavedSearchRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'text' })
  query!: string;

  @Column({ type: 'boolean', default: true })
  alerts!: boolean;

  /** SHA-256 (hex) of the feed's secret token. */
  @Column({ name: 'feed_token_hash', type: 'varchar', length: 64 })
  feedTokenHash!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'last_alerted_at', type: Date, nullable: true })
  lastAlertedAt!: Date | null;
}
