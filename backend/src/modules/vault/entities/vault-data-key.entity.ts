import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One record's data key (a response, say), never stored in the clear: AES-256-GCM under the master key
 * named by `masterKeyId`, so `npm run keys:rotate` can re-wrap every row under a new master key without
 * touching the data the keys seal.
 */
@Entity('vault_data_key')
export class VaultDataKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** First 16 hex digits of SHA-256 of the master key that wraps this one (see master-key.ts). */
  @Index('ix_vault_data_key_master')
  @Column({ name: 'master_key_id', type: 'varchar', length: 16 })
  masterKeyId!: string;

  /** base64 of the sealed key (sealed-box.ts format), bound to this row's id. */
  @Column({ name: 'wrapped_key', type: 'text' })
  wrappedKey!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
