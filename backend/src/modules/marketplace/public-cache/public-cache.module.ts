import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PublishedTender } from '../entities/published-tender.entity';
import { DeadlineHorizon } from './deadline-horizon';
import { InvalidationBus } from './invalidation-bus';
import { PublicCache } from './public-cache';
import { PublicCacheInterceptor } from './public-cache.interceptor';
import { PublicCacheSubscriber } from './public-cache.subscriber';

/** The public read cache (public-cache.ts): its store, invalidation after commit and across instances, and the deadline horizon. */
@Module({
  imports: [TypeOrmModule.forFeature([PublishedTender])],
  providers: [PublicCache, DeadlineHorizon, InvalidationBus, PublicCacheSubscriber, PublicCacheInterceptor],
  exports: [PublicCache, PublicCacheInterceptor],
})
export class PublicCacheModule {}
