import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Document, Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { SETTINGS, type Settings } from '../../config/settings';
import { CollabStore } from './collab-store';
import { STORE_ORIGIN, applyStored } from './live-document';
import { SharedDocuments } from './shared-documents';

/**
 * What the parts of the live server share: the Hocuspocus instance (set by CollaborationService, which
 * builds it from the extensions), the Redis extension if REDIS_URL is set, whether the server is shutting
 * down, and the writes in flight that shutdown waits for before the database closes.
 */
@Injectable()
export class OpenDocuments {
  private readonly logger = new Logger('Collaboration');
  private server: Hocuspocus | null = null;
  readonly redis: SharedDocuments | null;
  closing = false;
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    private readonly store: CollabStore,
    @Inject(SETTINGS) settings: Settings,
  ) {
    this.redis = settings.redisUrl ? this.connectRedis(settings.redisUrl) : null;
  }

  get hocuspocus(): Hocuspocus {
    if (!this.server) throw new Error('The live server has not been built yet.');
    return this.server;
  }

  set hocuspocus(server: Hocuspocus) {
    this.server = server;
  }

  /** The document if it is open on this instance. */
  get(name: string): Document | undefined {
    return this.server?.documents.get(name);
  }

  /** The document if it is open or opening on this instance (waits for it to finish loading). */
  async openOrLoading(name: string): Promise<Y.Doc | undefined> {
    return this.get(name) ?? (await this.server?.loadingDocuments.get(name)?.catch(() => undefined));
  }

  /**
   * Applies what other instances have logged but Redis has not brought here yet (applying twice changes
   * nothing); true if that changed the document.
   */
  async catchUp(name: string, doc: Y.Doc): Promise<boolean> {
    const before = Y.encodeStateVector(doc);
    applyStored(doc, await this.store.load(name), STORE_ORIGIN);
    return Buffer.compare(before, Y.encodeStateVector(doc)) !== 0;
  }

  /** Keeps `work` until it settles, so shutdown can wait for it. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    work.finally(() => this.inFlight.delete(work)).catch(() => undefined);
    return work;
  }

  async settle(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private connectRedis(url: string): SharedDocuments {
    // ioredis reconnects by itself; say so once when Redis goes away and once when it is back.
    let down = false;
    const report = (error: Error) => {
      if (!down) this.logger.warn(`Redis is not answering (${error.message}): live changes do not reach other instances until it is back.`);
      down = true;
    };
    const redis = new SharedDocuments(url, report);
    for (const client of [redis.pub, redis.sub]) {
      client.on('error', report);
      client.on('ready', () => {
        if (down) this.logger.log('Redis answers again.');
        down = false;
      });
    }
    return redis;
  }
}
