import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager, Repository } from 'typeorm';
import { SETTINGS, type Settings } from '../../config/settings';
import { VaultDataKey } from './entities/vault-data-key.entity';
import { KeyCache } from './key-cache';
import { resolveMasterKeys, type MasterKey } from './master-key';
import { KEY_BYTES, dataKeyAad, openBox, sealBox } from './sealed-box';
import { SealBrokenError } from './vault.errors';

/** How many unwrapped data keys stay in memory (32 bytes each, plus the map's overhead). */
const CACHED_KEYS = 1000;

/**
 * Envelope encryption for sealed records: each record gets its own random data key, stored wrapped by the master
 * key (master-key.ts); content is sealed under the data key with AES-256-GCM (sealed-box.ts). A database dump
 * alone opens nothing, and rotating the master key re-wraps 32-byte keys, not the content.
 */
@Injectable()
export class Vault {
  private readonly current: MasterKey;
  private readonly masters: Map<string, Buffer>;
  private readonly cache = new KeyCache(CACHED_KEYS);

  constructor(
    @Inject(SETTINGS) settings: Settings,
    @InjectRepository(VaultDataKey) private readonly keys: Repository<VaultDataKey>,
  ) {
    // At construction, so a missing or unusable key stops the start with a plain message instead of failing a bid later.
    const { current, all } = resolveMasterKeys(settings);
    this.current = current;
    this.masters = new Map(all.map((m) => [m.id, m.key]));
  }

  /** A fresh random AES-256 data key for one record, stored wrapped by the current master key (in `tx`); its id. */
  async createDataKey(tx: EntityManager): Promise<string> {
    const id = randomUUID();
    const key = randomBytes(KEY_BYTES);
    await tx.getRepository(VaultDataKey).insert({
      id,
      masterKeyId: this.current.id,
      wrappedKey: sealBox(this.current.key, key, dataKeyAad(id)).toString('base64'),
      createdAt: new Date(),
    });
    this.cache.set(id, key);
    return id;
  }

  /** AES-256-GCM under that data key, 96-bit random IV; `aad` binds the ciphertext to its place (e.g. "response:<id>:content"). */
  async seal(dataKeyId: string, plaintext: Buffer, aad: string, tx?: EntityManager): Promise<Buffer> {
    return sealBox(await this.dataKey(dataKeyId, tx), plaintext, aad);
  }

  /** Throws SealBrokenError (422) if the data is tampered with, sealed for another place, or the key is unknown. */
  async unseal(dataKeyId: string, sealed: Buffer, aad: string, tx?: EntityManager): Promise<Buffer> {
    const plaintext = openBox(await this.dataKey(dataKeyId, tx), sealed, aad);
    if (!plaintext) throw new SealBrokenError();
    return plaintext;
  }

  /** The id of the master key new data keys are wrapped by (for the operator's view, never the key). */
  get masterKeyId(): string {
    return this.current.id;
  }

  private async dataKey(id: string, tx?: EntityManager): Promise<Buffer> {
    const cached = this.cache.get(id);
    if (cached) return cached;
    const row = await (tx ? tx.getRepository(VaultDataKey) : this.keys).findOneBy({ id });
    const master = row ? this.masters.get(row.masterKeyId) : undefined;
    const key = row && master ? openBox(master, Buffer.from(row.wrappedKey, 'base64'), dataKeyAad(id)) : null;
    if (!key || key.length !== KEY_BYTES) throw new SealBrokenError();
    this.cache.set(id, key);
    return key;
  }
}
