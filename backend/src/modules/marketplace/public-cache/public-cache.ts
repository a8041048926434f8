import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Clock } from '../../../common/clock/clock';
import { MAX_BYTES, MAX_ENTRIES, MAX_KEY_LENGTH, MEMORY_TTL_MS } from './cache-policy';
import { DeadlineHorizon } from './deadline-horizon';
import { type CachedResponse, type PublicReadKind, ResponseStore } from './response-store';

/** A public read on its way through the controller: what its response is kept as, if it succeeds. */
export interface PendingRead {
  key: string;
  kind: PublicReadKind;
  tenderId: string | null;
  /** The cache's generation when the read began: a response read before an invalidation is not kept. */
  generation: number;
  expiresAt: number;
}

/**
 * Public reads (the list, a tender, a version, the packs) kept as the bytes first sent, with a strong ETag,
 * and answered again without the controller (public-cache.hooks.ts). The same for everyone: the public
 * routes read nothing of the caller. Dropped after the change commits (PublicCacheSubscriber, and through
 * Redis on other instances) and by time (cache-policy.ts).
 */
@Injectable()
export class PublicCache {
  private readonly store = new ResponseStore(MAX_ENTRIES, MAX_BYTES);
  private generation = 0;

  constructor(
    private readonly clock: Clock,
    private readonly horizon: DeadlineHorizon,
  ) {}

  now(): number {
    return this.clock.now().getTime();
  }

  lookup(key: string): CachedResponse | undefined {
    return this.store.get(key, this.now());
  }

  /** Starts a read of `key`: lists expire at the next deadline any tender has (a tender's page, at its own: `expireBy`). */
  async begin(key: string, kind: PublicReadKind, tenderId: string | null): Promise<PendingRead> {
    const generation = this.generation;
    const now = this.now();
    let expiresAt = now + MEMORY_TTL_MS;
    if (kind === 'list') expiresAt = Math.min(expiresAt, (await this.horizon.nextDeadline()) ?? Infinity);
    return { key, kind, tenderId, generation, expiresAt };
  }

  /** Shortens `read`'s life to the first of `dates` still ahead (the deadlines its body shows). */
  expireBy(read: PendingRead, dates: Iterable<string | null | undefined>): void {
    const now = this.now();
    for (const date of dates) {
      const at = date ? Date.parse(date) : NaN;
      if (at > now && at < read.expiresAt) read.expiresAt = at;
    }
  }

  /** The response to answer `read` with; kept for the next reader unless something changed since the read began. */
  keep(read: PendingRead, body: Buffer, headers: Record<string, string>): CachedResponse {
    const entry: CachedResponse = {
      key: read.key,
      kind: read.kind,
      body,
      etag: `"${createHash('sha256').update(body).digest('hex')}"`,
      headers,
      tenderId: read.tenderId,
      expiresAt: read.expiresAt,
    };
    if (read.generation === this.generation && read.key.length <= MAX_KEY_LENGTH) this.store.set(entry);
    return entry;
  }

  /** Drops every list and `tenderId`'s pages and packs (null: the lists only). Call after the change has committed. */
  invalidate(tenderId: string | null): void {
    this.generation++;
    this.horizon.reset();
    this.store.dropTender(tenderId);
  }

  /** Drops everything (Redis came back after a gap: invalidations may have been missed). */
  clear(): void {
    this.generation++;
    this.horizon.reset();
    this.store.clear();
  }

  /** For the tests and the bench: what is held. */
  stats(): { entries: number; bytes: number } {
    return { entries: this.store.size, bytes: this.store.bytes };
  }
}
