import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { SETTINGS, type Settings } from '../../../config/settings';
import { PublicCache } from './public-cache';

const CHANNEL = 'openbrief:public-cache';

/**
 * Several instances (REDIS_URL): each instance's public cache is dropped when another publishes or changes
 * a tender, by a Redis pub/sub message sent after the change commits. A message lost while Redis is away
 * is bounded by MEMORY_TTL_MS, and the whole cache is dropped when Redis answers again. Without REDIS_URL
 * there is one instance and nothing to tell.
 */
@Injectable()
export class InvalidationBus implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger('PublicCache');
  private readonly instance = randomUUID();
  private pub: Redis | null = null;
  private sub: Redis | null = null;
  private down = false;

  constructor(
    private readonly cache: PublicCache,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  onModuleInit(): void {
    if (!this.settings.redisUrl) return;
    // A command fails after a few reconnection attempts: a lost message is bounded by the TTL, never waited for.
    this.pub = new Redis(this.settings.redisUrl, { maxRetriesPerRequest: 3 });
    this.sub = this.pub.duplicate();
    for (const client of [this.pub, this.sub]) client.on('error', (error: Error) => this.report(error));
    this.sub.on('ready', () => {
      void this.sub?.subscribe(CHANNEL).catch((error: Error) => this.report(error));
      if (!this.down) return;
      this.down = false;
      this.logger.log('Redis answers again: the public cache starts afresh.');
      this.cache.clear();
    });
    this.sub.on('message', (channel: string, message: string) => {
      if (channel === CHANNEL) this.receive(message);
    });
  }

  onModuleDestroy(): void {
    this.pub?.disconnect();
    this.sub?.disconnect();
  }

  /** Tells the other instances that `tenderId` changed (its change has committed). */
  publish(tenderId: string): void {
    if (!this.pub) return;
    this.pub.publish(CHANNEL, JSON.stringify({ from: this.instance, tenderId })).catch((error: Error) => this.report(error));
  }

  private receive(message: string): void {
    try {
      const { from, tenderId } = JSON.parse(message) as { from?: unknown; tenderId?: unknown };
      if (from !== this.instance) this.cache.invalidate(typeof tenderId === 'string' ? tenderId : null);
    } catch {
      // Not one of ours: drop everything rather than guess.
      this.cache.clear();
    }
  }

  private report(error: Error): void {
    if (!this.down) {
      this.logger.warn(
        `Redis is not answering (${error.message}): other instances' public pages may be up to a minute late until it is back.`,
      );
    }
    this.down = true;
  }
}
