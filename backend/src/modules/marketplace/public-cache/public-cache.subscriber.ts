import { Injectable } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { afterCommit, type DomainEvent, TenderPackMade, TenderPublished, TenderStatusChanged } from '../../../common/events/domain-events';
import { InvalidationBus } from './invalidation-bus';
import { PublicCache } from './public-cache';

/**
 * Drops what a change makes stale, once it has committed: dropped earlier, a read still seeing the old rows
 * could cache them again (a read that began before the drop is not kept either: PublicCache's generation).
 * A publication or status change moves the lists and the tender's pages; a pack made after publication
 * fills in the version's `packSha256`.
 */
@Injectable()
export class PublicCacheSubscriber {
  constructor(
    private readonly cache: PublicCache,
    private readonly bus: InvalidationBus,
  ) {}

  @OnEvent(afterCommit(TenderPublished))
  @OnEvent(afterCommit(TenderStatusChanged))
  @OnEvent(afterCommit(TenderPackMade))
  onChanged(event: DomainEvent): void {
    if (!event.tenderId) return;
    this.cache.invalidate(event.tenderId);
    this.bus.publish(event.tenderId);
  }
}
