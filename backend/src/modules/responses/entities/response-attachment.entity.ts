import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SupplierResponseRow } from './supplier-response.entity';

/**
 * A document attached to a response. Its name, type and hash are content too, so they are sealed with the
 * response's key (`meta`); the file itself is sealed in the attachment storage under `storageKey`. Only the
 * size is plain (the limits are checked on it).
 */
@Entity('response_attachment')
export class ResponseAttachmentRow {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Index('ix_response_attachment_response')
  @Column({ name: 'response_id', type: 'varchar', length: 36 })
  responseId!: string;

  @ManyToOne(() => SupplierResponseRow, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'response_id' })
  response?: SupplierResponseRow;

  @Column({ name: 'storage_key', type: 'varchar', length: 200 })
  storageKey!: string;

  /** base64 of the sealed AttachmentMeta (file name, content type, sha256 of the plaintext). */
  @Column({ type: 'text' })
  meta!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ name: 'created_by', type: 'varchar', length: 36 })
  createdBy!: string;

  @Column({ name: 'created_at' })
  createdAt!: Date;
}
