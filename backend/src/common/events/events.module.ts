import { Global, Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { DomainEvents } from './domain-events.service';

/** Domain events between modules (domain-events.ts). Global: every owning module emits, any module may subscribe. */
@Global()
@Module({
  imports: [EventEmitterModule.forRoot({ wildcard: true, delimiter: '.', maxListeners: 50, ignoreErrors: false })],
  providers: [DomainEvents],
  exports: [DomainEvents],
})
export class EventsModule {}
