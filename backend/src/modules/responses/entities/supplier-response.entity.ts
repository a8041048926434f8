import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Where a response is in its life; `opened` is not stored: it is a submitted response of an opened tender. */
export type StoredResponseStatus = 'draft' | 'submitted' | 'withdrawn';

/**
 * A supplier organisation's response to one lot of a tender. Everything the supplier wrote is in `content`,
 * sealed (AES-256-GCM) under the response's own data key: the row says whose it is and where it stands, never
 * what it says.
 */
@Entity('supplier_response')
@Index('uq_supplier_response_lot_organisation', ['tenderId', 'lotId', 'organisationId'], { unique: true })
export class SupplierResponseRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('ix_supplier_response_tender')
  @Column({ name: 'tender_id', type: 'varchar', length: 36 })
  tenderId!: string;

  @Column({ name: 'lot_id', type: 'varchar', length: 36 })
  lotId!: string;

  @Index('ix_supplier_response_organisation')
  @Column({ name: 'organisation_id', type: 'varchar', length: 36 })
  organisationId!: string;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @Column({ type: 'varchar', length: 12 })
  status!: StoredResponseStatus;

  /** The published version the supplier wrote against or last confirmed. */
  @Column({ name: 'tender_version', type: 'integer' })
  tenderVersion!: number;

  /** The vault's data key sealing this response's content, attachments and submissions. */
  @Column({ name: 'data_key_id', type: 'varchar', length: 36 })
  dataKeyId!: string;

  /** base64 of the sealed DraftContent (response-sealing.ts). */
  @Column({ type: 'text' })
  content!: string;

  /** Optimistic-concurrency counter (If-Match). */
  @Column({ type: 'integer' })
  revision!: number;

  @Column({ name: 'created_at' })
  createdAt!: Date;

  @Column({ name: 'updated_at' })
  updatedAt!: Date;
}
