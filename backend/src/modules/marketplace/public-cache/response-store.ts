/** What a cached public read answers with, exactly as first sent. */
export interface CachedResponse {
  key: string;
  kind: PublicReadKind;
  body: Buffer;
  /** Strong validator: the SHA-256 of the body, quoted. */
  etag: string;
  /** Content-Type and any other header the route set (Content-Disposition, X-Content-SHA256): never Set-Cookie. */
  headers: Readonly<Record<string, string>>;
  /** The tender it shows (dropped when that tender is republished or changes status); null for a list. */
  tenderId: string | null;
  /** Epoch ms after which it is not served: the TTL, or sooner the next deadline its content depends on. */
  expiresAt: number;
}

/** The public reads that are cached, each with its own Cache-Control (cache-policy.ts). */
export type PublicReadKind = 'list' | 'latest' | 'version' | 'latest-pack' | 'version-pack';

/**
 * Bounded, least-recently-used store of responses: at most `maxEntries` and `maxBytes` of bodies. A Map
 * keeps insertion order, so re-inserting on each hit makes its first key the least recently used.
 */
export class ResponseStore {
  private readonly entries = new Map<string, CachedResponse>();
  /** Keys of each tender's entries, and of every list (`null`), so invalidation touches only those. */
  private readonly byTender = new Map<string | null, Set<string>>();
  private totalBytes = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }

  /** The entry for `key` if it has not expired by `now` (ms); an expired one is dropped. */
  get(key: string, now: number): CachedResponse | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now) {
      this.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /** Keeps `entry`, evicting the least recently used until both bounds hold; a body over a quarter of the byte bound is not kept. */
  set(entry: CachedResponse): void {
    if (entry.body.length > this.maxBytes / 4) return;
    this.delete(entry.key);
    this.entries.set(entry.key, entry);
    this.totalBytes += entry.body.length;
    let keys = this.byTender.get(entry.tenderId);
    if (!keys) this.byTender.set(entry.tenderId, (keys = new Set()));
    keys.add(entry.key);
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.maxEntries && this.totalBytes <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  /** Drops every list, and every entry of `tenderId` (when given). */
  dropTender(tenderId: string | null): void {
    for (const tag of tenderId === null ? [null] : [null, tenderId]) {
      for (const key of [...(this.byTender.get(tag) ?? [])]) this.delete(key);
    }
  }

  clear(): void {
    this.entries.clear();
    this.byTender.clear();
    this.totalBytes = 0;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.totalBytes -= entry.body.length;
    const keys = this.byTender.get(entry.tenderId);
    keys?.delete(key);
    if (keys && !keys.size) this.byTender.delete(entry.tenderId);
  }
}
