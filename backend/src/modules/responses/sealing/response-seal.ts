import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Vault } from '../../vault/vault';

/**
 * Where each sealed value belongs, bound into its AES-GCM tag (additional authenticated data): a blob copied
 * onto another row, or from one field to another, does not open.
 */
export const SEAL_PLACES = {
  draft: (responseId: string) => `supplier-response:${responseId}:content`,
  attachmentMeta: (attachmentId: string) => `response-attachment:${attachmentId}:meta`,
  attachmentFile: (attachmentId: string) => `response-attachment:${attachmentId}:file`,
  submission: (submissionId: string) => `response-submission:${submissionId}:snapshot`,
} as const;

/** JSON and files in and out of the vault under a response's data key; the database holds base64 of the sealed bytes. */
@Injectable()
export class ResponseSeal {
  constructor(private readonly vault: Vault) {}

  newKey(tx: EntityManager): Promise<string> {
    return this.vault.createDataKey(tx);
  }

  async sealJson(dataKeyId: string, value: unknown, place: string, tx?: EntityManager): Promise<string> {
    const sealed = await this.vault.seal(dataKeyId, Buffer.from(JSON.stringify(value), 'utf8'), place, tx);
    return sealed.toString('base64');
  }

  async openJson<T>(dataKeyId: string, sealed: string, place: string, tx?: EntityManager): Promise<T> {
    const plain = await this.vault.unseal(dataKeyId, Buffer.from(sealed, 'base64'), place, tx);
    return JSON.parse(plain.toString('utf8')) as T;
  }

  sealFile(dataKeyId: string, data: Buffer, place: string, tx?: EntityManager): Promise<Buffer> {
    return this.vault.seal(dataKeyId, data, place, tx);
  }

  openFile(dataKeyId: string, sealed: Buffer, place: string, tx?: EntityManager): Promise<Buffer> {
    return this.vault.unseal(dataKeyId, sealed, place, tx);
  }
}
